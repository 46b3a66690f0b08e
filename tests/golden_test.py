"""Golden end-to-end cases: tests/cases/<name>/content is scanned, the JSON must equal expected.json.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/golden_test.py` and review
the diff like code.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CliResult

CASES = Path(__file__).parent / "cases"
AS_OF = "2026-11-01"


def normalise(document: dict[str, Any]) -> dict[str, Any]:
    """Drop what changes with every release: version and rules hash."""
    document["tool"]["version"] = "*"
    document["tool"]["rules_sha256"] = "*"
    return document


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if (p / "content").is_dir()))
def test_golden_case(case: str, cli: Callable[..., CliResult]) -> None:
    folder = CASES / case
    result = cli("scan", "content", "--format", "json", "--as-of", AS_OF, "--fail-on", "critical", cwd=folder)
    assert result.code in (0, 1), result.err
    actual = normalise(result.json())
    expected_path = folder / "expected.json"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))
