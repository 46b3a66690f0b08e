"""Hostile and unusual image files: a Problem or a note, never an exception, never a hang."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image

from dsgvo_check.image import scan_image
from dsgvo_check.model import ImageFacts, Problem

FACES = Path(__file__).parent / "images" / "faces"


def photo_bytes(fmt: str = "JPEG", size: tuple[int, int] = (320, 240)) -> bytes:
    buffer = io.BytesIO()
    Image.open(FACES / "astronaut-320.jpg").convert("RGB").resize(size).save(buffer, fmt)
    return buffer.getvalue()


def scan(path: Path, **options: bool) -> ImageFacts | Problem:
    start = time.perf_counter()
    result = scan_image(str(path), ocr=options.get("ocr", False), faces=options.get("faces", True))
    assert time.perf_counter() - start < 10
    return result


def problem(path: Path) -> str:
    result = scan(path)
    assert isinstance(result, Problem), result
    assert (result.path, result.line, result.column) == (str(path), 1, 1)
    return result.message


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size (a decompression bomb's first bytes)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(
        b"IEND", b"")


@pytest.mark.parametrize(("content", "words"), [
    (b"", "leer"),
    (b"this is not an image at all\n" * 10, "kein lesbares Bild"),
    (b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 64, "HEIC"),
])
def test_unreadable_files_are_problems(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bild.jpg"
    path.write_bytes(content)
    assert words in problem(path)


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    assert "nicht gefunden" in problem(tmp_path / "fehlt.jpg")


def test_truncated_jpeg_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "abgeschnitten.jpg"
    path.write_bytes(photo_bytes()[:3000])
    assert "beschädigt oder abgeschnitten" in problem(path)


def test_corrupt_png_is_a_problem(tmp_path: Path) -> None:
    data = bytearray(photo_bytes("PNG"))
    data[200:260] = b"\xff" * 60
    path = tmp_path / "kaputt.png"
    path.write_bytes(bytes(data))
    assert problem(path)


def test_decompression_bomb_is_refused_without_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bombe.png"
    path.write_bytes(png_header_claiming(60_000, 60_000))
    assert "zu groß" in problem(path)


def test_wrong_extension_is_read_by_content_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "eigentlich-png.jpg"
    path.write_bytes(photo_bytes("PNG"))
    result = scan(path)
    assert isinstance(result, ImageFacts) and result.format == "PNG"
    assert any("passt nicht zum Inhalt (PNG)" in note for note in result.notes)
    assert len(result.faces or ()) == 1


@pytest.mark.parametrize("mode", ["CMYK", "I;16", "LA", "P", "1", "F"])
def test_unusual_modes_are_scanned(tmp_path: Path, mode: str) -> None:
    image = Image.open(FACES / "astronaut-320.jpg").convert("L" if mode in ("I;16", "F", "LA", "1") else "RGB")
    converted = image.point(lambda v: v * 256, "I").convert("I;16") if mode == "I;16" else image.convert(mode)
    path = tmp_path / ("bild.tiff" if mode in ("I;16", "F", "CMYK", "1") else "bild.png")
    converted.save(path)
    result = scan(path)
    assert isinstance(result, ImageFacts), result
    assert result.width == 320
    if mode in ("CMYK", "I;16", "LA", "P", "F"):
        assert len(result.faces or ()) == 1


def test_animated_gif_and_webp_scan_the_first_frame(tmp_path: Path) -> None:
    first = Image.open(FACES / "astronaut-320.jpg").convert("RGB")
    frames = [first, Image.new("RGB", first.size, "white"), Image.new("RGB", first.size, "black")]
    for name in ("anim.gif", "anim.webp"):
        frames[0].save(tmp_path / name, save_all=True, append_images=frames[1:], duration=100, loop=0)
        result = scan(tmp_path / name)
        assert isinstance(result, ImageFacts), result
        assert "animiertes Bild (3 Bilder): erstes Bild geprüft" in result.notes
        assert len(result.faces or ()) == 1


def test_exif_orientation_gives_upright_size_and_boxes(tmp_path: Path) -> None:
    upright = Image.open(FACES / "hopper-200.jpg").convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # stored rotated: the viewer turns it 90 degrees clockwise
    upright.transpose(Image.Transpose.ROTATE_90).save(tmp_path / "gedreht.jpg", exif=exif)
    result = scan(tmp_path / "gedreht.jpg")
    assert isinstance(result, ImageFacts)
    assert (result.width, result.height) == upright.size
    assert len(result.faces or ()) == 1


def test_faces_off_gives_none_and_sha256_is_the_file_hash(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "a.jpg"
    path.write_bytes(photo_bytes())
    result = scan(path, faces=False)
    assert isinstance(result, ImageFacts)
    assert result.faces is None
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
