"""The evaluation plan (gates, shared `when`, anchor index) decides exactly as evaluating rule by rule."""

from __future__ import annotations

import dataclasses
import pickle
import re
from collections.abc import Sequence

import pytest

from dsgvo_check.model import Detection, Finding, TextField
from dsgvo_check.rules import RuleSet, load_rules
from dsgvo_check.rules.examples import findings_of

NAME = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+ [A-ZÄÖÜ][a-zäöüß]+\b")
MAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
PHONE = re.compile(r"\b0\d{3,4}[ /-]?\d{4,8}\b")


def detect(fields: Sequence[TextField]) -> list[Detection]:
    """A crude stand-in for the text scanner: name pairs, e-mails and phone numbers."""
    found = []
    for field in fields:
        for pattern, entity in ((NAME, "PERSON"), (MAIL, "EMAIL"), (PHONE, "PHONE")):
            found += [Detection(entity, field, m.start(), m.end(), m.group(), 0.9, "test")
                      for m in pattern.finditer(field.text)]
    return found


def no_detections(fields: Sequence[TextField]) -> list[Detection]:
    return []


def every_finding(ruleset: RuleSet) -> list[Finding]:
    findings = []
    for rule in ruleset.rules:
        for example in (*rule.fires, *rule.passes):
            for scanner in (detect, no_detections):
                findings += findings_of(example, ruleset, rule.source_path, scanner)
    return findings


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_rules()


def test_plan_finds_what_rule_by_rule_finds(ruleset: RuleSet) -> None:
    assert ruleset.plan is not None
    planned = every_finding(ruleset)
    one_by_one = every_finding(dataclasses.replace(ruleset, plan=None))
    assert planned == one_by_one
    assert len({finding.rule for finding in planned}) >= 30


def test_unpickled_rule_set_finds_the_same(ruleset: RuleSet) -> None:
    assert every_finding(pickle.loads(pickle.dumps(load_rules()))) == every_finding(ruleset)


def test_rules_with_equal_when_share_a_step(ruleset: RuleSet) -> None:
    assert ruleset.plan is not None
    steps = {member.rule.id: step for step in ruleset.plan.steps for member in step.rules}
    assert steps["GIVEAWAY-TERMS"] is steps["GIVEAWAY-PRIVACY"] is steps["GIVEAWAY-DEADLINE"]
    assert steps["ART9-HEALTH"] is steps["ART9-RELIGION"]
    assert "PARSE-ERROR" not in steps  # never fires on an item
    assert len(ruleset.plan.steps) < len(ruleset.rules) / 3
