"""The PDF report: the HTML report laid out by WeasyPrint, fetching only what the report may show."""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from dsgvo_check.model import Report
from dsgvo_check.report.html import render_html

if TYPE_CHECKING:
    from dsgvo_check.report import RenderOptions


def templates_dir() -> str:
    """The folder of the package's templates (and fonts, if any are bundled)."""
    return os.path.realpath(str(resources.files("dsgvo_check") / "data" / "templates"))


class Refused(ValueError):
    """A URL the report's fetcher will not fetch."""


@dataclass(slots=True)
class GuardedFetcher:
    """A WeasyPrint URL fetcher: `data:` URIs and `file:` URLs below `roots` only; records every URL asked for."""

    roots: tuple[str, ...]
    asked: list[str] = field(default_factory=list)

    def allows(self, url: str) -> bool:
        """True for data: URIs and for files inside one of the allowed folders (symlinks resolved)."""
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme == "data":
            return True
        if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
            return False
        path = os.path.realpath(urllib.parse.unquote(parsed.path))
        return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots)

    def check(self, url: str) -> None:
        """Record the URL; raise Refused unless it is allowed."""
        self.asked.append(url)
        if not self.allows(url):
            raise Refused(f"refused by the report's URL fetcher: {url[:200]}")


def _weasyprint_fetcher(guard: GuardedFetcher) -> Any:
    """WeasyPrint's own fetcher (data: and file: only, no redirects) behind the guard."""
    from weasyprint.urls import URLFetcher

    class Fetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            guard.check(url)
            return super().fetch(url, headers)

    return Fetcher(timeout=5, allowed_protocols=("data", "file"), allow_redirects=False, fail_on_errors=False)


def fetcher_for(report: Report) -> GuardedFetcher:
    """The fetcher of a report: the scanned tree and the package's templates."""
    return GuardedFetcher((os.path.realpath(report.root), templates_dir()))


def write_pdf(report: Report, options: RenderOptions, fetcher: GuardedFetcher | None = None) -> bytes:
    """The PDF bytes; deterministic for the same report (its scan time is the creation date)."""
    import weasyprint

    created = report.started_at.isoformat() if report.started_at else ""
    html = render_html(report, options, created=created)
    fetcher = fetcher if fetcher is not None else fetcher_for(report)
    document = weasyprint.HTML(string=html, base_url=templates_dir() + os.sep, url_fetcher=_weasyprint_fetcher(fetcher))
    extra: dict[str, Any] = {"pdf_variant": options.pdf_variant} if options.pdf_variant else {}
    return bytes(document.write_pdf(uncompressed_pdf=False, pdf_identifier=b"dsgvo-check-report",
                                    **extra) or b"")


def render(report: Report, options: RenderOptions) -> bytes:
    """Writer `pdf`."""
    return write_pdf(report, options)
