"""Report thumbnails: small PNGs, faces hidden by default, face boxes drawn, never an exception."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from dsgvo_check.image import render_thumbnail, scan_image
from dsgvo_check.model import FaceBox, ImageFacts

FACES = Path(__file__).parent / "images" / "faces"


def png(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data)).convert("RGB")


def big_photo(tmp_path: Path) -> tuple[Path, tuple[FaceBox, ...]]:
    path = tmp_path / "foto.jpg"
    Image.open(FACES / "hopper-512.jpg").resize((1024, 1200)).save(path, quality=90)
    facts = scan_image(str(path), ocr=False)
    assert isinstance(facts, ImageFacts) and facts.faces
    return path, facts.faces


def face_region(thumb: Image.Image, face: FaceBox, original_width: int) -> Image.Image:
    factor = thumb.width / original_width
    inner = (face.x + face.width * 0.25, face.y + face.height * 0.25, face.x + face.width * 0.75,
             face.y + face.height * 0.75)
    return thumb.crop(tuple(round(v * factor) for v in inner))  # type: ignore[arg-type]


def test_thumbnail_is_small_png_with_faces_hidden_and_boxed(tmp_path: Path) -> None:
    path, faces = big_photo(tmp_path)
    hidden, plain = png(render_thumbnail(str(path), faces)), png(render_thumbnail(str(path), faces, blur=False))
    assert max(hidden.size) == 240 and hidden.size == plain.size
    face = faces[0]
    detail_hidden = ImageStat.Stat(face_region(hidden, face, 1024).convert("L")).stddev[0]
    detail_plain = ImageStat.Stat(face_region(plain, face, 1024).convert("L")).stddev[0]
    assert detail_hidden < detail_plain / 2
    factor = hidden.width / 1024
    middle = round((face.x + face.width / 2) * factor)
    top_edge = hidden.crop((middle - 3, round((face.y - face.height * 0.2) * factor), middle + 3,
                            round(face.y * factor) + 1))
    pixels = [top_edge.getpixel((x, y)) for x in range(top_edge.width) for y in range(top_edge.height)]
    reds = [p for p in pixels if isinstance(p, tuple) and p[0] > 180 and p[1] < 80 and p[2] < 80]
    assert reds, "face box not drawn"
    outside = ImageChops.difference(hidden.crop((0, 0, 40, 40)), plain.crop((0, 0, 40, 40)))
    assert outside.getbbox() is None


def test_max_px_is_honoured_and_no_faces_means_no_change(tmp_path: Path) -> None:
    path, _ = big_photo(tmp_path)
    thumb = png(render_thumbnail(str(path), (), max_px=120))
    assert max(thumb.size) == 120
    assert thumb.size == (102, 120)


def test_unreadable_image_gives_a_placeholder_png(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.jpg"
    broken.write_bytes(b"not an image")
    for path in (broken, tmp_path / "fehlt.jpg"):
        placeholder = png(render_thumbnail(str(path), [FaceBox(1, 1, 10, 10)]))
        assert max(placeholder.size) <= 240
