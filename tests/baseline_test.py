"""The baseline file: content fingerprints, no personal data in clear, stable text, strict reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dsgvo_check import baseline, suppress
from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import Finding, Severity


def iban(path: str, line: int, text: str = "DE89 3704 0044 0532 0130 00") -> Finding:
    return Finding("PII-IBAN", Severity.HIGH, path, line, 5, "IBAN", entity="IBAN", text=text, item=path)


def test_fingerprint_ignores_line_spacing_and_case_but_not_rule_or_path(tmp_path: Path) -> None:
    base = str(tmp_path)
    one = baseline.fingerprint(iban(str(tmp_path / "posts/a.md"), 3), base)
    assert one == baseline.fingerprint(iban(str(tmp_path / "posts/a.md"), 40, "de89370400440532013000"), base)
    assert one != baseline.fingerprint(iban(str(tmp_path / "posts/b.md"), 3), base)
    other_rule = Finding("PII-PHONE", Severity.HIGH, str(tmp_path / "posts/a.md"), 3, 5, "m",
                         text="DE89 3704 0044 0532 0130 00")
    assert one != baseline.fingerprint(other_rule, base)


def test_item_findings_are_keyed_by_item_and_field(tmp_path: Path) -> None:
    def terms(item: str, line: int) -> Finding:
        return Finding("GIVEAWAY-TERMS", Severity.HIGH, "kampagne.yaml", line, 3, "m", item=item)
    base = str(tmp_path)
    assert baseline.fingerprint(terms("kampagne.yaml#teaser", 4), base) == baseline.fingerprint(
        terms("kampagne.yaml#teaser", 19), base)
    assert baseline.fingerprint(terms("kampagne.yaml#teaser", 4), base) != baseline.fingerprint(
        terms("kampagne.yaml#finale", 4), base)


def test_written_file_is_sorted_and_holds_no_personal_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / baseline.FILE_NAME
    findings = [iban("posts/b.md", 2), iban("posts/a.md", 9), iban("posts/a.md", 1, "DE02 1203 0000 0000 2020 51")]
    entries = baseline.entries_for(findings, str(tmp_path), reason="Vereinskonto", by="Kim", at="2026-11-01")
    baseline.write(str(path), list(reversed(entries)))
    text = path.read_text(encoding="utf-8")
    assert "3704" not in text and "DE02" not in text.upper()
    data = json.loads(text)
    assert data["schema"] == baseline.SCHEMA
    assert [e["path"] for e in data["entries"]] == ["posts/a.md", "posts/a.md", "posts/b.md"]
    assert list(data["entries"][0]) == sorted(data["entries"][0])
    assert text == baseline.dumps(entries) and text.endswith("}\n")
    again = baseline.read(str(path))
    assert set(again.entries) == {e.fingerprint for e in entries}
    assert {e.accepted_by for e in again.entries.values()} == {"Kim"}


def test_update_keeps_earlier_decisions_and_drops_fixed_findings(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    base = str(tmp_path)
    first = baseline.entries_for([iban("a.md", 1), iban("b.md", 1)], base, reason="alt", by="A", at="2026-01-01")
    previous = baseline.Baseline("x", {e.fingerprint: e for e in first})
    now = baseline.entries_for([iban("a.md", 7), iban("c.md", 1)], base, reason="neu", by="B", at="2026-02-01",
                               previous=previous)
    assert [(e.path, e.reason, e.accepted_by) for e in now] == [("a.md", "alt", "A"), ("c.md", "neu", "B")]


def test_parse_errors_and_suppression_findings_are_never_baselined(tmp_path: Path) -> None:
    broken = Finding("PARSE-ERROR", Severity.HIGH, "a.md", 1, 1, "m")
    assert baseline.entries_for([broken], str(tmp_path), reason="r", by="b", at="d") == []


def test_apply_baseline_moves_accepted_findings_with_who_when_why(tmp_path: Path) -> None:
    path = tmp_path / baseline.FILE_NAME
    post = str(tmp_path / "a.md")
    baseline.write(str(path), baseline.entries_for([iban(post, 3)], str(tmp_path), reason="Spendenkonto",
                                                   by="Kim", at="2026-11-01"))
    loaded = baseline.load(None, str(tmp_path))
    kept, accepted = suppress.apply_baseline([iban(post, 12), iban(post, 13, "DE02120300000000202051")], loaded)
    assert [f.line for f in kept] == [13]
    assert [(s.finding.line, s.reason, s.by, s.at) for s in accepted] == [(12, "Spendenkonto", "Kim", "2026-11-01")]
    assert baseline.load("", str(tmp_path)) is None


def test_find_looks_upwards_to_the_work_tree_top(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "posts" / "2026").mkdir(parents=True)
    assert baseline.find(str(tmp_path / "posts" / "2026")) is None
    (tmp_path / baseline.FILE_NAME).write_text('{"schema": "dsgvo-check/baseline/v1", "entries": []}')
    assert baseline.find(str(tmp_path / "posts" / "2026")) == str(tmp_path / baseline.FILE_NAME)
    assert baseline.default_location(str(tmp_path / "posts")).endswith(baseline.FILE_NAME)


@pytest.mark.parametrize(("text", "message"), [
    ("{", "baseline is not valid JSON"),
    ('{"entries": []}', "not a dsgvo-check baseline"),
    ('{"schema": "dsgvo-check/baseline/v1", "entries": [{"rule": "X"}]}', "entries[0]: expected the string keys"),
    ('{"schema": "dsgvo-check/baseline/v1", "entries": [{"fingerprint": "DE89", "rule": "R", "path": "p", '
     '"reason": "r", "accepted_by": "b", "accepted_at": "d"}]}', "entries[0]: fingerprint is not a sha256"),
])
def test_malformed_baselines_are_configuration_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DsgvoCheckError) as error:
        baseline.read(str(path))
    assert message in str(error.value) and str(path) in str(error.value)
