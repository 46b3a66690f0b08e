"""The report never fetches what content points at: escaped HTML, a guarded URL fetcher, no outside images."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from dsgvo_check.report import RenderOptions
from dsgvo_check.report.html import render_html
from dsgvo_check.report.pdf import GuardedFetcher, fetcher_for, templates_dir, weasyprint_fetcher, write_pdf
from report_helpers import HOSTILE, build_report, write_tree

OUTSIDE_IMAGE = """\
---
title: Fremdes Bild
images: [../../../outside.png, /etc/passwd, https://evil.example/x.png]
---
Bild von außen, Fragen an max.mustermann@example.org
"""


def test_content_html_is_escaped_not_rendered(tmp_path: Path) -> None:
    report = build_report(tmp_path, write_tree(tmp_path, {"posts/hostile.md": HOSTILE}))
    html = render_html(report, RenderOptions())
    assert '<img src="file:///etc/passwd">' not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<link rel="stylesheet" href="https://evil.example' not in html
    assert "&lt;b&gt;Fett&lt;/b&gt; &amp; &#34;Zitat&#34;" in html  # the title, escaped


def test_pdf_of_hostile_posts_fetches_nothing_but_its_own_data_uris(tmp_path: Path) -> None:
    report = build_report(tmp_path, write_tree(tmp_path))
    fetcher = fetcher_for(report)
    pdf = write_pdf(report, RenderOptions(pdf_variant=None), fetcher)
    assert fetcher.asked, "the thumbnail is fetched through the guard"
    assert all(url.startswith("data:image/png;base64,") for url in fetcher.asked), fetcher.asked
    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    assert '<img src="file:///etc/passwd">' in text  # shown as text, literally


def test_images_outside_the_scanned_tree_get_no_thumbnail(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (50, 50), (255, 0, 0)).save(tmp_path / "outside.png")
    root = tmp_path / "repo"
    report = build_report(root, write_tree(root, {"posts/sub/outside.md": OUTSIDE_IMAGE}))
    assert str(tmp_path / "outside.png") in {str(Path(p).resolve()) for p in report.images}
    html = render_html(report, RenderOptions())
    assert "data:image/png" not in html
    assert html.count("außerhalb des geprüften Ordners") == 3


@pytest.mark.parametrize(("url", "allowed"), [
    ("data:image/png;base64,AAAA", True),
    ("file:///etc/passwd", False),
    ("http://evil.example/x.css", False),
    ("https://evil.example/x.png", False),
    ("ftp://evil.example/x", False),
    ("file://evil.example/share/x.png", False),
    ("file:///ROOT/posts/media/team.png", True),
    ("file:///ROOT/posts/../../etc/passwd", False),
    ("file:///ROOT/link-out/passwd", False),
    ("file:///TEMPLATES/report.css", True),
])
def test_fetcher_allows_only_data_the_tree_and_templates(tmp_path: Path, url: str, allowed: bool) -> None:
    (tmp_path / "posts" / "media").mkdir(parents=True)
    (tmp_path / "link-out").symlink_to("/etc")
    guard = GuardedFetcher((str(tmp_path.resolve()), templates_dir()))
    url = url.replace("/ROOT", str(tmp_path.resolve())).replace("/TEMPLATES", templates_dir())
    assert guard.allows(url) is allowed


def test_weasyprint_asks_the_guard_and_gets_nothing_refused(tmp_path: Path) -> None:
    import weasyprint

    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    guard = GuardedFetcher((str(tmp_path / "tree"),))
    html = (f'<link rel="stylesheet" href="file://{secret}"><img src="file:///etc/passwd">'
            '<style>@import url("http://127.0.0.1:9/i.css"); p { background: url(https://evil.example/b.png) }</style>'
            '<p>x</p>')
    weasyprint.HTML(string=html, url_fetcher=weasyprint_fetcher(guard)).write_pdf()
    assert f"file://{secret}" in guard.asked
    assert "file:///etc/passwd" in guard.asked
    assert "http://127.0.0.1:9/i.css" in guard.asked
    assert not any(guard.allows(url) for url in guard.asked)
