"""The HTML report: one Jinja2 template (package loader, autoescape, StrictUndefined) over a masked view."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from dsgvo_check.model import Report
from dsgvo_check.report.view import build_view

if TYPE_CHECKING:
    import jinja2
    import markupsafe

    from dsgvo_check.report import RenderOptions

TEMPLATE = "report.html.j2"


@functools.cache
def environment() -> jinja2.Environment:
    """The templates' environment: autoescaped, strict about undefined names, loaded from the package."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dsgvo_check", "data/templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )
    env.filters["nl2br"] = nl2br
    return env


def nl2br(text: str) -> markupsafe.Markup:
    """The text escaped, its line breaks as <br> (cheaper to lay out than white-space: pre-wrap)."""
    import markupsafe

    return markupsafe.escape(text).replace("\n", markupsafe.Markup("<br>\n"))


def render_html(report: Report, options: RenderOptions, *, created: str = "") -> str:
    """The report as one self-contained HTML document (CSS inline, images as data: URIs)."""
    view = build_view(report, options)
    return environment().get_template(TEMPLATE).render(v=view, created=created)


def render(report: Report, options: RenderOptions) -> str:
    """Writer `html`."""
    return render_html(report, options)
