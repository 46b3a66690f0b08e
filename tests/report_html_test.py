"""The HTML report: one self-contained, autoescaped document over the masked view model."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from dsgvo_check.model import Report
from dsgvo_check.report import WRITERS, RenderOptions
from dsgvo_check.report.html import environment
from dsgvo_check.report.view import build_view
from report_helpers import build_report, write_tree


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("content")
    return build_report(root, write_tree(root), suppress_first=True)


def test_self_contained_and_masked(report: Report) -> None:
    html = WRITERS["html"](report, RenderOptions())
    assert isinstance(html, str)
    assert "<style>" in html and "@import url" not in html.split("</style>")[0]
    assert not re.search(r'(src|href)="(https?|file):', html)
    for value in ("anna.mueller@example.de", "Anna Müller", "Müller", "0171 2345678"):
        assert value not in html
    assert 'A*** M*****<sup>B' in html  # the highlighted name, numbered


def test_highlights_point_at_their_findings(report: Report) -> None:
    view = build_view(report, RenderOptions())
    advent = next(s for s in view.sections if s.heading == "Adventskalender Tür 1")
    marks = {seg.text: seg.ref for field in advent.fields for seg in field.segments if seg.mark}
    numbers = {f.rule: f.number for f in advent.findings}
    assert marks["anna.m***@***.de"] == numbers["PII-EMAIL"]
    assert marks["DE89 **** **** **** **** 00"] == numbers["PII-IBAN"]
    assert marks["017* *****78"] == numbers["PII-PHONE"]


def test_summary_and_clean_items(report: Report) -> None:
    view = build_view(report, RenderOptions())
    assert view.summary.total == len(report.findings)
    assert sum(bar.count for bar in view.summary.by_severity) == len(report.findings)
    assert sum(bar.count for bar in view.summary.by_category) == len(report.findings)
    assert [c.heading for c in view.clean] == ["Öffnungszeiten"]
    assert [row.reason for row in view.suppressed] == ["Rollenadresse, freigegeben"]


def test_strict_undefined_and_autoescape() -> None:
    env = environment()
    assert env.autoescape is True
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing.name }}").render()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_english_labels(tmp_path: Path) -> None:
    report = build_report(tmp_path, write_tree(tmp_path), lang="en")
    html = WRITERS["html"](report, RenderOptions(title="Audit", reviewer="R. Viewer"))
    assert isinstance(html, str)
    assert '<html lang="en">' in html and "Executive summary" in html and "R. Viewer" in html


CAMPAIGN = """\
kind: campaign
name: Weihnachtsgewinnspiel 2026
channels: [instagram]
posts:
  - id: teaser
    publish_at: 2026-12-01
    text: |
      Bald geht es los! Fragen an max.mustermann@example.org
"""


def test_campaign_posts_and_unreadable_files_get_sections(tmp_path: Path) -> None:
    import dataclasses

    from dsgvo_check.engine import problem_finding
    from dsgvo_check.model import Problem

    paths = write_tree(tmp_path, {"kampagnen/weihnachten.yaml": CAMPAIGN})
    report = build_report(tmp_path, paths)
    broken = problem_finding(Problem(str(tmp_path / "posts" / "kaputt.md"), 3, 1, "ungültiges YAML"),
                             report.ruleset, "de")  # type: ignore[arg-type]
    report = dataclasses.replace(report, findings=(*report.findings, broken))
    view = build_view(report, RenderOptions())
    campaign = next(s for s in view.sections if s.campaign)
    assert campaign.campaign == "Weihnachtsgewinnspiel 2026"
    assert any("max.mus***@***.org" in seg.text for f in campaign.fields for seg in f.segments)
    orphan = view.sections[-1]
    assert orphan.heading.endswith("kaputt.md") and orphan.findings[0].rule == "PARSE-ERROR"
    assert [f.number for s in view.sections for f in s.findings] == [f"B{i}" for i in range(1, 3)]
