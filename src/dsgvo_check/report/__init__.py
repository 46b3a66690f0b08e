"""Writers by name over one Report, and the exit code."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from dsgvo_check.model import Report, Severity
from dsgvo_check.report import json_, text

Writer = Callable[[Report, TextIO], None]

WRITERS: dict[str, Writer] = {
    "text": text.write,
    "json": json_.write,
}


def exit_code(report: Report, fail_on: Severity) -> int:
    """0 when no finding is at or above `fail_on`, else 1."""
    return int(any(finding.severity >= fail_on for finding in report.findings))
