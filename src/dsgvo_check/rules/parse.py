"""One rule file -> Rule, strictly: unknown keys, kinds and placeholders are errors with positions."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from datetime import date

from dsgvo_check import yamlfile
from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import CHANNELS, Severity
from dsgvo_check.rules.conditions import parse_condition
from dsgvo_check.rules.kinds import KINDS
from dsgvo_check.rules.model import Example, LegalRef, Rule, Source, Texts
from dsgvo_check.rules.nodes import Node, compose_file
from dsgvo_check.rules.phrases import Lexicon
from dsgvo_check.rules.textmatch import build_lexicon

COMMON_KEYS = ("kind", "severity", "category", "title", "message", "description", "remediation", "legal",
               "sources", "valid_from", "valid_until", "severity_by_channel", "when", "examples")
REQUIRED_KEYS = ("kind", "severity", "category", "title", "message", "description", "remediation")
PLACEHOLDERS = ("text", "entity", "person", "consent", "detail", "image")
EXAMPLE_KEYS = ("post", "campaign", "consents", "images", "as_of", "count", "note")
LEXICON_KEYS = ("description", "phrases", "regex")
CONSENT_ENTRY_KEYS = ("id", "person", "scope", "channels", "granted_at", "expires_at", "withdrawn_at", "minor",
                      "guardian")
RULE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
SEVERITIES = [s.label for s in Severity]


def _texts(node: Node, need_en: bool, placeholders: bool = False) -> Texts:
    keys = node.mapping(("de", "en"), required=("de", "en") if need_en else ("de",))
    texts = Texts(keys["de"].text(), keys["en"].text() if "en" in keys else None)
    if placeholders:
        for lang in keys:
            _check_placeholders(keys[lang], getattr(texts, lang))
    return texts


def _check_placeholders(node: Node, template: str) -> None:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise node.error(f"bad message template: {exc} (write {{{{ and }}}} for literal braces)") from None
    for name in names:
        if name not in PLACEHOLDERS:
            raise node.error(f"unknown placeholder '{{{name}}}' (allowed: {', '.join(PLACEHOLDERS)})")


def _legal(node: Node) -> tuple[LegalRef, ...]:
    refs = []
    for item in node.items():
        if isinstance(item.value(), str):
            refs.append(LegalRef(item.text()))
            continue
        keys = item.mapping(("ref", "valid_from", "valid_until"), required=("ref",))
        refs.append(LegalRef(keys["ref"].text(), keys["valid_from"].day() if "valid_from" in keys else None,
                             keys["valid_until"].day() if "valid_until" in keys else None))
    return tuple(refs)


def _sources(node: Node) -> tuple[Source, ...]:
    sources = []
    for item in node.items():
        if isinstance(item.value(), str):
            sources.append(Source(item.text()))
            continue
        keys = item.mapping(("title", "url"), required=("title",))
        sources.append(Source(keys["title"].text(), keys["url"].text() if "url" in keys else None))
    return tuple(sources)


def _example(node: Node) -> Example:
    if isinstance(node.value(), str):
        return Example(node.text(), node.line)
    keys = node.mapping(EXAMPLE_KEYS)
    if ("post" in keys) == ("campaign" in keys):
        raise node.error("an example needs exactly one of 'post' or 'campaign'")
    text_node = keys.get("post") or keys["campaign"]
    consents = []
    for entry in keys["consents"].items() if "consents" in keys else []:
        entry.mapping(CONSENT_ENTRY_KEYS, required=("id", "person"))
        consents.append(entry.value())
    images = keys["images"].value() if "images" in keys else {}
    if not isinstance(images, dict):
        raise keys["images"].error("expected a mapping image-ref: {faces: N, gps: [lat, lon], ...}")
    return Example(
        text_node.text(), text_node.line, campaign="campaign" in keys,
        consents=tuple(consents),  # type: ignore[arg-type]
        images=images, as_of=keys["as_of"].day() if "as_of" in keys else None,
        count=keys["count"].integer(0, 1000) if "count" in keys else None,
        note=keys["note"].text() if "note" in keys else "",
    )


def _examples(node: Node) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    keys = node.mapping(("fires", "passes"))
    return (tuple(_example(n) for n in keys["fires"].items()) if "fires" in keys else (),
            tuple(_example(n) for n in keys["passes"].items()) if "passes" in keys else ())


def _channel_severities(node: Node) -> dict[str, Severity]:
    keys = node.mapping(CHANNELS)
    return {channel: Severity.parse(value.choice(SEVERITIES)) for channel, value in keys.items()}


def parse_rule(path: str, text: str, rule_id: str, lexicons: Mapping[str, Lexicon]) -> Rule:
    """A Rule from a rule file's text; DsgvoCheckError naming file, line and key on any problem."""
    root = compose_file(path, text)
    if not RULE_ID.match(rule_id):
        raise DsgvoCheckError(f"bad rule id '{rule_id}' (the file name): use letters, digits, - and _", path, 1, 1)
    kind_node = yamlfile.get(root.node, "kind")
    if kind_node is None:
        raise root.error(f"missing required key 'kind' (one of {', '.join(KINDS)})")
    kind_name = root.child(kind_node, "kind").choice(KINDS)
    own, required, build = KINDS[kind_name]
    keys = root.mapping(COMMON_KEYS + own, REQUIRED_KEYS + required)
    fires, passes = _examples(keys["examples"]) if "examples" in keys else ((), ())
    return Rule(
        id=rule_id, kind=kind_name, severity=Severity.parse(keys["severity"].choice(SEVERITIES)),
        category=keys["category"].text(), titles=_texts(keys["title"], True),
        messages=_texts(keys["message"], True, placeholders=True),
        descriptions=_texts(keys["description"], False), remediations=_texts(keys["remediation"], False),
        check=build({k: v for k, v in keys.items() if k in own}, lexicons), source_path=path,
        legal_refs=_legal(keys["legal"]) if "legal" in keys else (),
        sources=_sources(keys["sources"]) if "sources" in keys else (),
        when=parse_condition(keys["when"], lexicons) if "when" in keys else None,
        valid_from=_day(keys, "valid_from"), valid_until=_day(keys, "valid_until"),
        severity_by_channel=_channel_severities(keys["severity_by_channel"]) if "severity_by_channel" in keys
        else {}, fires=fires, passes=passes,
    )


def _day(keys: Mapping[str, Node], key: str) -> date | None:
    return keys[key].day() if key in keys else None


def parse_lexicon(path: str, text: str) -> Lexicon:
    """A shared phrase list (`lexicons/NAME.yml`: description, phrases, regex)."""
    root = compose_file(path, text)
    keys = root.mapping(LEXICON_KEYS)
    if "phrases" not in keys and "regex" not in keys:
        raise root.error("a lexicon needs 'phrases' or 'regex'")
    return build_lexicon(keys.get("phrases"), keys.get("regex"))
