"""How a rule set is evaluated quickly: rules grouped by equal `when`, each behind a cheap gate of its kind."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dsgvo_check.rules.anchors import AnchorIndex, rule_lexicons
from dsgvo_check.rules.conditions import Condition
from dsgvo_check.rules.context import ALWAYS, IMAGES, NEVER, PERSONS, Context
from dsgvo_check.rules.kinds import PatternCheck
from dsgvo_check.rules.model import Rule
from dsgvo_check.rules.phrases import Lexicon


@dataclass(frozen=True, slots=True)
class Member:
    """A rule with what an item must have for it to be able to fire: its gate (`Check.gate`), for a pattern
    rule without regexes or entity types one of its phrases (`needs`), and whether it has a validity period."""

    rule: Rule
    gate: str
    needs: frozenset[str] | None
    dated: bool

    @classmethod
    def of(cls, rule: Rule, gate: str) -> Member:
        """The member for a rule."""
        check = rule.check
        needs = None
        if isinstance(check, PatternCheck) and not any(spec.unanchored for spec in check.matches):
            needs = frozenset().union(*(spec.names for spec in check.matches))
        return cls(rule, gate, needs, rule.valid_from is not None or rule.valid_until is not None)


@dataclass(frozen=True, slots=True)
class Step:
    """Rules that share one `when`, tested once per item."""

    when: Condition | None
    rules: tuple[Member, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """The evaluation order of a rule set and the anchor index of all its phrases."""

    steps: tuple[Step, ...]
    index: AnchorIndex

    @classmethod
    def build(cls, rules: Sequence[Rule], lexicons: Mapping[str, Lexicon]) -> Plan:
        """Group rules by equal `when` (first appearance order); rules that can never hit an item are left out."""
        groups: list[tuple[Condition | None, list[Member]]] = []
        for rule in rules:
            gate = rule.check.gate()
            if gate == NEVER:
                continue
            group = next((g for g in groups if g[0] == rule.when), None)
            if group is None:
                group = (rule.when, [])
                groups.append(group)
            group[1].append(Member.of(rule, gate))
        parts = [part for rule in rules for part in (rule.check, rule.when)]
        index = AnchorIndex.build(rule_lexicons(*lexicons.values(), *parts))
        return cls(tuple(Step(when, tuple(members)) for when, members in groups), index)


def item_gates(ctx: Context) -> set[str]:
    """The gates an item opens: the entity types detected in it, images with facts, persons."""
    item = ctx.item
    gates = {ALWAYS, *(detection.entity for detection in ctx.evidence.detections)}
    if ctx.evidence.images and item.images:
        gates.add(IMAGES)
    if item.people or item.images or "PERSON" in gates:
        gates.add(PERSONS)
    return gates
