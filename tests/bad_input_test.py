"""Broken input never gives a traceback: content problems are PARSE-ERROR findings with file and
line and the scan goes on; configuration problems exit 2 with one line naming file and line."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from conftest import CliResult

GOOD_POST = "---\nchannels: [website]\n---\nSchreib uns an info@example.de\n"


def truncated_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(buffer, "JPEG")
    return buffer.getvalue()[:200]


CONTENT_CASES = {
    "unclosed front matter": ("p.md", "---\ntitle: x\nText ohne Ende\n", 1),
    "front matter syntax": ("p.md", "---\ntitle: x\nchannels: [instagram\n---\nText\n", 4),
    "front matter is a list": ("p.md", "---\n- a\n- b\n---\nText\n", 2),
    "tab indentation": ("p.md", "---\npeople:\n\t- name: Anna\n---\nText\n", 3),
    "campaign syntax": ("k.yaml", "kind: campaign\nposts:\n  - id: a\n    text: 'offen\n", 5),
    "latin-1 text": ("p.md", "Zeile eins\nGr\xfc\xdfe aus K\xf6ln\n".encode("latin-1"), 2),
    "binary post": ("p.md", b"\x00\x01\x02PNG\x00" * 20, 1),
    "broken image": ("bild.jpg", truncated_jpeg(), 1),
    "text with image extension": ("foto.png", "kein Bild\n", 1),
    "deep nesting": ("k.yaml", "kind: campaign\nposts: " + "[" * 100_000 + "]" * 100_000 + "\n", 2),
    "huge text file": ("gross.txt", "a" * 5_000_001, 1),
}


@pytest.mark.parametrize("case", sorted(CONTENT_CASES))
def test_content_problem_is_parse_error(case: str, write: Callable[..., Path], tmp_path: Path,
                                        cli: Callable[..., CliResult]) -> None:
    name, content, line = CONTENT_CASES[case]
    write(name, content)
    write("gut.md", GOOD_POST)
    result = cli("scan", str(tmp_path), "--format", "json")
    assert "Traceback" not in result.err
    assert result.code == 1
    findings = result.json()["findings"]
    errors = [f for f in findings if f["rule"] == "PARSE-ERROR"]
    assert [(Path(f["path"]).name, f["line"]) for f in errors] == [(name, line)], errors
    assert errors[0]["severity"] == "high" and errors[0]["message"]
    assert any(f["rule"] == "PII-EMAIL" and f["path"].endswith("gut.md") for f in findings)


def test_unclosed_bracket_names_the_line_it_was_opened(write: Callable[..., Path], tmp_path: Path,
                                                       cli: Callable[..., CliResult]) -> None:
    write("p.md", "---\ntitle: x\nchannels: [instagram\npublish_at: 2026-01-01\n---\nText\n")
    (error,) = cli("scan", str(tmp_path), "--format", "json").json()["findings"]
    assert error["line"] == 4 and "begonnen in Zeile 3" in error["message"]


def test_missing_image_is_parse_error_at_its_reference(write: Callable[..., Path], tmp_path: Path,
                                                       cli: Callable[..., CliResult]) -> None:
    write("p.md", "---\nimages:\n  - media/fehlt.jpg\n---\nText\n")
    result = cli("scan", str(tmp_path), "--format", "json")
    (error,) = [f for f in result.json()["findings"] if f["rule"] == "PARSE-ERROR"]
    assert (Path(error["path"]).name, error["line"]) == ("p.md", 3) and "fehlt.jpg" in error["message"]


def test_unknown_front_matter_key_is_a_notice(write: Callable[..., Path], tmp_path: Path,
                                              cli: Callable[..., CliResult]) -> None:
    write("p.md", "---\nchanels: [instagram]\n---\nText\n")
    result = cli("scan", str(tmp_path), "--format", "json")
    assert result.code == 0
    (notice,) = [n for n in result.json()["notices"] if "chanels" in n["message"]]
    assert notice["line"] == 2 and notice["path"].endswith("p.md")


CONFIG_CASES = {
    "consents syntax": ("consents.yaml", "consents:\n  - id: K-1\n    person: [Anna\n", 4),
    "consents unknown key": ("consents.yaml", "consents:\n  - id: K-1\n    person: A\n    scop: [name]\n", 4),
    "consents duplicate id": ("consents.yaml", "consents:\n  - {id: K-1, person: A}\n  - {id: K-1, person: B}\n", 3),
    "consents bad date": ("consents.yaml", "consents:\n  - id: K-1\n    person: A\n    expires_at: bald\n", 4),
    "consents bad scope": ("consents.yaml", "consents:\n  - id: K-1\n    person: A\n    scope: [foto]\n", 4),
    "consents not a list": ("consents.yaml", "eintraege: []\n", 1),
    "config unknown key": ("dsgvo-check.yaml", "fail_on: high\nexlude: [a]\n", 2),
    "config bad value": ("dsgvo-check.yaml", "fail_on: sehr hoch\n", 1),
}


@pytest.mark.parametrize("case", sorted(CONFIG_CASES))
def test_configuration_problem_exits_2_with_file_and_line(case: str, write: Callable[..., Path],
                                                          tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    name, content, line = CONFIG_CASES[case]
    path = write(name, content)
    write("gut.md", GOOD_POST)
    result = cli("scan", str(tmp_path))
    assert result.code == 2 and result.out == ""
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1
    assert result.err.startswith(f"dsgvo-check: {path}:{line}")


def test_missing_path_and_missing_explicit_register_exit_2(tmp_path: Path, write: Callable[..., Path],
                                                           cli: Callable[..., CliResult]) -> None:
    missing = cli("scan", str(tmp_path / "gibt-es-nicht"))
    assert missing.code == 2 and "no such file or directory" in missing.err
    write("gut.md", GOOD_POST)
    register = cli("scan", str(tmp_path), "--consents", str(tmp_path / "fehlt.yaml"))
    assert register.code == 2 and "fehlt.yaml" in register.err and "Traceback" not in register.err


def test_unknown_option_is_usage_error(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    result = cli("scan", str(tmp_path), "--format", "xml")
    assert result.code == 2 and "xml" in result.err
