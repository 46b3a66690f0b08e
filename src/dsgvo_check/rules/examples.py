"""Run the examples of rule files: whole posts that must (or must not) make their rule fire."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import yaml

from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import ConsentRegister, Detection, Evidence, FaceBox, Finding, ImageFacts, TextField
from dsgvo_check.rules.model import Example, Rule, RuleSet

#: The day examples without publish_at or as_of are judged at, so that results never drift.
EXAMPLE_DAY = date(2026, 6, 1)
IMAGE_KEYS = ("faces", "gps", "metadata_people", "serials")
Detect = Callable[[Sequence[TextField]], Iterable[Detection]]


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """The outcome of one example: did the rule fire as the example says it must?"""

    rule: str
    fires: bool
    example: Example
    findings: tuple[Finding, ...]
    ok: bool
    path: str

    def describe(self) -> str:
        """One line: file:line, expectation and what happened."""
        want = "fire" if self.fires else "not fire"
        got = f"{len(self.findings)} finding(s)"
        if self.example.count is not None:
            want += f" {self.example.count}x"
        return f"{self.path}:{self.example.line}: {self.rule} should {want}, got {got}"


def _facts(ref: str, spec: Mapping[str, Any], where: tuple[str, int]) -> ImageFacts:
    if not isinstance(spec, Mapping) or set(spec) - set(IMAGE_KEYS):
        raise DsgvoCheckError(f"example image '{ref}': expected keys {', '.join(IMAGE_KEYS)}", *where)
    gps = spec.get("gps")
    faces = spec.get("faces")
    return ImageFacts(
        path=ref, sha256="", width=800, height=600, format="JPEG",
        gps=(float(gps[0]), float(gps[1])) if gps else None,
        metadata_people=tuple((str(t), str(v)) for t, v in spec.get("metadata_people") or ()),
        serials=tuple((str(t), str(v)) for t, v in spec.get("serials") or ()),
        faces=None if faces is None else tuple(FaceBox(10 + 60 * i, 10, 50, 50) for i in range(int(faces))),
    )


def _register(example: Example, where: tuple[str, int]) -> ConsentRegister:
    from dsgvo_check.load import parse_consents
    if not example.consents:
        return ConsentRegister("example-consents.yaml")
    text = yaml.safe_dump({"consents": [dict(c) for c in example.consents]}, allow_unicode=True)
    try:
        return parse_consents("example-consents.yaml", text)
    except DsgvoCheckError as exc:
        raise DsgvoCheckError(f"example consents: {exc.message}", *where) from None


def default_detect() -> Detect:
    """The scanner's text detector (imported lazily: it may load spaCy)."""
    import importlib
    module = importlib.import_module("dsgvo_check.text")
    detect: Detect = module.detect
    return detect


def findings_of(example: Example, ruleset: RuleSet, source: str, detect: Detect) -> list[Finding]:
    """Load the example like a content file, scan its texts, evaluate every rule on it."""
    from dsgvo_check import load
    from dsgvo_check.engine import evaluate, problem_finding
    from dsgvo_check.text.declared import with_declared_people
    where = (source, example.line)
    path = os.path.join("example", "campaign.yaml" if example.campaign else "post.md")
    loaded = load.parse_yaml(path, example.text) if example.campaign else load.parse_post(path, example.text)
    register = _register(example, where)
    as_of = datetime.combine(example.as_of or EXAMPLE_DAY, time(12))
    findings = [problem_finding(problem, ruleset) for problem in loaded.problems]
    for item in loaded.items:
        detections = with_declared_people(item, tuple(detect([f for f in item.fields if f.text.strip()])))
        images = {ref.path: _facts(ref.ref, example.images[ref.ref], where)
                  for ref in item.images if ref.ref in example.images}
        findings += evaluate(item, Evidence(detections, images), ruleset, register, as_of=as_of)
    return findings


def run_rule(rule: Rule, ruleset: RuleSet, detect: Detect | None = None) -> list[ExampleResult]:
    """Every example of one rule, evaluated against the whole rule set."""
    detect = detect or default_detect()
    results = []
    for fires, examples in ((True, rule.fires), (False, rule.passes)):
        for example in examples:
            mine = tuple(f for f in findings_of(example, ruleset, rule.source_path, detect) if f.rule == rule.id)
            ok = (len(mine) == example.count if example.count is not None else bool(mine)) if fires else not mine
            results.append(ExampleResult(rule.id, fires, example, mine, ok, rule.source_path))
    return results


def run_examples(ruleset: RuleSet, rule_ids: Iterable[str] | None = None,
                 detect: Detect | None = None) -> list[ExampleResult]:
    """The examples of the given rules (default: all rules of the set)."""
    wanted = set(rule_ids) if rule_ids is not None else None
    detect = detect or default_detect()
    return [result for rule in ruleset.rules if wanted is None or rule.id in wanted
            for result in run_rule(rule, ruleset, detect)]
