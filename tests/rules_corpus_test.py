"""Rule precision and recall on the labelled test corpus (tests/corpus, tests/corpus.gold.yaml)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"
GOLD = Path(__file__).parent / "corpus.gold.yaml"
SCORED = ("ART9-", "MINOR-DATA", "CONSENT-", "GIVEAWAY-", "IMAGE-", "COLLECT-", "TRACKING-", "ADS-")

pytestmark = pytest.mark.skipif(not (CORPUS.is_dir() and GOLD.is_file()), reason="no labelled test corpus yet")


def rule_pairs(findings: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """(file relative to the corpus, rule id) for the scored rule families, as score.py counts them."""
    return {(os.path.relpath(path, CORPUS).replace(os.sep, "/"), rule) for path, rule in findings
            if rule.startswith(SCORED)}


def test_rule_precision_and_recall_on_the_corpus() -> None:
    pytest.importorskip("dsgvo_check.image")
    from dsgvo_check.config import Config
    from dsgvo_check.scan import scan

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["files"]
    expected = {(name, rule) for name, entry in gold.items() for rule in entry.get("rules") or ()}
    report = scan([str(CORPUS)], Config(root=str(CORPUS)))
    predicted = rule_pairs([(f.path, f.rule) for f in report.findings])
    predicted = {pair for pair in predicted if pair[0] in gold}
    hits = len(predicted & expected)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(expected) if expected else 1.0
    detail = f"false positives {sorted(predicted - expected)}\nfalse negatives {sorted(expected - predicted)}"
    assert precision >= 0.90, detail
    assert recall >= 0.90, detail
