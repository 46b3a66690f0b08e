"""`dsgvo-check rules list|show|validate|test`: read, check and try out the rule files."""

from __future__ import annotations

import json
import os
import textwrap

import click

from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.rules import Rule, RuleSet, load_rules

LANGS = ("de", "en")
_extra = click.option("--rules", "extra", multiple=True, type=click.Path(file_okay=False),
                      help="Extra rule folder (same id replaces a built-in rule).")
_lang = click.option("--lang", type=click.Choice(LANGS), default="de", show_default=True,
                     help="Language of titles and texts.")


@click.group("rules")
def rules_group() -> None:
    """Regeln anzeigen, prüfen und testen (list, show, validate and test the rules)."""


@rules_group.command("list")
@_extra
@_lang
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def list_rules(extra: tuple[str, ...], lang: str, fmt: str) -> int:
    """Alle Regeln mit Schwere und Titel (all rules with severity and title)."""
    ruleset = load_rules(extra)
    if fmt == "json":
        rows = [{"id": r.id, "kind": r.kind, "severity": r.severity.label, "category": r.category,
                 "title": r.title(lang), "legal": list(r.legal), "path": r.source_path} for r in ruleset.rules]
        click.echo(json.dumps({"rules_sha256": ruleset.sha256, "rules": rows}, ensure_ascii=False, indent=2))
        return 0
    width = max((len(rule.id) for rule in ruleset.rules), default=10)
    for rule in ruleset.rules:
        click.echo(f"{rule.id:<{width}}  {rule.severity.label:<8}  {rule.category:<9}  {rule.title(lang)}")
    click.echo(f"{len(ruleset.rules)} rules, sha256 {ruleset.sha256[:12]}")
    return 0


def _block(title: str, text: str) -> list[str]:
    return [f"{title}:", *textwrap.wrap(text, 96, initial_indent="  ", subsequent_indent="  ")]


def describe(rule: Rule, lang: str) -> str:
    """A rule as a reader sees it: title, severity, law, rationale, remediation, source file."""
    lines = [f"{rule.id} – {rule.title(lang)}", f"kind: {rule.kind}   severity: {rule.severity.label}"
             f"   category: {rule.category}"]
    if rule.severity_by_channel:
        lines.append("severity by channel: " + ", ".join(
            f"{channel}={level.label}" for channel, level in rule.severity_by_channel.items()))
    if rule.valid_from or rule.valid_until:
        lines.append(f"in force: {rule.valid_from or '…'} – {rule.valid_until or '…'}")
    lines += ["legal:", *(f"  - {ref.ref}" + (f" ({ref.valid_from or '…'} – {ref.valid_until or '…'})"
                                             if ref.valid_from or ref.valid_until else "")
                          for ref in rule.legal_refs)]
    lines += ["sources:", *(f"  - {s.title}" + (f" <{s.url}>" if s.url else "") for s in rule.sources)]
    lines += _block("message", rule.message(lang)) + _block("description", rule.description(lang))
    lines += _block("remediation", rule.remediation(lang))
    lines.append(f"examples: {len(rule.fires)} fire, {len(rule.passes)} pass")
    lines.append(f"file: {rule.source_path}")
    return "\n".join(lines)


@rules_group.command("show")
@click.argument("rule_id")
@_extra
@_lang
def show_rule(rule_id: str, extra: tuple[str, ...], lang: str) -> int:
    """Eine Regel im Detail (one rule in full: law, rationale, remediation)."""
    rule = load_rules(extra).get(rule_id)
    if rule is None:
        raise DsgvoCheckError(f"unknown rule id '{rule_id}' (see: dsgvo-check rules list)")
    click.echo(describe(rule, lang))
    return 0


def _load_path(path: str) -> RuleSet:
    """Rules from a folder (with the built-ins) or a single rule file (with the built-in lexicons)."""
    if os.path.isdir(path):
        return load_rules([path])
    if not os.path.isfile(path):
        raise DsgvoCheckError("no such file or folder", path)
    from dsgvo_check.rules import load_rule_file
    return load_rule_file(path)


@rules_group.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def validate_rules(paths: tuple[str, ...]) -> int:
    """Regeldateien streng prüfen (validate rule files; exit 2 with file:line on the first error)."""
    for path in paths:
        ruleset = _load_path(path)
        click.echo(f"{path}: ok ({len(ruleset.rules)} rules)")
    return 0


@rules_group.command("test")
@click.argument("path", required=False, type=click.Path())
@click.option("--rule", "only", multiple=True, help="Test only this rule id (repeatable).")
@click.option("--verbose", "-v", is_flag=True, help="List every example, not only failures.")
def test_rules(path: str | None, only: tuple[str, ...], verbose: bool) -> int:
    """Beispiele der Regeln ausführen (run the rules' examples; exit 1 if one fails)."""
    from dsgvo_check.rules.examples import run_examples

    ruleset = _load_path(path) if path else load_rules()
    wanted = set(only) or {r.id for r in ruleset.rules if path is None or _under(r.source_path, path)}
    unknown = sorted(set(only) - {r.id for r in ruleset.rules})
    if unknown:
        raise DsgvoCheckError(f"unknown rule id '{unknown[0]}'")
    results = run_examples(ruleset, wanted)
    failed = [result for result in results if not result.ok]
    for result in results if verbose else failed:
        click.echo(("ok    " if result.ok else "FAIL  ") + result.describe())
    rules = len({result.rule for result in results})
    click.echo(f"{len(results) - len(failed)}/{len(results)} examples of {rules} rules passed")
    return 1 if failed else 0


def _under(source: str, path: str) -> bool:
    source, path = os.path.realpath(source), os.path.realpath(path)
    return source == path or source.startswith(path.rstrip(os.sep) + os.sep)
