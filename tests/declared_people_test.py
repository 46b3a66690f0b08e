"""Mentions of the people an item declares are personal data, also where the finders alone would not be sure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import CliResult

POOL_TEAM = """\
---
channels: [instagram]
people:
  - name: Ernst Halbritter
  - name: Mai Linh Tran
---
Ernst Halbritter ist seit 31 Jahren Schwimmmeister. Wenn Ernst pfeift, wird's ernst 😄
Im Ernst: Mai Linh Tran ist seit Anfang Mai wieder da. Mai macht mittwochs die Wassergymnastik.
"""
LAB = """\
---
channels: [instagram]
people:
  - name: Sevgi Demirtaş
  - name: Jonas Kerner
---
Seit Mai ist unsere Kollegin Sevgi Demirtaş bei Weißhaupt & Kerner. Sevgi leitet den Modellguss.
"""


def persons(result: CliResult) -> list[str]:
    return [f["text"] for f in result.json()["findings"] if f["rule"] == "PII-PERSON"]


def test_declared_names_are_found_where_the_words_are_names(write: Callable[..., Path], tmp_path: Path,
                                                            cli: Callable[..., CliResult]) -> None:
    write("team.md", POOL_TEAM)
    found = persons(cli("scan", str(tmp_path), "--format", "json", "--no-cache"))
    assert sorted(found) == sorted(["Ernst Halbritter", "Ernst", "Mai Linh Tran", "Mai"])


def test_a_full_declared_name_replaces_its_parts_and_a_surname_alone_is_left_to_the_finders(
        write: Callable[..., Path], tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    write("lab.md", LAB)
    found = persons(cli("scan", str(tmp_path), "--format", "json", "--no-cache"))
    assert sorted(found) == ["Sevgi", "Sevgi Demirtaş"]


def test_without_the_declaration_an_ambiguous_first_name_alone_is_no_finding(
        write: Callable[..., Path], tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    write("team.md", POOL_TEAM.replace("people:\n  - name: Ernst Halbritter\n  - name: Mai Linh Tran\n", ""))
    found = persons(cli("scan", str(tmp_path), "--format", "json", "--no-cache"))
    assert "Mai" not in found and "Ernst" not in found
