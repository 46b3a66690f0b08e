"""One report section per item: its text with the findings highlighted, thumbnails, findings, rule notes."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dsgvo_check.mask import Masker
from dsgvo_check.model import Finding, ImageFacts, ImageRef, Item, TextField
from dsgvo_check.report.labels import SEVERITY_LABELS

if TYPE_CHECKING:
    from dsgvo_check.rules import RuleSet

THUMB_PX = 160


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a text; `mark` is the severity of a highlighted finding, `ref` its number."""

    text: str
    mark: str = ""
    ref: str = ""


@dataclass(frozen=True, slots=True)
class FieldView:
    name: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class ImageView:
    ref: str
    src: str
    facts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FindingView:
    number: str
    severity: str
    severity_label: str
    rule: str
    title: str
    location: str
    message: str
    legal: tuple[str, ...]
    value: str | None


@dataclass(frozen=True, slots=True)
class RuleNote:
    """What to do about a rule's findings (its explanation is in appendix A, once)."""

    rule: str
    title: str
    remediation: str


@dataclass(frozen=True, slots=True)
class Section:
    anchor: str
    heading: str
    path: str
    channels: str
    publish: str
    campaign: str
    people: tuple[str, ...]
    fields: tuple[FieldView, ...]
    images: tuple[ImageView, ...]
    findings: tuple[FindingView, ...]
    notes: tuple[RuleNote, ...]


@dataclass(frozen=True, slots=True)
class Context:
    """What every section needs: the masker, the rules, the language, images and the scanned root."""

    mask: Masker
    ruleset: RuleSet | None
    lang: str
    images: Mapping[str, ImageFacts]
    root: str
    thumbnail: Callable[[str, ImageFacts], bytes] | None


def finding_view(finding: Finding, number: str, ctx: Context) -> FindingView:
    """A finding with its rule's title, masked message and masked value."""
    rule = ctx.ruleset.get(finding.rule) if ctx.ruleset is not None else None
    value = ctx.mask.value(finding.text, finding.entity) if finding.text and finding.entity else None
    return FindingView(
        number=number, severity=finding.severity.label,
        severity_label=SEVERITY_LABELS[ctx.lang][finding.severity.label], rule=finding.rule,
        title=rule.title(ctx.lang) if rule is not None else finding.rule,
        location=ctx.mask(f"{os.path.basename(finding.path)}:{finding.line}:{finding.column}"),
        message=ctx.mask(finding.message), legal=finding.legal, value=value)


def rule_notes(findings: Sequence[Finding], ctx: Context) -> tuple[RuleNote, ...]:
    """The remediation once for each rule that fired in a section."""
    notes: list[RuleNote] = []
    for rule_id in dict.fromkeys(f.rule for f in findings):
        rule = ctx.ruleset.get(rule_id) if ctx.ruleset is not None else None
        if rule is not None:
            notes.append(RuleNote(rule.id, rule.title(ctx.lang), ctx.mask(rule.remediation(ctx.lang).strip())))
    return tuple(notes)


def _offset(field: TextField, finding: Finding) -> int:
    """Where the finding's text starts in the field: the occurrence at its line/column, else the first."""
    assert finding.text is not None
    start = field.text.find(finding.text)
    first = start
    while start >= 0:
        if field.position(start) == (finding.line, finding.column):
            return start
        start = field.text.find(finding.text, start + 1)
    return first


def highlight(field: TextField, marks: Sequence[tuple[Finding, str]], ctx: Context) -> FieldView:
    """The field's text cut into plain and highlighted (masked) segments."""
    spans: list[tuple[int, int, Finding, str]] = []
    for finding, number in marks:
        start = _offset(field, finding) if finding.text else -1
        if start >= 0 and finding.text and all(start >= e or start + len(finding.text) <= s for s, e, _f, _n in spans):
            spans.append((start, start + len(finding.text), finding, number))
    segments: list[Segment] = []
    cursor = 0
    for start, end, finding, number in sorted(spans, key=lambda span: span[0]):
        segments.append(Segment(ctx.mask(field.text[cursor:start])))
        shown = field.text[start:end]
        shown = ctx.mask.value(shown, finding.entity) if finding.entity else ctx.mask(shown)
        segments.append(Segment(shown, finding.severity.label, number))
        cursor = end
    segments.append(Segment(ctx.mask(field.text[cursor:])))
    label = "" if field.name in ("body", "text") else ctx.mask(field.name)
    return FieldView(label, tuple(s for s in segments if s.text))


def _inside(path: str, root: str) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def image_view(ref: ImageRef, ctx: Context, words: Mapping[str, str]) -> ImageView:
    """A thumbnail (data: URI, faces blurred unless personal data is shown) and the image's facts."""
    facts = ctx.images.get(ref.path)
    if facts is None or ctx.thumbnail is None or not _inside(ref.path, ctx.root):
        return ImageView(ctx.mask(ref.ref), "", (words["image_unreadable"],))
    png = ctx.thumbnail(ref.path, facts)
    lines = [f"{words['faces']}: {len(facts.faces) if facts.faces is not None else words['not_checked']}"]
    if facts.gps:
        lines.append(f"{words['gps']}: {ctx.mask(f'{facts.gps[0]:.5f}, {facts.gps[1]:.5f}')}")
    for tag, value in (*facts.metadata_people, *facts.serials):
        lines.append(f"{words['metadata']}: {tag} = {ctx.mask(value)}")
    src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return ImageView(ctx.mask(ref.ref), src, tuple(lines))


def section(item: Item, numbered: Sequence[tuple[Finding, str]], ctx: Context, words: Mapping[str, str],
            anchor: str) -> Section:
    """The section of one item and its numbered findings."""
    title = item.meta.get("title") if isinstance(item.meta.get("title"), str) else None
    fields = [highlight(f, [(fi, n) for fi, n in numbered if fi.field == f.name], ctx) for f in item.fields]
    return Section(
        anchor=anchor, heading=ctx.mask(title or item.key), path=ctx.mask(f"{item.path}:{item.line}"),
        channels=", ".join(item.channels) or words["none"],
        publish=item.publish_at.strftime("%d.%m.%Y %H:%M").removesuffix(" 00:00") if item.publish_at
        else words["none"], campaign=ctx.mask(item.campaign or ""),
        people=tuple(ctx.mask(p.name) for p in item.people), fields=tuple(fields),
        images=tuple(image_view(ref, ctx, words) for ref in item.images),
        findings=tuple(finding_view(f, n, ctx) for f, n in numbered),
        notes=rule_notes([f for f, _n in numbered], ctx))


def orphan_section(path: str, numbered: Sequence[tuple[Finding, str]], ctx: Context, words: Mapping[str, str],
                   anchor: str) -> Section:
    """Findings with no item (a file that could not be read) under their file's name."""
    return Section(anchor=anchor, heading=ctx.mask(path), path=ctx.mask(path), channels=words["none"],
                   publish=words["none"], campaign="", people=(), fields=(), images=(),
                   findings=tuple(finding_view(f, n, ctx) for f, n in numbered),
                   notes=rule_notes([f for f, _n in numbered], ctx))
