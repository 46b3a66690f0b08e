"""Cover page and appendices of the HTML/PDF report: evidence, rules applied, suppressions, glossary."""

from __future__ import annotations

import hashlib
import subprocess
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dsgvo_check.mask import Masker
from dsgvo_check.model import Report
from dsgvo_check.report.labels import CATEGORY_LABELS, SEVERITY_LABELS, glossary_key, meaning

if TYPE_CHECKING:
    from dsgvo_check.report import RenderOptions


@dataclass(frozen=True, slots=True)
class Cover:
    title: str
    scope: str
    as_of: str
    generated: str
    duration: str
    tool_version: str
    rules_sha256: str
    git_commit: str
    reviewer: str


@dataclass(frozen=True, slots=True)
class RuleRow:
    id: str
    title: str
    severity: str
    severity_label: str
    category: str
    version: str
    legal: tuple[str, ...]
    fired: int = 0
    description: str = ""
    remediation: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SuppressedRow:
    rule: str
    location: str
    message: str
    reason: str
    source: str


@dataclass(frozen=True, slots=True)
class GlossaryRow:
    ref: str
    meaning: str
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FileRow:
    path: str
    kind: str
    sha256: str


def git_commit(root: str, words: Mapping[str, str]) -> str:
    """The content repository's HEAD commit (and whether the work tree has changes), if it is one."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                              timeout=10, check=False)
        if head.returncode != 0:
            return words["no_git"]
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                                capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return words["no_git"]
    commit = head.stdout.strip()
    return f"{commit} ({words['dirty']})" if status.stdout.strip() else commit


def cover(report: Report, options: RenderOptions, words: Mapping[str, str]) -> Cover:
    """The cover page's facts: what was checked, when, with which tool and rules."""
    as_of = report.as_of.strftime("%d.%m.%Y") if report.as_of else words["none"]
    generated = report.started_at.strftime("%d.%m.%Y %H:%M") if report.started_at else words["none"]
    return Cover(
        title=options.title or words["default_title"], scope=report.root, as_of=as_of, generated=generated,
        duration=f"{report.duration_s:.1f} {words['seconds']}", tool_version=f"dsgvo-check {report.tool_version}",
        rules_sha256=report.rules_sha256, git_commit=git_commit(report.root, words),
        reviewer=options.reviewer or "")


def _file_version(path: str) -> str:
    """The first 12 hex digits of the rule file's SHA-256: which wording of the rule was applied."""
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()[:12]
    except OSError:
        return "–"


def rule_rows(report: Report, lang: str, mask: Masker) -> tuple[RuleRow, ...]:
    """Every rule in force, sorted by id, with how often it fired and its explanation."""
    if report.ruleset is None:
        return ()
    fired = Counter(f.rule for f in report.findings)
    return tuple(
        RuleRow(rule.id, rule.title(lang), rule.severity.label, SEVERITY_LABELS[lang][rule.severity.label],
                CATEGORY_LABELS[lang].get(rule.category, rule.category), _file_version(rule.source_path),
                rule.legal, fired[rule.id], mask(rule.description(lang).strip()),
                mask(rule.remediation(lang).strip()),
                tuple(f"{s.title} ({s.url})" if s.url else s.title for s in rule.sources))
        for rule in sorted(report.ruleset.rules, key=lambda r: r.id))


def suppressed_rows(report: Report, mask: Masker) -> tuple[SuppressedRow, ...]:
    """Accepted (baseline) and suppressed (inline) findings with their reasons, masked."""
    rows = []
    for entry in report.suppressed:
        finding = entry.finding
        source = " ".join(part for part in (entry.source, entry.by, entry.at) if part)
        rows.append(SuppressedRow(finding.rule, mask(f"{finding.path}:{finding.line}:{finding.column}"),
                                  mask(finding.message), mask(entry.reason), mask(source)))
    return tuple(rows)


def glossary(report: Report, lang: str) -> tuple[GlossaryRow, ...]:
    """The legal references cited by the findings (and the rules in force), grouped by law."""
    cited: defaultdict[str, set[str]] = defaultdict(set)
    for finding in (*report.findings, *(s.finding for s in report.suppressed)):
        for ref in finding.legal:
            cited[ref].add(finding.rule)
    by_key: defaultdict[str, list[str]] = defaultdict(list)
    for ref in sorted(cited):
        by_key[glossary_key(ref)].append(ref)
    rows = []
    for key in sorted(by_key, key=_law_order):
        refs = by_key[key]
        rules = sorted({rule for ref in refs for rule in cited[ref]})
        rows.append(GlossaryRow("; ".join(refs), meaning(key, lang) or "", tuple(rules)))
    return tuple(rows)


def _law_order(key: str) -> tuple[int, int, str]:
    """DSGVO articles by number first, then the other laws by name."""
    if key.startswith("Art. ") and key.endswith("DSGVO"):
        return 0, int(key.split()[1]), key
    return 1, 0, key
