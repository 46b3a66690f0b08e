"""Loading posts and campaigns: fields, inheritance and the position of every text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from dsgvo_check.load import load_text_file, parse_yaml
from dsgvo_check.model import TextField


def locate(field: TextField, needle: str) -> tuple[int, int]:
    return field.position(field.text.index(needle))


def line_col_in_file(path: Path, needle: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


POST = """\
---
title: Adventskalender Tür 1
channels: [instagram, Facebook]
publish_at: 2026-12-01T09:00:00+01:00
images:
  - media/team.jpg
  - path: media/gruppe.jpg
    alt: Unser Team mit Anna Müller beim Sommerfest
    people: [Anna Müller]
people:
  - name: Anna Müller
    consent: C-2026-014
  - Jonas Weber
giveaway:
  organizer: Muster GmbH
  ends_at: 2026-12-24
  min_age: 18
audience:
  minors: false
---
Hallo zusammen!
Schreibt an anna.mueller@example.de 🎄
"""


def test_markdown_post_fields_and_positions(write: Callable[..., Path]) -> None:
    path = write("posts/advent.md", POST)
    loaded = load_text_file(str(path), "post")
    assert loaded.problems == () and loaded.notices == ()
    (item,) = loaded.items
    assert item.channels == ("instagram", "facebook")
    assert item.publish_at == datetime(2026, 12, 1, 9, 0)
    assert [i.ref for i in item.images] == ["media/team.jpg", "media/gruppe.jpg"]
    assert item.images[1].path == str(path.parent / "media" / "gruppe.jpg")
    assert item.images[1].people == ("Anna Müller",)
    assert [(p.name, p.consent) for p in item.people] == [("Anna Müller", "C-2026-014"), ("Jonas Weber", None)]
    assert item.giveaway is not None and item.giveaway.line == 14
    assert item.giveaway.organizer == "Muster GmbH" and item.giveaway.min_age == 18
    assert item.giveaway.ends_at == datetime(2026, 12, 24)
    assert item.minors is False
    body, alt = item.fields
    assert body.name == "body" and alt.name == "images[1].alt"
    assert locate(body, "anna.mueller") == line_col_in_file(path, "anna.mueller")
    assert locate(alt, "Anna Müller") == line_col_in_file(path, "Anna Müller beim")
    assert item.images[0].line == 6 and item.images[1].line == 7


def test_plain_text_and_markdown_without_front_matter(write: Callable[..., Path]) -> None:
    txt = write("a.txt", "Erste Zeile\nRuf an: 0171 2345678\n")
    md = write("b.md", "# Überschrift\n\nText von Jule\n")
    (text_item,) = load_text_file(str(txt), "text").items
    (md_item,) = load_text_file(str(md), "post").items
    assert locate(text_item.fields[0], "0171") == (2, 9)
    assert locate(md_item.fields[0], "Jule") == (3, 10)
    assert text_item.channels == () and text_item.giveaway is None


def test_front_matter_only_text_is_published_body(write: Callable[..., Path]) -> None:
    path = write("c.md", "---\ntitle: Nur Titel mit Anna Müller\n---\n")
    (item,) = load_text_file(str(path), "post").items
    assert [f.name for f in item.fields] == ["body"] and item.fields[0].text == ""


CAMPAIGN = """\
kind: campaign
name: Weihnachtsgewinnspiel 2026
channels: [instagram, facebook]
giveaway:
  organizer: Muster GmbH
  terms_url: https://example.de/tb
targeting:
  custom_audience: data/kundenliste.csv
  lookalike: true
posts:
  - id: teaser
    publish_at: 2026-12-01
    text: |
      Erste Zeile
        eingerückt: Tel. 030 1234567

      Nach Leerzeile: kontakt@example.de
    images:
      - path: media/teaser.jpg
        alt: "Foto von Jonas Weber"
  - id: finale
    channels: [tiktok]
    giveaway: {organizer: Andere GmbH}
    text: "Einzeilig mit Jule"
"""


def test_campaign_inheritance(write: Callable[..., Path]) -> None:
    path = write("kampagnen/weihnachten.yaml", CAMPAIGN)
    loaded = load_text_file(str(path), "yaml")
    assert loaded.problems == () and loaded.notices == ()
    teaser, finale = loaded.items
    assert teaser.key.endswith("#teaser") and teaser.campaign == "Weihnachtsgewinnspiel 2026"
    assert teaser.channels == ("instagram", "facebook") and finale.channels == ("tiktok",)
    assert teaser.giveaway is not None and teaser.giveaway.terms_url == "https://example.de/tb"
    assert finale.giveaway is not None and finale.giveaway.organizer == "Andere GmbH"
    assert finale.giveaway.terms_url is None
    assert teaser.targeting is not None and teaser.targeting.lookalike and teaser.targeting.line == 7
    assert teaser.publish_at == datetime(2026, 12, 1) and finale.publish_at is None
    assert (teaser.line, finale.line) == (11, 21)
    assert teaser.meta["name"] == "Weihnachtsgewinnspiel 2026"


def test_campaign_text_positions_in_block_and_quoted_scalars(write: Callable[..., Path]) -> None:
    path = write("kampagnen/weihnachten.yaml", CAMPAIGN)
    teaser, finale = load_text_file(str(path), "yaml").items
    text, alt = teaser.fields
    for needle in ("Erste", "030 1234567", "kontakt@example.de"):
        assert locate(text, needle) == line_col_in_file(path, needle), needle
    assert locate(alt, "Jonas Weber") == line_col_in_file(path, "Jonas Weber")
    assert locate(finale.fields[0], "Jule") == line_col_in_file(path, "Jule")


def test_yaml_without_kind_campaign_is_not_content(write: Callable[..., Path]) -> None:
    path = write("daten/liste.yaml", "name: Anna Müller\nphone: 0171 2345678\n")
    assert load_text_file(str(path), "yaml").items == ()


def test_crlf_and_bom_keep_positions(write: Callable[..., Path]) -> None:
    path = write("p.md", "\ufeff---\r\ntitle: x\r\n---\r\nZeile eins\r\nMail: a@example.de\r\n".encode())
    (item,) = load_text_file(str(path), "post").items
    assert locate(item.fields[0], "a@example.de") == (5, 7)


def test_unknown_keys_and_bad_values_warn_but_load(write: Callable[..., Path]) -> None:
    path = write("p.md", "---\nchanels: [instagram]\npublish_at: nächste Woche\nchannels: [insta]\n---\nText\n")
    loaded = load_text_file(str(path), "post")
    assert len(loaded.items) == 1 and loaded.problems == ()
    messages = {(n.line, n.message.split(" ")[0]) for n in loaded.notices}
    assert (2, "unbekannter") in messages and (3, "'publish_at'") in messages and (4, "unbekannter") in messages


def test_parse_yaml_reports_syntax_error_line() -> None:
    loaded = parse_yaml("k.yaml", "kind: campaign\nposts:\n  - text: [unclosed\n")
    assert loaded.items == () and loaded.problems[0].line >= 3
