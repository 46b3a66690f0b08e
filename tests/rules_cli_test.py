"""`rules list|show|validate|test` through the click group."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dsgvo_check.cli.rules import rules_group
from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.rules import builtin_rules_dir

BAD = Path(__file__).parent / "bad_rules"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(rules_group, list(args), standalone_mode=False, catch_exceptions=False)
    return result.return_value, result.output


def test_list_shows_every_rule_with_severity() -> None:
    code, out = invoke("list")
    assert code == 0
    assert "GIVEAWAY-TERMS" in out and "Gewinnspiel ohne Teilnahmebedingungen" in out
    code, out = invoke("list", "--format", "json", "--lang", "en")
    rows = {row["id"]: row for row in json.loads(out)["rules"]}
    assert rows["GIVEAWAY-COUPLING"]["severity"] == "low"
    assert rows["GIVEAWAY-TERMS"]["title"] == "Giveaway without participation terms"


def test_show_prints_law_rationale_and_remediation() -> None:
    code, out = invoke("show", "GIVEAWAY-COUPLING")
    assert code == 0
    assert "6 U 6/19" in out and "Art. 7 Abs. 4 DSGVO" in out and "remediation:" in out
    with pytest.raises(DsgvoCheckError, match="unknown rule id 'NOPE'"):
        invoke("show", "NOPE")


def test_validate_accepts_good_and_rejects_bad_files(tmp_path: Path) -> None:
    code, out = invoke("validate", builtin_rules_dir())
    assert code == 0 and "ok" in out
    with pytest.raises(DsgvoCheckError) as caught:
        invoke("validate", str(BAD / "bad-severity.yml"))
    assert str(caught.value).startswith(f"{BAD / 'bad-severity.yml'}:3:11: at key 'severity'")


def test_test_runs_the_examples_of_a_user_folder(tmp_path: Path) -> None:
    shutil.copy(Path(builtin_rules_dir()) / "ads" / "ADS-CUSTOM-AUDIENCE.yml", tmp_path / "ADS-CUSTOM-AUDIENCE.yml")
    code, out = invoke("test", str(tmp_path))
    assert code == 0 and "6/6 examples of 1 rules passed" in out
    broken = (tmp_path / "ADS-CUSTOM-AUDIENCE.yml").read_text(encoding="utf-8").replace(
        "legal_basis_ref: VVT-2026-07", "legal_basis_ref: null")
    (tmp_path / "ADS-CUSTOM-AUDIENCE.yml").write_text(broken, encoding="utf-8")
    code, out = invoke("test", str(tmp_path))
    assert code == 1 and "FAIL" in out and "should not fire" in out


ENTITY_RULE = """\
kind: pattern
severity: low
category: haus
title: {de: Nummer für Messenger, en: Number for messengers}
message: {de: "Nummer für Messenger: {text}", en: "Number for messengers: {text}"}
description: {de: "Eine Telefonnummer, an die per Messenger geschrieben werden soll."}
remediation: {de: "Kontaktformular mit Datenschutzhinweis verlinken."}
match:
  entities: [PHONE]
  with: {phrases: ["whatsapp*|signal|telegram*"]}
examples:
  fires:
    - "Schreibt uns per WhatsApp an 0160 98 44 217!"
    - "Anmeldung per Signal: +49 171 2345678"
    - "In die Telegram-Gruppe kommt ihr mit einer Nachricht an 0171 / 234 56 78."
  passes:
    - "Ruft uns an: 0160 98 44 217."
    - "Per WhatsApp an Bestellnummer 4711-2026 denken."
    - "Schreibt uns per WhatsApp, wir melden uns."
"""


def test_entities_of_the_scanner_are_matches_of_a_text_spec(tmp_path: Path) -> None:
    (tmp_path / "HAUS-MESSENGER.yml").write_text(ENTITY_RULE, encoding="utf-8")
    code, out = invoke("test", str(tmp_path))
    assert code == 0 and "6/6 examples of 1 rules passed" in out
    (tmp_path / "HAUS-MESSENGER.yml").write_text(ENTITY_RULE.replace("[PHONE]", "[TELEFON]"), encoding="utf-8")
    wrong = r"HAUS-MESSENGER.yml:9:14: at key 'match.entities\[0\]': expected one of PERSON"
    with pytest.raises(DsgvoCheckError, match=wrong):
        invoke("validate", str(tmp_path))
