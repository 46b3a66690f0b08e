"""The bundled examples/ repository: what its README promises, the scan finds (examples/erwartet.gold.yaml)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import CliResult

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@pytest.fixture(scope="module")
def gold() -> dict[str, dict[str, list[object]]]:
    files: dict[str, dict[str, list[object]]] = yaml.safe_load(
        (EXAMPLES / "erwartet.gold.yaml").read_text(encoding="utf-8"))["files"]
    return files


@pytest.fixture
def findings(tmp_path: Path, cli: Callable[..., CliResult]) -> list[dict[str, object]]:
    """Scan a copy (the tool must not write into the scanned tree, and the copy proves it needs nothing else)."""
    root = tmp_path / "examples"
    shutil.copytree(EXAMPLES, root)
    result = cli("scan", "examples", "--format", "json", "--no-cache", cwd=root.parent)
    assert result.code == 1, result.err  # fail_on: high, and the demo has high findings
    found: list[dict[str, object]] = result.json()["findings"]
    for finding in found:
        finding["path"] = str(Path(str(finding["path"])).relative_to("examples"))
    return found


def test_every_expected_rule_fires_in_its_file(gold: dict[str, dict[str, list[object]]],
                                               findings: list[dict[str, object]]) -> None:
    fired = {(f["path"], f["rule"]) for f in findings}
    missing = [(path, rule) for path, spec in gold.items() for rule in spec.get("rules") or []
               if (path, rule) not in fired]
    assert missing == []


def test_every_expected_entity_is_found(gold: dict[str, dict[str, list[object]]],
                                        findings: list[dict[str, object]]) -> None:
    missing = []
    for path, spec in gold.items():
        found = [_norm(str(f["text"])) for f in findings if f["path"] == path and f["entity"]]
        for entity in spec.get("entities") or []:
            want = _norm(entity["text"])  # type: ignore[index]
            if not any(want in text or text in want for text in found if text):
                missing.append((path, entity))
    assert missing == []


def test_clean_files_have_no_findings_at_or_above_medium(gold: dict[str, dict[str, list[object]]],
                                                        findings: list[dict[str, object]]) -> None:
    clean = {path for path, spec in gold.items() if not spec.get("rules") and not spec.get("entities")}
    noisy = [(f["path"], f["rule"]) for f in findings if f["path"] in clean
             and f["severity"] in ("medium", "high", "critical") and f["rule"] != "PARSE-ERROR"]
    assert noisy == []


def test_the_broken_post_is_a_parse_error_and_the_draft_is_excluded(findings: list[dict[str, object]]) -> None:
    assert {f["path"] for f in findings if f["rule"] == "PARSE-ERROR"} == {"posts/15-weihnachtsmarkt.md"}
    assert not [f for f in findings if str(f["path"]).startswith("entwuerfe/")]
