"""The command line: click options -> Config -> scan() -> writer -> exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import click

from dsgvo_check import __version__
from dsgvo_check.cli.hook import baseline_group, hook_group
from dsgvo_check.cli.rules import rules_group
from dsgvo_check.config import LANGS, Config, find_config, load_config, parse_as_of
from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import Severity
from dsgvo_check.report import WRITERS, RenderOptions, exit_code
from dsgvo_check.report.text import use_colour

SEVERITIES = [s.label for s in Severity]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dsgvo-check")
def cli() -> None:
    """DSGVO-Prüfung für Social-Media-Inhalte (GDPR audit of social-media content)."""


cli.add_command(hook_group)
cli.add_command(baseline_group)
cli.add_command(rules_group)


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


@cli.command()
@scan_options
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Exit 1 at or above this severity (medium).")
@click.option("--staged", is_flag=True, help="Scan the staged (index) versions of changed files, as a hook does.")
@click.option("--no-cache", "cache", flag_value=False, default=None, help="Do not use the content-hash cache.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Baseline of accepted findings (default: .dsgvo-check-baseline.json, found upwards).")
def scan(paths: tuple[str, ...], config_file: str | None, fmt: str, output: str | None, staged: bool,
         **flags: Any) -> int:
    """Prüft Beiträge, Kampagnen und Bilder (scan content for personal data and GDPR issues)."""
    from dsgvo_check.scan import scan as run_scan

    if staged:
        from dsgvo_check.staged import run as run_staged
        report, config = run_staged(paths, lambda roots: build_config(roots, config_file, **flags))
    elif not paths:
        raise click.UsageError("PATHS fehlen: Dateien oder Ordner angeben, oder --staged")
    else:
        config = build_config(paths, config_file, **flags)
        report = run_scan(paths, config)
    colour = output is None and fmt == "text" and use_colour(sys.stdout)
    emit(WRITERS[fmt](report, RenderOptions(colour=colour)), output)
    code = exit_code(report, config.fail_on)
    if staged and code == 1:
        from dsgvo_check.staged import BLOCKED
        click.echo(BLOCKED.format(fail_on=config.fail_on.label), err=True)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the CLI and map every outcome to the contract's exit codes."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="dsgvo-check",
                          standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        click.echo("dsgvo-check: abgebrochen", err=True)
        return 130
    except DsgvoCheckError as exc:
        click.echo(f"dsgvo-check: {exc}", err=True)
        return 2
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    return result if isinstance(result, int) else 0


from dsgvo_check.cli.report import report_command  # noqa: E402  (it builds on the options above)

cli.add_command(report_command)
