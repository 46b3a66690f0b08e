"""Every example of every built-in rule: whole posts that must (or must not) make the rule fire."""

from __future__ import annotations

import pytest

from dsgvo_check.rules import load_rules
from dsgvo_check.rules.examples import run_rule

RULESET = load_rules()


@pytest.mark.parametrize("rule_id", [rule.id for rule in RULESET.rules])
def test_rule_examples(rule_id: str) -> None:
    rule = RULESET.get(rule_id)
    assert rule is not None
    results = run_rule(rule, RULESET)
    failed = [result.describe() for result in results if not result.ok]
    assert not failed, "\n".join(failed)
