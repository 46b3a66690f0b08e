"""Text in images: Tesseract reads a rendered screenshot; without Tesseract OCR is off, not an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from dsgvo_check.image import ocr_available, scan_image
from dsgvo_check.model import ImageFacts

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")


def screenshot(path: Path) -> Path:
    """A chat-like screenshot with a name, an e-mail address and a phone number."""
    image = Image.new("RGB", (720, 420), (245, 246, 250))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 22) if FONT.exists() else ImageFont.load_default(size=22)
    draw.rounded_rectangle((20, 20, 700, 130), radius=14, fill=(255, 255, 255))
    draw.text((40, 38), "Kundin: Sabine Hoffmann", font=font, fill=(20, 20, 20))
    draw.text((40, 80), "E-Mail: sabine.hoffmann@example.de", font=font, fill=(20, 20, 20))
    draw.rounded_rectangle((20, 160, 700, 270), radius=14, fill=(220, 235, 255))
    draw.text((40, 178), "Rückruf bitte unter 0171 2345678", font=font, fill=(30, 30, 60))
    draw.text((40, 220), "Danke und viele Grüße aus Köln!", font=font, fill=(30, 30, 60))
    image.save(path)
    return path


@needs_tesseract
def test_ocr_reads_name_and_email_from_a_rendered_screenshot(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DSGVO_CHECK_TESSERACT", raising=False)
    assert ocr_available()
    result = scan_image(str(screenshot(tmp_path / "chat.png")), faces=False)
    assert isinstance(result, ImageFacts), result
    assert result.ocr_text is not None
    assert "sabine.hoffmann@example.de" in result.ocr_text
    assert "Sabine Hoffmann" in result.ocr_text
    assert "0171 2345678" in result.ocr_text
    assert not any("OCR" in note for note in result.notes)


@needs_tesseract
def test_photo_without_text_gives_little_or_no_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DSGVO_CHECK_TESSERACT", raising=False)
    result = scan_image(str(Path(__file__).parent / "images" / "faces" / "noface-flower.jpg"), faces=False)
    assert isinstance(result, ImageFacts)
    assert result.ocr_text is not None and len(result.ocr_text) < 20


def test_missing_tesseract_is_a_note_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DSGVO_CHECK_TESSERACT", str(tmp_path / "nonexistent"))
    assert not ocr_available()
    result = scan_image(str(screenshot(tmp_path / "chat.png")), faces=False)
    assert isinstance(result, ImageFacts), result
    assert result.ocr_text is None
    assert any("OCR nicht verfügbar" in note for note in result.notes)


def test_tesseract_not_on_path_turns_ocr_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DSGVO_CHECK_TESSERACT", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not ocr_available()
    result = scan_image(str(screenshot(tmp_path / "chat.png")), faces=False)
    assert isinstance(result, ImageFacts) and result.ocr_text is None


def test_ocr_disabled_reads_nothing_and_says_nothing(tmp_path: Path) -> None:
    result = scan_image(str(screenshot(tmp_path / "chat.png")), ocr=False, faces=False)
    assert isinstance(result, ImageFacts)
    assert (result.ocr_text, result.notes) == (None, ())
