"""Report -> ReportView: the plain, already-masked values the HTML/PDF template shows."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dsgvo_check.mask import Masker
from dsgvo_check.model import Finding, ImageFacts, Report, Severity
from dsgvo_check.report import appendix
from dsgvo_check.report.appendix import Cover, FileRow, GlossaryRow, RuleRow, SuppressedRow
from dsgvo_check.report.labels import CATEGORY_LABELS, LABELS, SEVERITY_LABELS
from dsgvo_check.report.sections import Context, Section, orphan_section, section

if TYPE_CHECKING:
    from dsgvo_check.report import RenderOptions

BAR_MAX = 100.0


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of the summary chart; `width` in percent of the longest bar."""

    key: str
    label: str
    count: int
    width: float


@dataclass(frozen=True, slots=True)
class Summary:
    total: int
    items: int
    items_with_findings: int
    files: int
    by_severity: tuple[Bar, ...]
    by_category: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class CleanItem:
    heading: str
    path: str
    channels: str


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything the template shows, as plain strings and numbers, personal data masked unless asked."""

    lang: str
    words: Mapping[str, str]
    masked: bool
    cover: Cover
    summary: Summary
    sections: tuple[Section, ...]
    clean: tuple[CleanItem, ...]
    rules: tuple[RuleRow, ...]
    suppressed: tuple[SuppressedRow, ...]
    glossary: tuple[GlossaryRow, ...]
    files: tuple[FileRow, ...]
    config: tuple[tuple[str, str], ...]
    notices: tuple[str, ...]


def personal_values(report: Report) -> Iterator[tuple[str, str | None]]:
    """Every personal-data value the report could show: found data, people named, names in metadata."""
    for finding in (*report.findings, *(s.finding for s in report.suppressed)):
        if finding.text and finding.entity:
            yield finding.text, finding.entity
    for item in report.items:
        yield from ((person.name, "PERSON") for person in item.people)
        yield from ((name, "PERSON") for ref in item.images for name in ref.people)
    for facts in report.images.values():
        yield from ((value, "PERSON") for _tag, value in facts.metadata_people)
        yield from ((value, None) for _tag, value in facts.serials)


def _bars(counts: Counter[str], order: list[str], labels: Mapping[str, str]) -> tuple[Bar, ...]:
    top = max(counts.values(), default=0) or 1
    return tuple(Bar(key, labels.get(key, key), counts[key], round(BAR_MAX * counts[key] / top, 1))
                 for key in order if counts[key] or key in labels)


def summary(report: Report, lang: str) -> Summary:
    """Counts by severity (all five, highest first) and by category (those that occur)."""
    severities = Counter(f.severity.label for f in report.findings)
    categories = Counter(f.category or "core" for f in report.findings)
    order = [s.label for s in sorted(Severity, reverse=True)]
    cat_order = sorted(categories, key=lambda c: (-categories[c], c))
    cat_labels = {c: CATEGORY_LABELS[lang].get(c, c) for c in cat_order}
    return Summary(total=len(report.findings), items=len(report.items),
                   items_with_findings=len({f.item for f in report.findings if f.item}),
                   files=report.content_files, by_severity=_bars(severities, order, SEVERITY_LABELS[lang]),
                   by_category=_bars(categories, cat_order, cat_labels))


def _thumbnailer(blur: bool) -> Callable[[str, ImageFacts], bytes]:
    def thumbnail(path: str, facts: ImageFacts) -> bytes:
        from dsgvo_check.image import render_thumbnail

        return render_thumbnail(path, facts.faces or (), blur=blur, max_px=160)
    return thumbnail


def _sections(report: Report, ctx: Context, words: Mapping[str, str]) -> tuple[list[Section], list[CleanItem]]:
    by_item: defaultdict[str | None, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_item[finding.item].append(finding)
    known = {item.key for item in report.items}
    sections: list[Section] = []
    clean: list[CleanItem] = []
    number = 0
    for item in report.items:
        findings = by_item.get(item.key, [])
        if not findings:
            title = item.meta.get("title")
            clean.append(CleanItem(ctx.mask(title if isinstance(title, str) else item.key), ctx.mask(item.path),
                                   ", ".join(item.channels) or words["none"]))
            continue
        numbered = [(f, f"B{number + i + 1}") for i, f in enumerate(findings)]
        number += len(findings)
        sections.append(section(item, numbered, ctx, words, f"s{len(sections) + 1}"))
    orphans = [f for key, found in by_item.items() if key not in known for f in found]
    for path in dict.fromkeys(f.path for f in orphans):
        found = [f for f in orphans if f.path == path]
        numbered = [(f, f"B{number + i + 1}") for i, f in enumerate(found)]
        number += len(found)
        sections.append(orphan_section(path, numbered, ctx, words, f"s{len(sections) + 1}"))
    return sections, clean


def _config_rows(config: Mapping[str, object], mask: Masker) -> tuple[tuple[str, str], ...]:
    return tuple((key, mask(json.dumps(value, ensure_ascii=False, default=str)))
                 for key, value in sorted(config.items()))


def build_view(report: Report, options: RenderOptions) -> ReportView:
    """The view of a report: masked unless `options.show_personal_data`."""
    lang = report.lang if report.lang in LABELS else "de"
    words = LABELS[lang]
    mask = Masker.build(personal_values(report), enabled=not options.show_personal_data)
    ctx = Context(mask, report.ruleset, lang, report.images, report.root,
                  _thumbnailer(blur=not options.show_personal_data))
    sections, clean = _sections(report, ctx, words)
    return ReportView(
        lang=lang, words=words, masked=not options.show_personal_data,
        cover=appendix.cover(report, options, words), summary=summary(report, lang),
        sections=tuple(sections), clean=tuple(clean), rules=appendix.rule_rows(report, lang, mask),
        suppressed=appendix.suppressed_rows(report, mask), glossary=appendix.glossary(report, lang),
        files=tuple(FileRow(mask(f.path), f.kind, f.sha256) for f in report.files),
        config=_config_rows(report.config, mask),
        notices=tuple(mask(f"{n.path}:{n.line}: {n.message}") for n in report.notices))
