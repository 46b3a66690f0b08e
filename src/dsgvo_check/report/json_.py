"""The contract's JSON document (schema dsgvo-check/report/v1), plus additive fields."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from dsgvo_check.model import Finding, Report

if TYPE_CHECKING:
    from dsgvo_check.report import RenderOptions

SCHEMA_ID = "dsgvo-check/report/v1"


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One finding as the contract spells it (category, item and field are additions)."""
    return {
        "rule": finding.rule, "severity": finding.severity.label, "path": finding.path,
        "line": finding.line, "column": finding.column, "entity": finding.entity, "text": finding.text,
        "message": finding.message, "legal": list(finding.legal), "category": finding.category,
        "item": finding.item, "field": finding.field,
    }


def document(report: Report) -> dict[str, Any]:
    """The whole JSON document."""
    return {
        "schema": SCHEMA_ID,
        "tool": {"name": "dsgvo-check", "version": report.tool_version, "rules_sha256": report.rules_sha256},
        "scanned": {"files": report.content_files, "items": len(report.items)},
        "as_of": report.as_of.isoformat() if report.as_of else None,
        "findings": [finding_dict(f) for f in report.findings],
        "notices": [{"path": n.path, "line": n.line, "message": n.message} for n in report.notices],
    }


def render(report: Report, _options: RenderOptions) -> str:
    """The document as UTF-8 text, indented; personal data in clear as the contract says."""
    return json.dumps(document(report), ensure_ascii=False, indent=2) + "\n"
