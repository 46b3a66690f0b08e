"""`dsgvo-check hook install|uninstall` and `dsgvo-check baseline create|update`."""

from __future__ import annotations

import getpass
import os
from datetime import date
from typing import Any

import click

from dsgvo_check import baseline, git
from dsgvo_check.config import Config
from dsgvo_check.errors import DsgvoCheckError


@click.group("hook")
def hook_group() -> None:
    """Git-Hook einrichten oder entfernen (install or remove the plain-git pre-commit hook)."""


@hook_group.command("install")
@click.option("--force", is_flag=True, help="Replace a pre-commit hook that dsgvo-check did not write (kept as .bak).")
def install(force: bool) -> int:
    """Schreibt .git/hooks/pre-commit (honours core.hooksPath)."""
    path = git.install(".", force=force)
    click.echo(f"pre-commit hook installiert: {path}")
    return 0


@hook_group.command("uninstall")
def uninstall() -> int:
    """Entfernt den von dsgvo-check geschriebenen Hook (a foreign hook is left alone)."""
    path = git.uninstall(".")
    click.echo(f"pre-commit hook entfernt: {path}" if path else "kein dsgvo-check-Hook installiert")
    return 0


@click.group("baseline")
def baseline_group() -> None:
    """Bestehende Befunde bewusst akzeptieren (accept current findings, with who, when and why)."""


def _options(function: Any) -> Any:
    options = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--reason", required=True, help="Why these findings are accepted (shown in reports)."),
        click.option("--by", help="Who accepts them (default: git user.name, else the login name)."),
        click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
                     help=f"Baseline file (default: {baseline.FILE_NAME} at the top of the work tree)."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Config file."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _who(by: str | None) -> str:
    if by:
        return by
    try:
        name = git.git(["config", "user.name"]).strip()
    except DsgvoCheckError:
        name = ""
    return name or getpass.getuser()


def _target(paths: tuple[str, ...], config_file: str | None, baseline_file: str | None) -> tuple[Config, str]:
    """The config of a scan that ignores any baseline, and the baseline file to write."""
    from dsgvo_check.cli.options import build_config

    config = build_config(paths or (".",), config_file, baseline="")
    return config, baseline_file or baseline.find(config.root) or baseline.default_location(config.root)


def _accept(paths: tuple[str, ...], config: Config, path: str, reason: str, by: str | None,
            previous: baseline.Baseline | None) -> list[baseline.Entry]:
    from dsgvo_check.scan import scan

    report = scan(paths or (".",), config)
    return baseline.entries_for(report.findings, os.path.dirname(path) or ".", reason=reason.strip(),
                                by=_who(by), at=date.today().isoformat(), previous=previous)


@baseline_group.command("create")
@_options
@click.option("--force", is_flag=True, help="Overwrite an existing baseline (decisions in it are lost).")
def create(paths: tuple[str, ...], reason: str, by: str | None, baseline_file: str | None,
           config_file: str | None, force: bool) -> int:
    """Schreibt .dsgvo-check-baseline.json mit allen aktuellen Befunden (record every current finding)."""
    config, path = _target(paths, config_file, baseline_file)
    if os.path.exists(path) and not force:
        raise DsgvoCheckError("baseline exists; use 'baseline update' (or --force to start over)", path)
    entries = _accept(paths, config, path, reason, by, None)
    baseline.write(path, entries)
    click.echo(f"{len(entries)} Befund(e) akzeptiert in {path}")
    return 0


@baseline_group.command("update")
@_options
def update(paths: tuple[str, ...], reason: str, by: str | None, baseline_file: str | None,
           config_file: str | None) -> int:
    """Ergänzt neue Befunde, behält frühere Entscheidungen, entfernt erledigte (add new, drop fixed)."""
    config, path = _target(paths, config_file, baseline_file)
    if not os.path.exists(path):
        raise DsgvoCheckError("no baseline to update; run 'dsgvo-check baseline create' first", path)
    previous = baseline.read(path)
    entries = _accept(paths, config, path, reason, by, previous)
    kept = sum(1 for entry in entries if entry.fingerprint in previous.entries)
    baseline.write(path, entries)
    click.echo(f"{path}: {len(entries)} Befund(e) akzeptiert ({len(entries) - kept} neu, {kept} beibehalten, "
               f"{len(previous.entries) - kept} entfernt)")
    return 0
