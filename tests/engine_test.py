"""evaluate(): findings from hand-built evidence on items loaded from real post texts."""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from dsgvo_check.engine import evaluate, problem_finding
from dsgvo_check.load import parse_consents, parse_post, parse_yaml
from dsgvo_check.model import (
    ConsentRegister,
    Detection,
    Evidence,
    FaceBox,
    Finding,
    ImageFacts,
    Item,
    Problem,
    Severity,
)
from dsgvo_check.rules import RuleSet, load_rules

AS_OF = datetime(2026, 6, 1, 12)


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_rules()


def post(text: str) -> Item:
    loaded = parse_post("posts/p.md", textwrap.dedent(text).lstrip("\n"))
    assert not loaded.problems
    return loaded.items[0]


def register(text: str = "") -> ConsentRegister:
    return parse_consents("consents.yaml", textwrap.dedent(text) or "consents: []\n")


def detections(item: Item, **entities: list[str]) -> tuple[Detection, ...]:
    """Detections for every occurrence of the given texts, by entity type (what the scanner would find)."""
    found = []
    for entity, texts in entities.items():
        for text_field in item.fields:
            for text in texts:
                start = text_field.text.find(text)
                while start >= 0:
                    found.append(Detection(entity, text_field, start, start + len(text), text, 0.9, "test"))
                    start = text_field.text.find(text, start + 1)
    return tuple(found)


def run(ruleset: RuleSet, item: Item, reg: ConsentRegister | None = None, images: dict[str, ImageFacts] | None = None,
        as_of: datetime = AS_OF, lang: str = "de", **entities: list[str]) -> list[Finding]:
    evidence = Evidence(detections(item, **entities), images or {})
    return evaluate(item, evidence, ruleset, reg or register(), as_of=as_of, lang=lang)


def rules_of(findings: list[Finding]) -> set[str]:
    return {finding.rule for finding in findings}


def test_pii_one_finding_per_detection_with_position_and_clear_text(ruleset: RuleSet) -> None:
    item = post("""
        ---
        channels: [facebook]
        ---
        Kontakt: info@holz.de

        oder bei Anna: anna.berg@holz.de und nochmal info@holz.de
        """)
    findings = [f for f in run(ruleset, item, EMAIL=["info@holz.de", "anna.berg@holz.de"]) if f.rule == "PII-EMAIL"]
    assert [(f.line, f.column, f.text, f.entity) for f in findings] == [
        (4, 10, "info@holz.de", "EMAIL"), (6, 16, "anna.berg@holz.de", "EMAIL"), (6, 46, "info@holz.de", "EMAIL")]
    assert all(f.field == "body" and f.item == "posts/p.md" and f.category == "pii" for f in findings)
    assert findings[0].message == "E-Mail-Adresse veröffentlicht: info@holz.de."
    assert findings[0].legal == ("Art. 4 Nr. 1 DSGVO", "Art. 5 Abs. 1 lit. c DSGVO")


def test_english_messages(ruleset: RuleSet) -> None:
    item = post("Schreibt an info@holz.de\n")
    finding = next(f for f in run(ruleset, item, lang="en", EMAIL=["info@holz.de"]) if f.rule == "PII-EMAIL")
    assert finding.message == "E-mail address published: info@holz.de."


def test_art9_needs_an_identifiable_person(ruleset: RuleSet) -> None:
    topic = post("Yoga kann bei Depressionen begleitend helfen. Die Telefonseelsorge hilft rund um die Uhr.\n")
    assert "ART9-HEALTH" not in rules_of(run(ruleset, topic))
    named = post("Gute Besserung, Sabine Krüger! Nach ihrer Knie-OP ist sie ein paar Wochen nicht da.\n")
    findings = run(ruleset, named, PERSON=["Sabine Krüger"])
    health = [f for f in findings if f.rule == "ART9-HEALTH"]
    assert len(health) == 1 and health[0].entity is None and health[0].text is None
    assert "„Gute Besserung“" in health[0].message
    assert "CONSENT-MISSING" in rules_of(findings)


def test_consent_lifecycle_is_judged_at_the_publish_date(ruleset: RuleSet) -> None:
    reg = register("""
        consents:
          - {id: K-1, person: Hannes Voigt, scope: [name], expires_at: 2026-03-31}
        """)
    text = """
        ---
        publish_at: {day}
        people:
          - name: Hannes Voigt
            consent: K-1
        ---
        Hannes Voigt ist jetzt Meister!
        """
    before = run(ruleset, post(text.format(day="2026-03-30")), reg, PERSON=["Hannes Voigt"])
    after = run(ruleset, post(text.format(day="2026-04-01")), reg, PERSON=["Hannes Voigt"])
    assert not rules_of(before) & {"CONSENT-EXPIRED", "CONSENT-MISSING"}
    assert "CONSENT-EXPIRED" in rules_of(after) and "CONSENT-MISSING" not in rules_of(after)
    expired = next(f for f in after if f.rule == "CONSENT-EXPIRED")
    assert (expired.line, expired.column) == (7, 1)
    assert "2026-03-31" in expired.message and "K-1" in expired.message
    undated = post("---\npeople:\n  - {name: Hannes Voigt, consent: K-1}\n---\nHannes Voigt ist Meister!\n")
    assert "CONSENT-EXPIRED" not in rules_of(run(ruleset, undated, reg, as_of=datetime(2026, 3, 1)))
    assert "CONSENT-EXPIRED" in rules_of(run(ruleset, undated, reg, as_of=datetime(2026, 4, 1)))


def test_text_mentions_match_people_by_first_or_last_name(ruleset: RuleSet) -> None:
    reg = register("consents:\n  - {id: K-1, person: Greta Lindemann, scope: [name]}\n")
    item = post("""
        ---
        people:
          - name: Greta Lindemann
            consent: K-1
        ---
        Neu bei uns: Greta! Frau Lindemann unterrichtet Yoga. Und Carla hilft am Empfang.
        """)
    findings = run(ruleset, item, reg, PERSON=["Greta", "Lindemann", "Carla"])
    missing = [f for f in findings if f.rule == "CONSENT-MISSING"]
    assert [(f.line, f.column) for f in missing] == [(6, 59)]
    assert "Carla" in missing[0].message


def test_scope_channel_photo_and_health(ruleset: RuleSet) -> None:
    reg = register("""
        consents:
          - {id: K-1, person: Yasemin Arslan, scope: [name], channels: [instagram]}
        """)
    item = post("""
        ---
        channels: [instagram, facebook]
        images:
          - path: media/foto.jpg
            people: [Yasemin Arslan]
        people:
          - {name: Yasemin Arslan, consent: K-1}
        ---
        Fahrlehrerin Yasemin Arslan nach ihrer Reha wieder im Dienst.
        """)
    images = {item.images[0].path: ImageFacts(item.images[0].path, "", 10, 10, "JPEG", faces=(FaceBox(0, 0, 5, 5),))}
    findings = run(ruleset, item, reg, images, PERSON=["Yasemin Arslan"])
    scope = [f for f in findings if f.rule == "CONSENT-SCOPE"]
    assert len(scope) == 1 and "facebook, photo, health" in scope[0].message
    assert "IMAGE-FACES" not in rules_of(findings) and "CONSENT-MISSING" not in rules_of(findings)


def test_faces_beyond_released_people(ruleset: RuleSet) -> None:
    item = post("---\nimages:\n  - path: media/team.jpg\n---\nUnser Team!\n")
    facts = ImageFacts(item.images[0].path, "", 10, 10, "JPEG", gps=(52.1, 9.9),
                       metadata_people=(("Artist", "Okke Harmsen"), ("Software", "GIMP")),
                       faces=(FaceBox(0, 0, 5, 5), FaceBox(9, 0, 5, 5)))
    findings = run(ruleset, item, images={facts.path: facts})
    assert {"IMAGE-FACES", "IMAGE-GPS", "IMAGE-METADATA-PERSON", "CONSENT-MISSING"} <= rules_of(findings)
    faces = next(f for f in findings if f.rule == "IMAGE-FACES")
    assert (faces.line, faces.column) == (3, 11) and "2 / 0" in faces.message
    company = ImageFacts(facts.path, "", 10, 10, "JPEG", metadata_people=(("Artist", "Studio Licht GmbH"),))
    assert "IMAGE-METADATA-PERSON" not in rules_of(run(ruleset, item, images={facts.path: company}))


def test_minor_needs_guardian_consent(ruleset: RuleSet) -> None:
    reg = register("""
        consents:
          - {id: K-3, person: Frieda Nowak, scope: [name], minor: true, guardian: Agnieszka Nowak}
          - {id: K-4, person: Levin Hartke, scope: [name], minor: true}
        """)
    item = post("""
        ---
        people:
          - {name: Frieda Nowak, consent: K-3}
          - {name: Levin Hartke, consent: K-4}
        ---
        Frieda Nowak (9) und Levin Hartke (11) haben beim Vorspiel geglänzt.
        """)
    minor = [f for f in run(ruleset, item, reg) if f.rule == "MINOR-DATA"]
    assert len(minor) == 1 and "Levin Hartke" in minor[0].message


def test_giveaway_from_text_and_per_channel_severity(ruleset: RuleSet) -> None:
    text = "---\nchannels: [{channel}]\n---\nGEWINNSPIEL! Wir verlosen 3 Bierpakete. Markiert zwei Freunde!\n"
    fb = run(ruleset, post(text.format(channel="facebook")))
    ig = run(ruleset, post(text.format(channel="instagram")))
    web = run(ruleset, post(text.format(channel="website")))
    share = {name: next(f for f in found if f.rule == "GIVEAWAY-SHARE-REQUIRED")
             for name, found in (("fb", fb), ("ig", ig), ("web", web))}
    assert (share["fb"].severity, share["ig"].severity, share["web"].severity) == (
        Severity.HIGH, Severity.MEDIUM, Severity.LOW)
    assert "GIVEAWAY-PLATFORM-DISCLAIMER" in rules_of(ig) and "GIVEAWAY-PLATFORM-DISCLAIMER" not in rules_of(web)
    terms = next(f for f in ig if f.rule == "GIVEAWAY-TERMS")
    assert (terms.line, terms.column) == (4, 1)
    award = post("Wir haben den Deutschen Brotpreis gewonnen! Danke an alle.\n")
    assert not any(f.rule.startswith("GIVEAWAY") for f in run(ruleset, award))


def test_campaign_block_is_inherited_and_reported_at_the_post(ruleset: RuleSet) -> None:
    loaded = parse_yaml("kampagnen/herbst.yaml", textwrap.dedent("""\
        kind: campaign
        name: Herbst
        channels: [instagram]
        giveaway:
          organizer: Weingut Rebenhof GbR
          terms_url: https://example.de/tb
          privacy_url: https://example.de/ds
        targeting:
          lookalike: true
        posts:
          - id: start
            text: |
              Herbstverlosung! Instagram hat mit dieser Aktion nichts zu tun.
        """))
    item = loaded.items[0]
    found = {f.rule: f for f in run(ruleset, item)}
    assert {"GIVEAWAY-DEADLINE", "GIVEAWAY-ELIGIBILITY", "ADS-CUSTOM-AUDIENCE"} <= set(found)
    assert not {"GIVEAWAY-TERMS", "GIVEAWAY-ORGANIZER", "GIVEAWAY-PRIVACY", "GIVEAWAY-PLATFORM-DISCLAIMER"} & set(found)
    assert found["GIVEAWAY-DEADLINE"].line == item.line
    assert found["ADS-CUSTOM-AUDIENCE"].line == item.line


def test_legal_references_follow_the_publish_date(ruleset: RuleSet) -> None:
    text = "---\npublish_at: {day}\n---\nHier klicken: https://shop.de/aktion?email=anna@example.de\n"
    old = next(f for f in run(ruleset, post(text.format(day="2024-01-10"))) if f.rule == "TRACKING-PERSONAL-URL")
    new = next(f for f in run(ruleset, post(text.format(day="2024-06-10"))) if f.rule == "TRACKING-PERSONAL-URL")
    assert "§ 25 TTDSG" in old.legal and "§ 25 TDDDG" not in old.legal
    assert "§ 25 TDDDG" in new.legal and "§ 25 TTDSG" not in new.legal


def test_rule_validity_window(tmp_path: Path) -> None:
    (tmp_path / "HAUS-ALT.yml").write_text(textwrap.dedent("""\
        kind: pattern
        severity: low
        category: haus
        title: {de: Alt, en: Old}
        message: {de: "Altes Wort: {text}", en: "Old word: {text}"}
        description: {de: "Ein Wort, das bis Ende 2025 nicht verwendet werden sollte."}
        remediation: {de: Streichen.}
        valid_until: 2025-12-31
        match: {phrases: ["sonderangebot*"]}
        """), encoding="utf-8")
    rules = load_rules([str(tmp_path)], include_builtin=False)
    text = "---\npublish_at: {day}\n---\nUnser Sonderangebot der Woche!\n"
    assert [f.message for f in run(rules, post(text.format(day="2025-12-31")))] == ["Altes Wort: Sonderangebot"]
    assert run(rules, post(text.format(day="2026-01-01"))) == []


def test_problem_finding_is_a_parse_error(ruleset: RuleSet) -> None:
    finding = problem_finding(Problem("posts/kaputt.md", 3, 5, "ungültiges YAML"), ruleset)
    assert (finding.rule, finding.severity, finding.path, finding.line, finding.column) == (
        "PARSE-ERROR", Severity.HIGH, "posts/kaputt.md", 3, 5)
    assert "ungültiges YAML" in finding.message and finding.entity is None


def test_clean_post_has_no_findings(ruleset: RuleSet) -> None:
    item = post("---\nchannels: [instagram, facebook]\n---\nSommeröffnungszeiten: Di–Fr 9–18 Uhr. Bis bald!\n")
    assert run(ruleset, item) == []
