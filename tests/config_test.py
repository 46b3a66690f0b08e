"""Config: file formats, strict validation with lines, precedence CLI > file > defaults."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dsgvo_check.cli.options import build_config
from dsgvo_check.config import Config, load_config
from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import Severity


def test_defaults_without_config_file(tmp_path: Path) -> None:
    config = load_config(str(tmp_path))
    assert config == Config(root=str(tmp_path))
    assert config.fail_on is Severity.MEDIUM and config.lang == "de"


def test_yaml_config_values_and_relative_paths(write: Callable[..., Path], tmp_path: Path) -> None:
    write("dsgvo-check.yaml", """\
        fail_on: high
        lang: en
        exclude: ["entwuerfe/**"]
        rules: [eigene-regeln]
        consents: recht/einwilligungen.yaml
        disable: [PII-PERSON]
        severity: {GIVEAWAY-COUPLING: low}
        as_of: 2026-12-01
        """)
    config = load_config(str(tmp_path))
    assert config.fail_on is Severity.HIGH and config.lang == "en"
    assert config.exclude == ("entwuerfe/**",)
    assert config.rule_dirs == (str(tmp_path / "eigene-regeln"),)
    assert config.consents == str(tmp_path / "recht" / "einwilligungen.yaml")
    assert config.disabled == frozenset({"PII-PERSON"})
    assert config.severity == {"GIVEAWAY-COUPLING": Severity.LOW}
    assert config.as_of is not None and config.as_of.day == 1


def test_pyproject_tool_table(write: Callable[..., Path], tmp_path: Path) -> None:
    write("pyproject.toml", '[project]\nname = "x"\n\n[tool.dsgvo-check]\nfail_on = "low"\n')
    assert load_config(str(tmp_path)).fail_on is Severity.LOW


def test_dsgvo_check_yaml_wins_over_pyproject(write: Callable[..., Path], tmp_path: Path) -> None:
    write("pyproject.toml", '[tool.dsgvo-check]\nfail_on = "low"\n')
    write("dsgvo-check.yaml", "fail_on: critical\n")
    assert load_config(str(tmp_path)).fail_on is Severity.CRITICAL


def test_cli_flags_win_over_config_file(write: Callable[..., Path], tmp_path: Path) -> None:
    write("dsgvo-check.yaml", "fail_on: high\nlang: en\nrules: [a]\n")
    config = build_config([str(tmp_path)], None, fail_on="low", lang=None, rules=("b",))
    assert config.fail_on is Severity.LOW and config.lang == "en"
    assert config.rule_dirs == (str(tmp_path / "a"), "b")


@pytest.mark.parametrize(("text", "line", "words"), [
    ("fail_on: high\nfial_on: low\n", 2, "unknown key 'fial_on'"),
    ("fail_on: hgih\n", 1, "expected one of info, low, medium, high, critical"),
    ("lang: fr\n", 1, "expected one of de, en"),
    ("severity: [a, b]\n", 1, "expected a mapping"),
    ("exclude: 3\n", 1, "expected a list of strings"),
    ("ocr: vielleicht\n", 1, "expected true or false"),
    ("fail_on: [high\n", 2, "ungültiges YAML"),
    ("- a\n- b\n", 1, "must be a mapping"),
])
def test_bad_config_names_file_and_line(write: Callable[..., Path], tmp_path: Path,
                                        text: str, line: int, words: str) -> None:
    path = write("dsgvo-check.yaml", text)
    with pytest.raises(DsgvoCheckError) as caught:
        load_config(str(tmp_path))
    assert caught.value.path == str(path) and caught.value.line == line
    assert words in str(caught.value)
