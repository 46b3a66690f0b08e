"""`dsgvo-check report` end to end: a real scan of a content repository to PDF and HTML, exit codes as scan."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from dsgvo_check.cli import main

POST = """\
---
title: Sommerfest
channels: [instagram]
publish_at: 2026-07-04
---
Fragen an anna.mueller@example.de oder 0171 2345678. Wir freuen uns auf euch! 🎉
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "fest.md").write_text(textwrap.dedent(POST), encoding="utf-8")
    (tmp_path / "consents.yaml").write_text("consents: []\n", encoding="utf-8")
    return tmp_path


def _text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_pdf_report_of_a_real_scan(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = repo / "audit.pdf"
    code = main(["report", str(repo), "-o", str(out), "--reviewer", "Dr. Jura", "--as-of", "2026-07-01"])
    assert main(["scan", str(repo), "--format", "json", "--as-of", "2026-07-01"]) == code
    document = json.loads(capsys.readouterr().out)
    text = _text(out)
    assert code == 1 and out.read_bytes().startswith(b"%PDF-")
    assert f"Gesamt {len(document['findings'])}" in text
    assert f"{document['scanned']['items']} / {document['scanned']['files']}" in text  # the register is no content
    for finding in document["findings"]:
        assert finding["rule"] in text
    assert "anna.mueller@example.de" not in text and "Dr. Jura" in text


def test_html_report_and_personal_data_flag(repo: Path) -> None:
    out = repo / "audit.html"
    assert main(["report", str(repo), "-o", str(out), "--show-personal-data", "--fail-on", "critical"]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "anna.mueller@example.de" in html


def test_sarif_from_scan(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["scan", str(repo), "--format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


def test_output_is_required(repo: Path) -> None:
    assert main(["report", str(repo)]) == 2
