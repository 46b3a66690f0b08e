"""Options and helpers shared by the `scan` and `report` commands."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import click

from dsgvo_check.config import LANGS, Config, find_config, load_config, parse_as_of
from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import Severity

SEVERITIES = [s.label for s in Severity]


def _as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_as_of(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def scan_root(paths: Sequence[str]) -> str:
    """The folder whose config and consent register apply.

    The first path (or its folder), or the nearest folder above it that holds a config file or
    `consents.yaml`, stopping at a git work tree's top: `scan posts/a.md` finds the repo's files.
    """
    first = paths[0]
    start = first if os.path.isdir(first) else (os.path.dirname(first) or ".")
    folder = os.path.abspath(start)
    while True:
        if find_config(folder) or os.path.isfile(os.path.join(folder, "consents.yaml")):
            return start if folder == os.path.abspath(start) else os.path.relpath(folder)
        parent = os.path.dirname(folder)
        if parent == folder or os.path.exists(os.path.join(folder, ".git")):
            return start
        folder = parent


def build_config(paths: Sequence[str], config_file: str | None, **flags: Any) -> Config:
    """Config file values, overridden by the flags given on the command line."""
    config = load_config(scan_root(paths), config_file)
    if flags.get("fail_on") is not None:
        flags["fail_on"] = Severity.parse(flags["fail_on"])
    rules = flags.pop("rules", ())
    if rules:
        flags["rule_dirs"] = config.rule_dirs + tuple(rules)
    return config.merged(**flags)


def emit(content: str | bytes, path: str | None) -> None:
    """Write a rendered report to stdout or to the file given with --output."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise DsgvoCheckError(f"cannot write output: {exc.strerror}", path) from None


def scan_options(function: Any) -> Any:
    """The options shared by `scan` and `report`."""
    options = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--config", "config_file", type=click.Path(dir_okay=False),
                     help="Config file (default: dsgvo-check.yaml or pyproject.toml at the scan root)."),
        click.option("--consents", type=click.Path(dir_okay=False), help="Consent register (consents.yaml)."),
        click.option("--lang", type=click.Choice(LANGS), help="Language of messages (default de)."),
        click.option("--as-of", callback=_as_of, help="Judge items without publish date as of DATE."),
        click.option("--rules", multiple=True, type=click.Path(file_okay=False), help="Extra rule folder."),
        click.option("--model", help="Installed trained spaCy pipeline whose PER entities are added (opt-in)."),
        click.option("--no-ocr", "ocr", flag_value=False, default=None, help="Do not read text in images."),
    ]
    for option in reversed(options):
        function = option(function)
    return function
