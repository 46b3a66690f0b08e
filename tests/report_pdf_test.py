"""The PDF audit report, read back with pypdf: cover, counts, findings, masking, pages, sign-off, archival."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from dsgvo_check.model import Report
from dsgvo_check.report import WRITERS, RenderOptions
from report_helpers import build_report, write_tree

CLEAR = ["anna.mueller@example.de", "Anna Müller", "Müller", "3704 0044", "2345678", "max.mustermann@example.org"]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("content")
    return build_report(root, write_tree(root), suppress_first=True)


@pytest.fixture(scope="module")
def pdf(report: Report) -> bytes:
    data = WRITERS["pdf"](report, RenderOptions(title="Prüfbericht Advent", reviewer="Dr. Erika Jura"))
    assert isinstance(data, bytes)
    return data


def _pages(data: bytes) -> list[str]:
    """Each page's text, whitespace (line wraps in table cells) collapsed."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages]


def test_cover_names_scope_tool_rules_and_reviewer(pdf: bytes, report: Report) -> None:
    cover = _pages(pdf)[0]
    assert "Prüfbericht Advent" in cover
    assert report.rules_sha256 in cover.replace(" ", "")
    assert "dsgvo-check 0.1.0" in cover
    assert "Dr. Erika Jura" in cover
    assert "20.11.2026" in cover  # the as-of date


def test_summary_counts_equal_the_json(pdf: bytes, report: Report) -> None:
    document = json.loads(WRITERS["json"](report, RenderOptions()))
    by_severity = Counter(f["severity"] for f in document["findings"])
    summary = next(text for text in _pages(pdf) if text.lstrip().startswith("Zusammenfassung"))
    labels = {"critical": "kritisch", "high": "hoch", "medium": "mittel", "low": "niedrig", "info": "Hinweis"}
    for severity, label in labels.items():
        assert re.search(rf"{label}\s+{by_severity.get(severity, 0)}\b", summary), (label, summary)
    assert re.search(rf"Gesamt\s+{len(document['findings'])}\b", summary)
    scanned = document["scanned"]
    assert f"{scanned['items']} / {scanned['files']}" in _pages(pdf)[0]


def test_every_finding_is_listed_with_its_rule(pdf: bytes, report: Report) -> None:
    text = " ".join(_pages(pdf))
    for number, finding in enumerate(report.findings, 1):
        assert re.search(rf"B{number} · \w+ · {re.escape(finding.rule)}", text), finding.rule
    assert f"B{len(report.findings) + 1} " not in text


def test_personal_data_is_masked_by_default(pdf: bytes) -> None:
    text = " ".join(_pages(pdf))
    for value in CLEAR:
        assert value not in text
    assert "anna.m***@***.de" in text
    assert "A*** M*****" in text
    assert "DE89 **** **** **** **** 00" in text


def test_show_personal_data_shows_it(report: Report) -> None:
    data = WRITERS["pdf"](report, RenderOptions(show_personal_data=True, pdf_variant=None))
    assert isinstance(data, bytes)
    text = " ".join(_pages(data))
    assert "anna.mueller@example.de" in text
    assert "Anna Müller" in text
    assert "personenbezogene Daten im Klartext" in text


def test_pages_are_numbered_x_of_y(pdf: bytes) -> None:
    pages = _pages(pdf)
    for number, text in enumerate(pages, 1):
        assert f"Seite {number} von {len(pages)}" in text


def test_sign_off_block_and_appendices(pdf: bytes) -> None:
    text = " ".join(_pages(pdf))
    for words in ("Freigabe", "freigegeben", "mit Auflagen", "abgelehnt", "Unterschrift", "Angewandte Regeln",
                  "Rollenadresse, freigegeben", "Glossar der Rechtsgrundlagen", "Art. 4 Nr. 1 DSGVO",
                  "Begriffsbestimmungen", "SHA-256"):
        assert words in text, words


def test_table_of_contents_gives_page_numbers(pdf: bytes) -> None:
    pages = _pages(pdf)
    toc = pages[1]
    match = re.search(r"Adventskalender Tür 1 \(\d+\)\s*(\d+)", toc)
    assert match, toc
    assert "Adventskalender Tür 1" in pages[int(match.group(1)) - 1]


def test_metadata_and_pdfa(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Prüfbericht Advent"
    assert reader.metadata.author == "Dr. Erika Jura"
    assert reader.metadata.creation_date is not None
    assert b"pdfaid:part" in pdf or b"pdfaid:part" in reader.xmp_metadata.stream.get_data()  # type: ignore[union-attr]


def test_output_is_deterministic(report: Report, pdf: bytes) -> None:
    again = WRITERS["pdf"](report, RenderOptions(title="Prüfbericht Advent", reviewer="Dr. Erika Jura"))
    assert again == pdf


def test_no_tofu_umlauts_and_emoji_fonts_embedded(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    fonts = set()
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("DejaVu-Sans" in name for name in fonts), fonts
    assert any("Noto-Color-Emoji" in name for name in fonts), fonts
    assert "Öffnungszeiten" in " ".join(_pages(pdf))


def test_english_report(tmp_path: Path) -> None:
    report = build_report(tmp_path, write_tree(tmp_path), lang="en")
    data = WRITERS["pdf"](report, RenderOptions(pdf_variant=None))
    assert isinstance(data, bytes)
    text = " ".join(_pages(data))
    assert "Executive summary" in text and "Page 1 of" in text and "Sign-off" in text
