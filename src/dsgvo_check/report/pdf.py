"""The PDF report: the HTML report laid out by WeasyPrint, fetching only what the report may show."""

from __future__ import annotations

import contextlib
import os
import urllib.parse
from collections.abc import Iterator
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


def weasyprint_fetcher(guard: GuardedFetcher) -> Any:
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


@contextlib.contextmanager
def _source_date(epoch: int) -> Iterator[None]:
    """SOURCE_DATE_EPOCH for the write: fontTools stamps subset fonts with it instead of the clock."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = before or str(epoch)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def write_pdf(report: Report, options: RenderOptions, fetcher: GuardedFetcher | None = None) -> bytes:
    """The PDF bytes; deterministic for the same report (its scan time is the creation date)."""
    import weasyprint

    created = report.started_at.astimezone().isoformat() if report.started_at else ""
    html = render_html(report, options, created=created)
    fetcher = fetcher if fetcher is not None else fetcher_for(report)
    document = weasyprint.HTML(string=html, base_url=templates_dir() + os.sep,
                               url_fetcher=weasyprint_fetcher(fetcher))
    extra: dict[str, Any] = {"pdf_variant": options.pdf_variant} if options.pdf_variant else {}
    epoch = int(report.started_at.astimezone().timestamp()) if report.started_at else 0
    with _source_date(epoch):
        return bytes(document.write_pdf(pdf_identifier=b"dsgvo-check-report", **extra) or b"")


def render(report: Report, options: RenderOptions) -> bytes:
    """Writer `pdf`."""
    return write_pdf(report, options)
