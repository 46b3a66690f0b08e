"""The CLI end to end: formats, JSON schema, exit codes, colours, output file, version."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from conftest import CliResult
from dsgvo_check import __version__

POST = """\
---
channels: [website]
---
Fragen? Schreibt an team@example.de
"""


def schema() -> dict[str, object]:
    text = resources.files("dsgvo_check").joinpath("schemas/report.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def test_json_output_validates_against_shipped_schema(write: Callable[..., Path], tmp_path: Path,
                                                      cli: Callable[..., CliResult]) -> None:
    write("posts/a.md", POST)
    write("posts/b.txt", "Nur ein Hinweis ohne Daten.\n")
    result = cli("scan", str(tmp_path), "--format", "json")
    document = result.json()
    jsonschema.validate(document, schema())
    assert document["scanned"] == {"files": 2, "items": 2}
    (finding,) = [f for f in document["findings"] if f["rule"] == "PII-EMAIL"]
    assert finding["text"] == "team@example.de" and finding["entity"] == "EMAIL"
    assert (finding["line"], finding["column"]) == (4, 21)
    assert finding["path"] == str(tmp_path / "posts" / "a.md")


def test_relative_paths_stay_relative(write: Callable[..., Path], tmp_path: Path,
                                      cli: Callable[..., CliResult]) -> None:
    write("posts/a.md", POST)
    result = cli("scan", "posts", "--format", "json", cwd=tmp_path)
    paths = {f["path"] for f in result.json()["findings"]}
    assert paths == {os.path.join("posts", "a.md")}


@pytest.mark.parametrize(("fail_on", "code"), [("medium", 1), ("critical", 0), ("info", 1)])
def test_exit_code_follows_fail_on(write: Callable[..., Path], tmp_path: Path, cli: Callable[..., CliResult],
                                   fail_on: str, code: int) -> None:
    write("a.md", POST)
    assert cli("scan", str(tmp_path), "--fail-on", fail_on).code == code


def test_clean_content_exits_0(write: Callable[..., Path], tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    write("a.md", "---\nchannels: [instagram]\n---\nUnser neues Sauerteigbrot ist da! 🍞\n")
    result = cli("scan", str(tmp_path))
    assert result.code == 0 and "Keine Befunde" in result.out


def test_fail_on_from_config_and_cli_precedence(write: Callable[..., Path], tmp_path: Path,
                                                cli: Callable[..., CliResult]) -> None:
    write("a.md", POST)
    write("dsgvo-check.yaml", "fail_on: critical\n")
    assert cli("scan", str(tmp_path)).code == 0
    assert cli("scan", str(tmp_path), "--fail-on", "low").code == 1


def test_text_report_lines_grouped_by_file(write: Callable[..., Path], tmp_path: Path,
                                           cli: Callable[..., CliResult]) -> None:
    write("a.md", POST)
    out = cli("scan", "a.md", cwd=tmp_path).out
    assert "a.md:4:21 mittel   PII-EMAIL " in out
    assert out.splitlines()[0] == "a.md"
    assert "1 Befunde in 1 Dateien" in out.splitlines()[-1]
    english = cli("scan", "a.md", "--lang", "en", cwd=tmp_path).out
    assert "a.md:4:21 medium   PII-EMAIL " in english and "1 findings in 1 files" in english


def test_output_file_and_no_write_into_scanned_tree(write: Callable[..., Path], tmp_path: Path,
                                                    cli: Callable[..., CliResult]) -> None:
    content = tmp_path / "content"
    write("content/a.md", POST)
    before = sorted(p.relative_to(content) for p in content.rglob("*"))
    target = tmp_path / "report.json"
    result = cli("scan", str(content), "--format", "json", "--output", str(target))
    assert result.out == "" and json.loads(target.read_text(encoding="utf-8"))["findings"]
    assert sorted(p.relative_to(content) for p in content.rglob("*")) == before


def run_process(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dsgvo_check", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_colour_only_on_tty_and_never_with_no_color(write: Callable[..., Path], tmp_path: Path) -> None:
    write("a.md", POST)
    script = ("import os, pty, sys\n"
              "pid, fd = pty.fork()\n"
              "if pid == 0:\n"
              "    os.execv(sys.executable, [sys.executable, '-m', 'dsgvo_check', 'scan', 'a.md'])\n"
              "out = b''\n"
              "while True:\n"
              "    try:\n"
              "        chunk = os.read(fd, 4096)\n"
              "    except OSError:\n"
              "        break\n"
              "    if not chunk:\n"
              "        break\n"
              "    out += chunk\n"
              "sys.stdout.write(out.decode())\n")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    on_tty = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120, check=False).stdout
    no_color = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env={**env, "NO_COLOR": "1"},
                              capture_output=True, text=True, timeout=120, check=False).stdout
    piped = run_process(["scan", "a.md"], tmp_path, env).stdout
    assert "\x1b[" in on_tty and "PII-EMAIL" in on_tty
    assert "\x1b[" not in no_color and "PII-EMAIL" in no_color
    assert "\x1b[" not in piped


def test_version_and_module_entry_point(tmp_path: Path) -> None:
    result = run_process(["--version"], tmp_path, dict(os.environ))
    assert result.returncode == 0 and __version__ in result.stdout


def test_python_dash_m_scan_exit_code(write: Callable[..., Path], tmp_path: Path) -> None:
    write("a.md", POST)
    result = run_process(["scan", ".", "--format", "json"], tmp_path, dict(os.environ))
    assert result.returncode == 1 and json.loads(result.stdout)["schema"] == "dsgvo-check/report/v1"
