"""Loading and strict validation of rule files: every malformed file is rejected with file, line and key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import CHANNELS, Severity
from dsgvo_check.rules import builtin_rules_dir, load_rule_file, load_rules

BAD = Path(__file__).parent / "bad_rules"
CONTRACT_IDS = [
    *(f"PII-{e}" for e in ("PERSON", "EMAIL", "PHONE", "IBAN", "CREDIT_CARD", "ADDRESS", "DATE_OF_BIRTH",
                           "NATIONAL_ID", "IP_ADDRESS", "LICENSE_PLATE")),
    *(f"ART9-{c}" for c in ("HEALTH", "RELIGION", "POLITICS", "SEXUAL_ORIENTATION", "ETHNICITY", "TRADE_UNION",
                            "BIOMETRIC")),
    "MINOR-DATA", "CONSENT-MISSING", "CONSENT-EXPIRED", "CONSENT-WITHDRAWN", "CONSENT-SCOPE",
    *(f"GIVEAWAY-{g}" for g in ("TERMS", "ORGANIZER", "PRIVACY", "DEADLINE", "ELIGIBILITY", "PLATFORM-DISCLAIMER",
                                "COUPLING", "SHARE-REQUIRED", "WINNER-PUBLICATION")),
    "IMAGE-FACES", "IMAGE-GPS", "IMAGE-METADATA-PERSON", "COLLECT-PUBLIC-DATA", "COLLECT-NO-PRIVACY",
    "TRACKING-PERSONAL-URL", "ADS-CUSTOM-AUDIENCE", "PARSE-ERROR",
]

#: bad rule file -> (line, column, part of the message)
BAD_FILES = {
    "unknown-key.yml": (8, 1, "unknown key 'mach' (allowed: category,"),
    "bad-severity.yml": (3, 11, "at key 'severity': expected one of info, low, medium, high, critical, got 'hgih'"),
    "unknown-kind.yml": (1, 7, "at key 'kind': expected one of entity, pattern"),
    "unknown-condition.yml": (11, 7, "at key 'when.any[1]': unknown condition kind 'textt'"),
    "bad-regex.yml": (10, 7, "at key 'match.regex[0]': bad regular expression"),
    "missing-english.yml": (6, 3, "at key 'title': missing required key 'en'"),
    "unknown-entity.yml": (2, 9, "got 'PASSPORT'"),
    "unknown-placeholder.yml": (7, 7, "unknown placeholder '{adresse}'"),
    "unknown-field.yml": (11, 10, "unknown field 'giveaway.rules_url'"),
    "unknown-lexicon.yml": (9, 12, "unknown lexicon 'gesundheit'"),
    "bad-channel.yml": (9, 24, "at key 'when.channel[1]': expected one of instagram"),
    "missing-kind.yml": (1, 1, "missing required key 'kind'"),
    "yaml-syntax.yml": (6, 1, "YAML"),
    "bad-example.yml": (12, 7, "at key 'examples.fires[0]': unknown key 'consent'"),
    "two-conditions.yml": (9, 3, "at key 'when': expected a condition kind"),
    "bad-phrase.yml": (9, 13, "at key 'match.phrases[0]': phrase '... kommentar' must not start or end with '...'"),
    "bad-legal-date.yml": (10, 38, "at key 'legal[0].valid_until': expected a date"),
    "empty-phrases.yml": (9, 12, "at key 'match.phrases': neither phrases nor regular expressions given"),
}


def test_every_bad_file_is_in_the_table() -> None:
    assert sorted(os.listdir(BAD)) == sorted(BAD_FILES)
    assert len(BAD_FILES) >= 10


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_rule_file_is_rejected_with_file_and_line(name: str) -> None:
    line, column, fragment = BAD_FILES[name]
    with pytest.raises(DsgvoCheckError) as caught:
        load_rule_file(str(BAD / name))
    error = caught.value
    assert (error.path, error.line, error.column) == (str(BAD / name), line, column)
    assert fragment in error.message
    assert str(error).startswith(f"{BAD / name}:{line}:{column}: ")


def test_a_bad_file_in_a_rule_folder_stops_the_load(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "X-1.yaml").write_text((BAD / "bad-severity.yml").read_text(), encoding="utf-8")
    with pytest.raises(DsgvoCheckError, match=r"X-1\.yaml:3:11: at key 'severity'"):
        load_rules([str(tmp_path)])


def test_builtin_rules_cover_every_contract_id() -> None:
    ruleset = load_rules()
    assert set(CONTRACT_IDS) <= {rule.id for rule in ruleset.rules}
    assert os.path.isdir(builtin_rules_dir())


@pytest.mark.parametrize("rule_id", CONTRACT_IDS)
def test_builtin_rule_is_complete_for_a_legal_reviewer(rule_id: str) -> None:
    rule = load_rules().get(rule_id)
    assert rule is not None
    assert os.path.basename(rule.source_path) == f"{rule_id}.yml"
    assert rule.title("de") and rule.title("en") != rule.title("de")
    assert rule.message("de") and rule.message("en") != rule.message("de")
    assert len(rule.description("de")) > 80 and len(rule.remediation("de")) > 40
    assert rule.legal_refs and rule.sources
    assert len(rule.fires) >= 3 and len(rule.passes) >= 3


def test_user_rule_with_builtin_id_replaces_it_and_new_ids_are_added(tmp_path: Path) -> None:
    builtin = Path(builtin_rules_dir()) / "pii" / "PII-EMAIL.yml"
    text = builtin.read_text(encoding="utf-8").replace("severity: medium", "severity: critical")
    (tmp_path / "PII-EMAIL.yml").write_text(text, encoding="utf-8")
    (tmp_path / "HAUS-EMAIL.yaml").write_text(text, encoding="utf-8")
    ruleset = load_rules([str(tmp_path)])
    email = ruleset.get("PII-EMAIL")
    assert email is not None and email.severity is Severity.CRITICAL
    assert email.source_path == str(tmp_path / "PII-EMAIL.yml")
    assert ruleset.get("HAUS-EMAIL") is not None
    assert len(ruleset) == len(load_rules()) + 1
    assert ruleset.sha256 != load_rules().sha256


def test_user_lexicon_is_usable_by_user_rules(tmp_path: Path) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "hausregeln.yml").write_text("phrases: ['geheimrezept*']\n", encoding="utf-8")
    rule = (BAD / "unknown-lexicon.yml").read_text(encoding="utf-8").replace("gesundheit", "hausregeln")
    (tmp_path / "HAUS-REZEPT.yml").write_text(rule, encoding="utf-8")
    assert load_rules([str(tmp_path)]).get("HAUS-REZEPT") is not None


def test_duplicate_id_within_one_folder_is_an_error(tmp_path: Path) -> None:
    text = (Path(builtin_rules_dir()) / "pii" / "PII-EMAIL.yml").read_text(encoding="utf-8")
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "DOPPELT.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DsgvoCheckError, match="defined twice"):
        load_rules([str(tmp_path)])


def test_config_disables_and_overrides_rules() -> None:
    ruleset = load_rules(disabled={"PII-PERSON"}, severity_overrides={"GIVEAWAY-COUPLING": Severity.HIGH})
    assert ruleset.get("PII-PERSON") is None
    coupling = ruleset.get("GIVEAWAY-COUPLING")
    assert coupling is not None and coupling.severity is Severity.HIGH
    share = load_rules(severity_overrides={"GIVEAWAY-SHARE-REQUIRED": Severity.INFO}).get("GIVEAWAY-SHARE-REQUIRED")
    assert share is not None and share.severity_for(("facebook",)) is Severity.INFO


@pytest.mark.parametrize(("disabled", "overrides", "fragment"), [
    ({"PII-NAME"}, {}, "unknown rule id 'PII-NAME'"),
    (set(), {"GIVEAWAY-TERM": Severity.LOW}, "unknown rule id 'GIVEAWAY-TERM'"),
    ({"PARSE-ERROR"}, {}, "PARSE-ERROR cannot be disabled"),
])
def test_config_naming_unknown_rules_is_an_error(disabled: set[str], overrides: dict[str, Severity],
                                                  fragment: str) -> None:
    with pytest.raises(DsgvoCheckError, match=fragment):
        load_rules(disabled=disabled, severity_overrides=overrides)


def test_missing_rule_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DsgvoCheckError, match="rule folder not found"):
        load_rules([str(tmp_path / "fehlt")])


def test_per_channel_severity_and_dated_legal_references() -> None:
    from datetime import date
    ruleset = load_rules()
    share = ruleset.get("GIVEAWAY-SHARE-REQUIRED")
    assert share is not None
    assert share.severity_for(("facebook", "instagram")) is Severity.HIGH
    assert share.severity_for(("instagram",)) is Severity.MEDIUM
    assert share.severity_for(("website",)) is Severity.LOW
    assert set(share.severity_by_channel) <= set(CHANNELS)
    terms = ruleset.get("GIVEAWAY-TERMS")
    assert terms is not None
    assert "§ 6 Abs. 1 Nr. 4 TMG" in terms.legal_on(date(2024, 5, 13))
    assert "§ 6 Abs. 1 Nr. 4 DDG" in terms.legal_on(date(2024, 5, 14))
    assert "§ 6 Abs. 1 Nr. 4 TMG" not in terms.legal_on(date(2024, 5, 14))
