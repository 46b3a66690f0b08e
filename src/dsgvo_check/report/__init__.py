"""Writers by name over one Report, and the exit code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dsgvo_check.model import Report, Severity
from dsgvo_check.report import html, json_, pdf, sarif, text


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How a report is rendered; personal data is masked unless asked for (json excepted)."""

    colour: bool = False
    show_personal_data: bool = False
    title: str | None = None
    reviewer: str | None = None
    pdf_variant: str | None = "pdf/a-3u"


Writer = Callable[[Report, RenderOptions], str | bytes]

WRITERS: dict[str, Writer] = {
    "text": text.render,
    "json": json_.render,
    "sarif": sarif.render,
    "html": html.render,
    "pdf": pdf.render,
}


def exit_code(report: Report, fail_on: Severity) -> int:
    """0 when no finding is at or above `fail_on`, else 1."""
    return int(any(finding.severity >= fail_on for finding in report.findings))
