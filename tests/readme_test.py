"""The README's examples work as written: its own-rule example validates and passes its examples."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from conftest import CliResult

README = Path(__file__).resolve().parent.parent / "README.md"


def _yaml_block(marker: str) -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)
    return next(block for block in blocks if marker in block)


def test_own_rule_example_validates_and_its_examples_pass(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    folder = tmp_path / "meine-regeln"
    folder.mkdir()
    (folder / "HAUS-RABATTCODE.yml").write_text(_yaml_block("HAUS-RABATTCODE"), encoding="utf-8")
    assert cli("rules", "validate", str(folder)).code == 0
    result = cli("rules", "test", str(folder))
    assert result.code == 0, result.out + result.err
    assert "2/2" in result.out


def test_config_example_is_accepted(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    config = _yaml_block("fail_on: high").replace("model: de_core_news_lg", "")
    (tmp_path / "eigene-regeln").mkdir()
    (tmp_path / "recht").mkdir()
    (tmp_path / "recht" / "einwilligungen.yaml").write_text("consents: []\n", encoding="utf-8")
    (tmp_path / "dsgvo-check.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text("Heute frische Brötchen!\n", encoding="utf-8")
    result = cli("scan", str(tmp_path), "--format", "json")
    assert result.code == 0, result.err
    assert result.json()["scanned"]["items"] == 1
