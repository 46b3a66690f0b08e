"""SARIF 2.1.0 for GitHub code scanning: rules with legal references, results masked by default."""

from __future__ import annotations

import json
import os
import pathlib
import urllib.parse
from typing import TYPE_CHECKING, Any

from dsgvo_check import baseline
from dsgvo_check.mask import Masker
from dsgvo_check.model import Finding, Report, Severity
from dsgvo_check.report.view import personal_values

if TYPE_CHECKING:
    from dsgvo_check.report import RenderOptions
    from dsgvo_check.rules.model import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/dsgvo-check/dsgvo-check"
LEVELS = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning",
          Severity.LOW: "note", Severity.INFO: "note"}
#: GitHub's security-severity scale (0-10) per severity.
SECURITY_SEVERITY = {Severity.CRITICAL: "9.5", Severity.HIGH: "8.0", Severity.MEDIUM: "5.5",
                     Severity.LOW: "3.0", Severity.INFO: "1.0"}


def _uri(path: str) -> str:
    """A relative, forward-slashed URI reference as GitHub expects (a file: URI for absolute paths)."""
    if os.path.isabs(path):
        return pathlib.Path(path).as_uri()
    return urllib.parse.quote(path.replace(os.sep, "/").removeprefix("./"))


def rule_descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    """A reportingDescriptor for one rule."""
    help_text = "\n\n".join(part for part in (rule.description(lang).strip(), rule.remediation(lang).strip()) if part)
    return {
        "id": rule.id, "name": rule.id.replace("-", "_").title().replace("_", ""),
        "shortDescription": {"text": rule.title(lang)},
        "fullDescription": {"text": rule.description(lang).strip() or rule.title(lang)},
        "help": {"text": help_text or rule.title(lang)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "severity": rule.severity.label, "legal": list(rule.legal),
                       "tags": ["privacy", "dsgvo", rule.category],
                       "security-severity": SECURITY_SEVERITY[rule.severity]},
    }


def _result(finding: Finding, index: dict[str, int], mask: Masker, root: str) -> dict[str, Any]:
    region = {"startLine": max(1, finding.line), "startColumn": max(1, finding.column)}
    result: dict[str, Any] = {
        "ruleId": finding.rule, "level": LEVELS[finding.severity],
        "message": {"text": mask(finding.message) or finding.rule},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(finding.path)},
                                            "region": region}}],
        "partialFingerprints": {"dsgvoCheck/v1": baseline.fingerprint(finding, root)},
        "properties": {"severity": finding.severity.label, "category": finding.category,
                       "legal": list(finding.legal), "entity": finding.entity},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result


def document(report: Report, options: RenderOptions) -> dict[str, Any]:
    """The SARIF log: one run, its rules, results, suppressed results and scanned artifacts."""
    mask = Masker.build(personal_values(report), enabled=not options.show_personal_data)
    rules = sorted(report.ruleset.rules, key=lambda r: r.id) if report.ruleset is not None else []
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = [_result(f, index, mask, report.root) for f in report.findings]
    for entry in report.suppressed:
        result = _result(entry.finding, index, mask, report.root)
        kind = "inSource" if entry.source.startswith("inline") else "external"
        result["suppressions"] = [{"kind": kind, "justification": mask(entry.reason) or entry.source}]
        results.append(result)
    return {
        "$schema": SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "dsgvo-check", "version": report.tool_version,
                                "semanticVersion": report.tool_version, "informationUri": INFORMATION_URI,
                                "rules": [rule_descriptor(rule, report.lang) for rule in rules]}},
            "artifacts": [{"location": {"uri": _uri(f.path)},
                           "hashes": {"sha-256": f.sha256}} for f in report.files],
            "results": results, "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": True}],
            "properties": {"rulesSha256": report.rules_sha256,
                           "asOf": report.as_of.isoformat() if report.as_of else None,
                           "personalDataMasked": not options.show_personal_data},
        }],
    }


def render(report: Report, options: RenderOptions) -> str:
    """Writer `sarif`."""
    return json.dumps(document(report, options), ensure_ascii=False, indent=2) + "\n"
