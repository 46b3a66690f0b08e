"""evaluate(item, evidence, ruleset, register) -> findings: the rules decide, the scanners only found."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime

from dsgvo_check.model import ConsentRegister, Evidence, Finding, Item, Problem, Severity
from dsgvo_check.rules import RuleSet
from dsgvo_check.rules.context import Context, Hit
from dsgvo_check.rules.model import Rule
from dsgvo_check.rules.plan import Plan, item_gates

PROBLEM_RULE = "PARSE-ERROR"


class _Values(dict[str, str]):
    """Message values; a placeholder without a value renders empty rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""


def render(rule: Rule, lang: str, values: Mapping[str, str]) -> str:
    """The rule's message in `lang` with its placeholders filled in (`{x}` from `x_<lang>` where given)."""
    filled = _Values(values)
    for key in ("detail", "person"):
        filled.setdefault(key, values.get(f"{key}_{lang}", values.get(f"{key}_de", "")))
    return rule.message(lang).format_map(filled).strip()


def _finding(rule: Rule, item: Item, hit: Hit, ctx: Context, lang: str) -> Finding:
    return Finding(
        rule=rule.id, severity=rule.severity_for(item.channels), path=item.path, line=hit.line,
        column=hit.column, message=render(rule, lang, hit.values), entity=hit.entity, text=hit.text,
        legal=rule.legal_on(ctx.day), category=rule.category, item=item.key, field=hit.field,
    )


def evaluate(item: Item, evidence: Evidence, ruleset: RuleSet, register: ConsentRegister,
             *, as_of: datetime, lang: str = "de") -> list[Finding]:
    """All findings of the ruleset on one item, judged at its publish date (else `as_of`)."""
    plan = ruleset.plan
    ctx = Context(item, evidence, register, as_of, plan.index if plan is not None else None)
    findings: list[Finding] = []
    for rule in _in_force(ctx, ruleset) if plan is None else _planned(ctx, plan):
        for hit in rule.check.hits(ctx, rule):
            findings.append(_finding(rule, item, hit, ctx, lang))
    findings.sort(key=lambda finding: finding.sort_key)
    return findings


def _in_force(ctx: Context, ruleset: RuleSet) -> Iterator[Rule]:
    """Each rule in force on the item's day whose `when` holds, one by one."""
    for rule in ruleset.rules:
        if rule.applies_on(ctx.day) and (rule.when is None or rule.when.test(ctx)):
            yield rule


def _planned(ctx: Context, plan: Plan) -> Iterator[Rule]:
    """The same rules as _in_force (in another order): gates first, each shared `when` tested once."""
    gates = item_gates(ctx)
    day = ctx.day
    anywhere = ctx.anywhere
    for step in plan.steps:
        holds: bool | None = None
        for member in step.rules:
            needs = member.needs
            if member.gate not in gates or (needs is not None and anywhere is not None and needs.isdisjoint(anywhere)) \
                    or (member.dated and not member.rule.applies_on(day)):
                continue
            if holds is None:
                holds = step.when is None or step.when.test(ctx)
            if not holds:
                break
            yield member.rule


def problem_finding(problem: Problem, ruleset: RuleSet, lang: str = "de") -> Finding:
    """The PARSE-ERROR finding for content that could not be read."""
    rule = ruleset.get(PROBLEM_RULE)
    if rule is None:  # a rule set loaded without the built-ins
        message = f"Datei nicht lesbar: {problem.message}" if lang == "de" else f"unreadable: {problem.message}"
        return Finding(PROBLEM_RULE, Severity.HIGH, problem.path, problem.line, problem.column, message,
                       category="core", item=problem.path)
    return Finding(
        rule=rule.id, severity=rule.severity, path=problem.path, line=problem.line, column=problem.column,
        message=render(rule, lang, {"detail": problem.message}), legal=rule.legal, category=rule.category,
        item=problem.path,
    )
