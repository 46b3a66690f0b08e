"""Rules as data: load the built-in and user rule folders into a validated, compiled RuleSet."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from importlib import resources
from typing import TYPE_CHECKING

from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import Severity
from dsgvo_check.rules.model import Rule, RuleSet
from dsgvo_check.rules.phrases import Lexicon

if TYPE_CHECKING:
    from dsgvo_check.rules.plan import Plan

__all__ = ["Rule", "RuleSet", "builtin_rules_dir", "load_rule_file", "load_rules", "rule_files"]

RULE_SUFFIXES = (".yml", ".yaml")
LEXICON_DIR = "lexicons"
ALWAYS_ON = frozenset({"PARSE-ERROR"})


def builtin_rules_dir() -> str:
    """The folder of the built-in rules shipped in the package (data/rules)."""
    return str(resources.files("dsgvo_check") / "data" / "rules")


def rule_files(folder: str) -> tuple[list[str], list[str]]:
    """(rule files, lexicon files) under a folder, sorted; hidden entries are skipped."""
    if not os.path.isdir(folder):
        raise DsgvoCheckError("rule folder not found", folder)
    rules: list[str] = []
    lexicons: list[str] = []
    for root, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        is_lexicon = os.path.relpath(root, folder).split(os.sep)[0] == LEXICON_DIR
        for name in sorted(files):
            if name.endswith(RULE_SUFFIXES) and not name.startswith("."):
                (lexicons if is_lexicon else rules).append(os.path.join(root, name))
    return rules, lexicons


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise DsgvoCheckError(f"cannot read rule file: {exc}", path) from None


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def load_rules(extra_dirs: Sequence[str] = (), *, disabled: Collection[str] = (),
               severity_overrides: Mapping[str, Severity] | None = None,
               include_builtin: bool = True) -> RuleSet:
    """Built-in rules, then each extra folder (same id replaces); DsgvoCheckError on any bad file."""
    from dsgvo_check.rules.parse import parse_lexicon, parse_rule

    folders = [builtin_rules_dir()] if include_builtin else []
    folders += list(extra_dirs)
    listed = [rule_files(folder) for folder in folders]
    digest = hashlib.sha256()
    lexicons: dict[str, Lexicon] = {}
    for _rules, lexicon_paths in listed:
        for path in lexicon_paths:
            text = _read(path)
            digest.update(f"lexicon:{_stem(path)}\0{text}\0".encode())
            lexicons[_stem(path)] = parse_lexicon(path, text)
    by_id: dict[str, Rule] = {}
    for rule_paths, _lexicons in listed:
        seen: dict[str, str] = {}
        for path in rule_paths:
            rule_id = _stem(path)
            if rule_id in seen:
                raise DsgvoCheckError(f"rule id '{rule_id}' defined twice (also in {seen[rule_id]})", path, 1, 1)
            seen[rule_id] = path
            text = _read(path)
            digest.update(f"rule:{rule_id}\0{text}\0".encode())
            by_id[rule_id] = parse_rule(path, text, rule_id, lexicons)
    return _configure(by_id, lexicons, digest, set(disabled), dict(severity_overrides or {}))


def load_rule_file(path: str) -> RuleSet:
    """One rule file on its own (with the built-in lexicons and those beside it), for `rules validate`."""
    from dsgvo_check.rules.parse import parse_lexicon, parse_rule

    lexicons: dict[str, Lexicon] = {}
    folders = [os.path.join(builtin_rules_dir(), LEXICON_DIR), os.path.join(os.path.dirname(path), LEXICON_DIR)]
    for folder in folders:
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else ():
            if name.endswith(RULE_SUFFIXES):
                lexicon_path = os.path.join(folder, name)
                lexicons[_stem(name)] = parse_lexicon(lexicon_path, _read(lexicon_path))
    text = _read(path)
    rule = parse_rule(path, text, _stem(path), lexicons)
    digest = hashlib.sha256(f"rule:{rule.id}\0{text}\0".encode()).hexdigest()
    return RuleSet((rule,), digest, lexicons, {rule.id: rule}, _plan((rule,), lexicons))


def _configure(by_id: dict[str, Rule], lexicons: dict[str, Lexicon], digest: hashlib._Hash,
               disabled: set[str], overrides: dict[str, Severity]) -> RuleSet:
    """Apply config: disable rules and override severities; unknown ids are errors, not typos ignored."""
    for rule_id in sorted(disabled | set(overrides)):
        if rule_id not in by_id:
            raise DsgvoCheckError(f"config names unknown rule id '{rule_id}'")
    if disabled & ALWAYS_ON:
        raise DsgvoCheckError("PARSE-ERROR cannot be disabled: a file that cannot be read must be reported")
    for rule_id, severity in sorted(overrides.items()):
        by_id[rule_id] = replace(by_id[rule_id], severity=severity, overridden=True)
        digest.update(f"severity:{rule_id}={severity.label}\0".encode())
    for rule_id in sorted(disabled):
        del by_id[rule_id]
        digest.update(f"disabled:{rule_id}\0".encode())
    ordered = tuple(sorted(by_id.values(), key=lambda rule: rule.id))
    return RuleSet(ordered, digest.hexdigest(), lexicons, {rule.id: rule for rule in ordered},
                   _plan(ordered, lexicons))


def _plan(rules: Sequence[Rule], lexicons: Mapping[str, Lexicon]) -> Plan:
    from dsgvo_check.rules.plan import Plan

    return Plan.build(rules, lexicons)
