"""Inline suppressions (`dsgvo-check: ignore RULE -- reason`) and the baseline, applied to findings."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

from dsgvo_check import baseline as baselines
from dsgvo_check.model import Finding, Suppressed
from dsgvo_check.rules import RuleSet

NO_REASON = "SUPPRESSION-NO-REASON"
UNUSED = "SUPPRESSION-UNUSED"
OWN_RULES = frozenset({NO_REASON, UNUSED})
HTML_FORM = re.compile(r"^\s*<!--\s*dsgvo-check:\s*ignore\b(?P<rest>.*?)-->\s*$", re.IGNORECASE)
HASH_FORM = re.compile(r"^\s*#\s*dsgvo-check:\s*ignore\b(?P<rest>.*)$", re.IGNORECASE)
PATTERN = re.compile(r"^[A-Za-z0-9_*?\[\]-]+$")
YAML_SUFFIXES = (".yaml", ".yml")
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One ignore comment: the rule globs it names, its reason, and the lines [first, last] it covers."""

    path: str
    line: int
    column: int
    patterns: tuple[str, ...]
    reason: str
    first: int
    last: int

    def covers(self, finding: Finding, pattern: str) -> bool:
        """Whether `pattern` of this comment suppresses the finding."""
        return (finding.path == self.path and self.first <= finding.line <= self.last
                and fnmatchcase(finding.rule, pattern))


def _yaml_lines(path: str, lines: Sequence[str]) -> tuple[int, int] | None:
    """0-based [start, end) of the YAML part: the whole file, or a Markdown post's front matter."""
    if path.lower().endswith(YAML_SUFFIXES):
        return 0, len(lines)
    if path.lower().endswith(MARKDOWN_SUFFIXES) and lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return 1, index
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_directive(line: str) -> bool:
    return bool(HTML_FORM.match(line) or HASH_FORM.match(line))


def _yaml_node_end(lines: Sequence[str], start: int, end: int) -> int:
    """0-based last line of the YAML node that starts at `start`: deeper lines belong to it."""
    indent = _indent(lines[start])
    opens_block = lines[start].rstrip().endswith(":")
    last = start
    for index in range(start + 1, end):
        text = lines[index]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        same_level_list = opens_block and _indent(text) == indent and text.lstrip().startswith("- ")
        if _indent(text) <= indent and not same_level_list:
            break
        last = index
    return last


def _scope(lines: Sequence[str], index: int, region: tuple[int, int] | None) -> tuple[int, int]:
    """1-based [first, last] lines covered by the comment on 0-based line `index` (its own line included)."""
    in_yaml = region is not None and region[0] <= index < region[1]
    stop = region[1] if in_yaml and region is not None else len(lines)
    target = next((i for i in range(index + 1, stop) if lines[i].strip() and not _is_directive(lines[i])), None)
    if in_yaml and region is not None:
        before = [t for t in lines[region[0]:index] if t.strip() and not t.lstrip().startswith("#")]
        if not before:  # above the first key: the whole post or campaign file
            return 1, len(lines)
        if target is None:
            return index + 1, index + 1
        return index + 1, _yaml_node_end(lines, target, stop) + 1
    return index + 1, (target + 1 if target is not None else index + 1)


def _parse_rest(rest: str) -> tuple[tuple[str, ...], str]:
    rules, _, reason = rest.partition("--")
    patterns = tuple(p.upper() for p in re.split(r"[\s,]+", rules.strip()) if p)
    return patterns, reason.strip()


def parse(path: str, text: str) -> list[Suppression]:
    """The suppressions in one content file: HTML comments in Markdown, `#` comments in YAML."""
    lines = text.splitlines()
    region = _yaml_lines(path, lines)
    found = []
    for index, line in enumerate(lines):
        in_yaml = region is not None and region[0] <= index < region[1]
        match = (HASH_FORM if in_yaml else HTML_FORM).match(line)
        if match is None:
            continue
        patterns, reason = _parse_rest(match.group("rest"))
        first, last = _scope(lines, index, region)
        column = line.index("dsgvo-check") + 1 if "dsgvo-check" in line else 1
        found.append(Suppression(path, index + 1, column, patterns, reason, first, last))
    return found


def read(paths: Iterable[str]) -> list[Suppression]:
    """The suppressions of every readable text file among `paths` (unreadable ones have none)."""
    found: list[Suppression] = []
    for path in paths:
        try:
            with open(path, encoding="utf-8-sig", errors="replace") as handle:
                text = handle.read()
        except OSError:
            continue
        if "dsgvo-check" in text:
            found.extend(parse(path, text.replace("\r\n", "\n")))
    return found


def own_finding(rule_id: str, where: Suppression, detail: str, ruleset: RuleSet, lang: str) -> list[Finding]:
    """The finding about a suppression comment itself, worded by its rule file; none if it is disabled."""
    from dsgvo_check.engine import render
    rule = ruleset.get(rule_id)
    if rule is None:
        return []
    return [Finding(rule.id, rule.severity, where.path, where.line, where.column,
                   render(rule, lang, {"detail": detail}), legal=rule.legal, category=rule.category,
                   item=where.path)]


def apply_inline(findings: Sequence[Finding], suppressions: Sequence[Suppression], ruleset: RuleSet,
                 lang: str = "de") -> tuple[list[Finding], list[Suppressed]]:
    """Findings left after the comments, what they suppressed, and findings about bad comments."""
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    used: set[tuple[int, str]] = set()
    for finding in findings:
        hits = [(n, p) for n, s in enumerate(suppressions) for p in s.patterns if s.covers(finding, p)]
        if not hits or finding.rule in OWN_RULES:
            kept.append(finding)
            continue
        used.update(hits)
        where = suppressions[hits[0][0]]
        suppressed.append(Suppressed(finding, where.reason, f"inline {where.path}:{where.line}"))
    for n, where in enumerate(suppressions):
        kept.extend(_problems(n, where, used, ruleset, lang))
    return kept, suppressed


def _problems(n: int, where: Suppression, used: set[tuple[int, str]], ruleset: RuleSet,
              lang: str) -> list[Finding]:
    problems = []
    if not where.reason:
        problems.extend(own_finding(NO_REASON, where, "Begründung fehlt: '-- Grund' anfügen"
                                    if lang == "de" else "add '-- reason'", ruleset, lang))
    if not where.patterns:
        detail = "keine Regel angegeben" if lang == "de" else "no rule given"
        problems.extend(own_finding(UNUSED, where, detail, ruleset, lang))
    for pattern in where.patterns:
        if (n, pattern) in used:
            continue
        if not PATTERN.match(pattern):
            detail = f"'{pattern}' ist keine Regel-ID" if lang == "de" else f"'{pattern}' is not a rule id"
        elif not any(fnmatchcase(rule.id, pattern) for rule in ruleset.rules):
            detail = f"unbekannte Regel {pattern}" if lang == "de" else f"unknown rule {pattern}"
        else:
            detail = f"{pattern} unterdrückt hier nichts" if lang == "de" else f"{pattern} suppresses nothing"
        problems.extend(own_finding(UNUSED, where, detail, ruleset, lang))
    return problems


def apply_baseline(findings: Sequence[Finding], baseline: baselines.Baseline | None
                   ) -> tuple[list[Finding], list[Suppressed]]:
    """Findings not accepted in the baseline, and those that are (with who, when, why)."""
    if baseline is None or not baseline.entries:
        return list(findings), []
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    base = os.path.dirname(baseline.path) or "."
    for finding in findings:
        entry = baseline.entries.get(baselines.fingerprint(finding, base)) if baselines.eligible(finding) else None
        if entry is None:
            kept.append(finding)
        else:
            suppressed.append(Suppressed(finding, entry.reason, f"baseline {baseline.path}",
                                         entry.accepted_by, entry.accepted_at))
    return kept, suppressed


def apply(findings: Sequence[Finding], content_paths: Iterable[str], ruleset: RuleSet, *,
          baseline: baselines.Baseline | None = None, lang: str = "de") -> tuple[list[Finding], list[Suppressed]]:
    """Inline suppressions first, then the baseline; both sorted like the report."""
    kept, inline = apply_inline(findings, read(content_paths), ruleset, lang)
    kept, accepted = apply_baseline(kept, baseline)
    done = sorted(inline + accepted, key=lambda s: s.finding.sort_key)
    return sorted(kept, key=lambda f: f.sort_key), done
