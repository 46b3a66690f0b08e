"""Terminal report: one line per finding, grouped by file, coloured on a TTY, summary last."""

from __future__ import annotations

import os
from collections import Counter
from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from dsgvo_check.model import Report, Severity

if TYPE_CHECKING:
    from dsgvo_check.report import RenderOptions

COLOURS = {Severity.CRITICAL: "1;31", Severity.HIGH: "31", Severity.MEDIUM: "33", Severity.LOW: "36",
           Severity.INFO: "37"}
LABELS = {
    "de": {"info": "info", "low": "niedrig", "medium": "mittel", "high": "hoch", "critical": "kritisch"},
    "en": {s.label: s.label for s in Severity},
}
SUMMARY = {
    "de": ("{findings} Befunde in {files} Dateien ({items} Beiträge geprüft)", "Keine Befunde "
           "({items} Beiträge in {files} Dateien geprüft)", "Hinweis"),
    "en": ("{findings} findings in {files} files ({items} items checked)", "No findings "
           "({items} items in {files} files checked)", "note"),
}


def use_colour(out: TextIO) -> bool:
    """Colour only on a terminal and only when NO_COLOR is unset or empty."""
    return not os.environ.get("NO_COLOR") and hasattr(out, "isatty") and out.isatty()


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def render(report: Report, options: RenderOptions) -> str:
    """The findings grouped by file, then notices, then a summary line."""
    colour = options.colour
    lines: list[str] = []
    lang = report.lang if report.lang in LABELS else "de"
    width = max((len(label) for label in LABELS[lang].values()), default=8)
    for path, findings in groupby(report.findings, key=lambda f: f.path):
        lines.append(_paint(path, "1", colour))
        for f in findings:
            label = _paint(LABELS[lang][f.severity.label].ljust(width), COLOURS[f.severity], colour)
            lines.append(f"  {f.path}:{f.line}:{f.column} {label} {f.rule} {f.message}")
    found_many, found_none, note = SUMMARY[lang]
    for notice in report.notices:
        lines.append(_paint(f"{note}: {notice.path}:{notice.line}: {notice.message}", "2", colour))
    counts = Counter(f.severity for f in report.findings)
    files = len({f.path for f in report.findings})
    template = found_many if report.findings else found_none
    line = template.format(findings=len(report.findings), files=files or report.content_files,
                           items=len(report.items))
    if counts:
        line += ": " + ", ".join(f"{counts[s]} {LABELS[lang][s.label]}" for s in sorted(counts, reverse=True))
    lines.append(_paint(line, "1", colour))
    return "\n".join(lines) + "\n"
