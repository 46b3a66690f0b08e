"""`dsgvo-check report`: the audit report (PDF or HTML) a legal reviewer reads and signs off."""

from __future__ import annotations

import os
from typing import Any

import click

from dsgvo_check.cli.options import SEVERITIES, build_config, emit, scan_options
from dsgvo_check.report import WRITERS, RenderOptions, exit_code

FORMATS = ("pdf", "html")


def _format(output: str, fmt: str | None) -> str:
    """--format, else the output file's extension (.html/.htm -> html), else pdf."""
    if fmt:
        return fmt
    return "html" if os.path.splitext(output)[1].lower() in (".html", ".htm") else "pdf"


@click.command("report")
@scan_options
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="pdf or html (default: from -o, else pdf).")
@click.option("--show-personal-data", is_flag=True, help="Show personal data in clear (masked by default).")
@click.option("--title", help="Title on the cover page.")
@click.option("--reviewer", help="Name of the reviewer (cover page and sign-off block).")
@click.option("--no-pdfa", "pdfa", flag_value=False, default=True, help="Plain PDF instead of PDF/A-3u.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Exit 1 at or above this severity (medium).")
def report_command(paths: tuple[str, ...], config_file: str | None, output: str, fmt: str | None,
                   show_personal_data: bool, title: str | None, reviewer: str | None, pdfa: bool,
                   **flags: Any) -> int:
    """Schreibt den Prüfbericht als PDF oder HTML (audit report for the legal review).

    Exit codes as for `scan`: 0 no finding at or above --fail-on, 1 such findings (the report is
    written either way), 2 usage or configuration error.
    """
    from dsgvo_check.scan import scan as run_scan

    if not paths:
        raise click.UsageError("PATHS fehlen: Dateien oder Ordner angeben")
    config = build_config(paths, config_file, **flags)
    report = run_scan(paths, config)
    options = RenderOptions(show_personal_data=show_personal_data, title=title, reviewer=reviewer,
                            pdf_variant="pdf/a-3u" if pdfa else None)
    emit(WRITERS[_format(output, fmt)](report, options), output)
    return exit_code(report, config.fail_on)
