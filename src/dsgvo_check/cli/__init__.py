"""The command line: click options -> Config -> scan() -> writer -> exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from dsgvo_check import __version__
from dsgvo_check.cli.hook import baseline_group, hook_group
from dsgvo_check.cli.options import SEVERITIES, build_config, emit, scan_options
from dsgvo_check.cli.report import report_command
from dsgvo_check.cli.rules import rules_group
from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.report import WRITERS, RenderOptions, exit_code
from dsgvo_check.report.text import use_colour


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dsgvo-check")
def cli() -> None:
    """DSGVO-Prüfung für Social-Media-Inhalte (GDPR audit of social-media content)."""


cli.add_command(hook_group)
cli.add_command(baseline_group)
cli.add_command(rules_group)
cli.add_command(report_command)


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

