"""Inline suppressions: which lines a comment covers, what it suppresses, findings about bad comments."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dsgvo_check import suppress
from dsgvo_check.model import Finding, Severity
from dsgvo_check.rules import RuleSet, load_rules


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_rules()


def parse(path: str, text: str) -> list[suppress.Suppression]:
    return suppress.parse(path, textwrap.dedent(text).lstrip("\n"))


def finding(path: str, line: int, rule: str = "PII-PHONE") -> Finding:
    return Finding(rule, Severity.MEDIUM, path, line, 1, "m", entity="PHONE", text="0911 123456")


POST = """
---
# dsgvo-check: ignore GIVEAWAY-* -- Verlosung läuft über die Website, Bedingungen dort
title: Hotline
channels: [instagram]
---
Ruft uns an!

<!-- dsgvo-check: ignore PII-PHONE, PII-EMAIL -- unsere Service-Hotline, kein Mitarbeiter -->
Hotline: 0911 123456
Zweite Zeile 0911 654321
"""

CAMPAIGN = """
kind: campaign
name: Herbst
posts:
  # dsgvo-check: ignore PII-PERSON -- Anna ist unsere Geschäftsführerin, Einwilligung C-1
  - id: teaser
    text: |
      Anna Müller lädt ein.
      Mehr am Samstag.
  - id: finale
    text: Anna Müller zieht die Gewinner.
"""


def test_markdown_comment_covers_its_own_line_and_the_next_non_blank_one() -> None:
    found = parse("posts/a.md", POST)
    body = found[1]
    later_key = parse("p.md", "---\ntitle: x\n# dsgvo-check: ignore A -- a\nchannels: [x]\n---\nText\n")[0]
    assert (later_key.first, later_key.last) == (3, 4)
    assert (body.line, body.patterns, body.reason) == (8, ("PII-PHONE", "PII-EMAIL"),
                                                       "unsere Service-Hotline, kein Mitarbeiter")
    assert (body.first, body.last) == (8, 9)


def test_comment_above_the_first_front_matter_key_covers_the_whole_post() -> None:
    top = parse("posts/a.md", POST)[0]
    assert (top.line, top.patterns, top.first, top.last) == (2, ("GIVEAWAY-*",), 1, 10)


def test_yaml_comment_covers_the_whole_list_item_that_follows() -> None:
    (item,) = parse("kampagnen/herbst.yaml", CAMPAIGN)
    assert (item.line, item.first, item.last) == (4, 4, 8)


def test_yaml_key_with_nested_block_and_same_level_list() -> None:
    text = """
    kind: campaign
    posts:
    - id: a
      text: x
    # dsgvo-check: ignore PII-* -- alle Testdaten
    targeting:
      lookalike: true
    name: n
    """
    (item,) = parse("c.yml", text)
    assert (item.first, item.last) == (5, 7)
    stacked = parse("c.yml", "kind: campaign\n# dsgvo-check: ignore A -- a\n\n# dsgvo-check: ignore B -- b\n"
                             "images:\n- a.jpg\n- b.jpg\nname: n\n")
    assert [(s.first, s.last) for s in stacked] == [(2, 7), (4, 7)]


def test_hash_comments_in_a_markdown_body_and_html_comments_in_yaml_are_not_suppressions() -> None:
    assert parse("a.md", "Text\n# dsgvo-check: ignore PII-PHONE -- x\n0911 123456\n") == []
    assert parse("a.yaml", "kind: campaign\n<!-- dsgvo-check: ignore PII-PHONE -- x -->\n") == []
    (plain,) = parse("a.txt", "<!-- dsgvo-check: ignore pii-phone -- klein geschrieben -->\n0911 1\n")
    assert plain.patterns == ("PII-PHONE",)


def test_apply_moves_covered_findings_and_reports_unused_patterns(ruleset: RuleSet) -> None:
    comments = parse("posts/a.md", POST)
    findings = [finding("posts/a.md", 9), finding("posts/a.md", 10), finding("posts/b.md", 9)]
    kept, suppressed = suppress.apply_inline(findings, comments, ruleset)
    assert [(s.finding.line, s.reason, s.source) for s in suppressed] == [
        (9, "unsere Service-Hotline, kein Mitarbeiter", "inline posts/a.md:8")]
    unused = [(f.rule, f.line, f.severity) for f in kept if f.rule.startswith("SUPPRESSION")]
    assert unused == [("SUPPRESSION-UNUSED", 2, Severity.LOW), ("SUPPRESSION-UNUSED", 8, Severity.LOW)]
    assert "PII-EMAIL unterdrückt hier nichts" in next(f for f in kept if f.line == 8).message
    assert [(f.path, f.line) for f in kept if f.rule == "PII-PHONE"] == [("posts/a.md", 10), ("posts/b.md", 9)]


def test_glob_whole_post_and_missing_reason(ruleset: RuleSet) -> None:
    comments = parse("p.md", "---\n# dsgvo-check: ignore GIVEAWAY-*\ntitle: x\n---\nGewinnspiel!\n")
    giveaway = Finding("GIVEAWAY-TERMS", Severity.HIGH, "p.md", 1, 1, "m", item="p.md")
    kept, suppressed = suppress.apply_inline([giveaway], comments, ruleset, "en")
    assert [s.finding for s in suppressed] == [giveaway]
    assert [(f.rule, f.line) for f in kept] == [("SUPPRESSION-NO-REASON", 2)]
    assert kept[0].message.startswith("Suppression without a reason")


def test_misspelt_or_empty_rule_lists_are_reported(ruleset: RuleSet) -> None:
    comments = parse("p.md", "<!-- dsgvo-check: ignore PII-PHONY -- Tippfehler -->\nx\n"
                             "<!-- dsgvo-check: ignore -- nichts -->\ny\n")
    kept, _ = suppress.apply_inline([], comments, ruleset)
    assert [(f.rule, f.line) for f in kept] == [("SUPPRESSION-UNUSED", 1), ("SUPPRESSION-UNUSED", 3)]
    assert "unbekannte Regel PII-PHONY" in kept[0].message
    assert "keine Regel angegeben" in kept[1].message


def test_suppression_findings_follow_rule_overrides(ruleset: RuleSet) -> None:
    quiet = load_rules(disabled={"SUPPRESSION-UNUSED"})
    comments = parse("p.md", "<!-- dsgvo-check: ignore PII-PHONE -->\nx\n")
    kept, _ = suppress.apply_inline([], comments, quiet)
    assert [f.rule for f in kept] == ["SUPPRESSION-NO-REASON"]


def test_read_takes_files_from_disk_and_survives_unreadable_ones(tmp_path: Path) -> None:
    post = tmp_path / "a.md"
    post.write_text("<!-- dsgvo-check: ignore PII-IBAN -- Spendenkonto des Vereins -->\r\nDE89 3704\r\n",
                    encoding="utf-8")
    (found,) = suppress.read([str(post), str(tmp_path / "missing.md")])
    assert (found.path, found.last, found.reason) == (str(post), 2, "Spendenkonto des Vereins")
