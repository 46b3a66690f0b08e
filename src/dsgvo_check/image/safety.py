"""Open and decode untrusted image files: format allow-list, pixel limits, reduced-size decoding."""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "TIFF", "GIF", "BMP", "HEIF", "AVIF")
EXTENSIONS = {
    ".jpg": ("JPEG", "MPO"), ".jpeg": ("JPEG", "MPO"), ".jpe": ("JPEG", "MPO"), ".png": ("PNG",),
    ".webp": ("WEBP",), ".tif": ("TIFF",), ".tiff": ("TIFF",), ".gif": ("GIF",), ".bmp": ("BMP",),
    ".heic": ("HEIF",), ".heif": ("HEIF",), ".avif": ("AVIF",),
}
HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif")
DEFAULT_MAX_PIXELS = 89_478_485
TRANSPOSE = {2: 0, 3: 3, 4: 1, 5: 5, 6: 4, 7: 6, 8: 2}  # EXIF orientation -> PIL.Image.Transpose value


class UnreadableImage(Exception):
    """The file is not an image this scanner can read; the message is German, for the report."""


@dataclass(frozen=True, slots=True)
class Opened:
    """An opened (not yet decoded) image and the remarks made while opening it."""

    image: Image.Image
    notes: tuple[str, ...]


def max_pixels() -> int:
    """The pixel limit: Pillow's `Image.MAX_IMAGE_PIXELS` where set, else Pillow's default."""
    from PIL import Image

    return int(Image.MAX_IMAGE_PIXELS or DEFAULT_MAX_PIXELS)


def open_image(path: str) -> Opened:
    """Open `path` lazily (header only); UnreadableImage for anything that is not a safe image."""
    from PIL import Image, UnidentifiedImageError

    _register_heif()
    if not os.path.isfile(path):
        raise UnreadableImage("Bilddatei nicht gefunden")
    if os.path.getsize(path) == 0:
        raise UnreadableImage("Bilddatei ist leer")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path, formats=_formats())
    except UnidentifiedImageError:
        raise UnreadableImage(_unknown_format(path)) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadableImage(_too_big()) from None
    width, height = image.size
    if width <= 0 or height <= 0:
        raise UnreadableImage("Bild hat keine gültige Größe")
    if width * height > max_pixels():
        image.close()
        raise UnreadableImage(_too_big())
    checked = _verified_png(path, image) if image.format == "PNG" else image
    return Opened(checked, _open_notes(path, checked))


def _verified_png(path: str, image: Image.Image) -> Image.Image:
    """PNG chunk checksums checked (Pillow's decoder skips them), then the file opened afresh."""
    from PIL import Image

    try:
        image.verify()
    except Exception as exc:  # Pillow raises SyntaxError, OSError, struct.error … on broken chunks
        raise UnreadableImage(f"PNG-Datei ist beschädigt: {exc}") from None
    finally:
        image.close()
    return Image.open(path, formats=["PNG"])


def decode(opened: Opened, max_side: int) -> Image.Image:
    """First frame, upright, as 8-bit RGB no larger than `max_side` (JPEG decoded at reduced size)."""
    from PIL import Image

    image = opened.image
    try:
        image.seek(0)
        if image.format in ("JPEG", "MPO") and max(image.size) > max_side:
            scale = max(image.size) / max_side
            image.draft("RGB", (int(image.size[0] / scale), int(image.size[1] / scale)))
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
        rgb = to_rgb8(image)
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombWarning) as exc:
        raise UnreadableImage(f"Bild kann nicht dekodiert werden (beschädigt oder abgeschnitten): {exc}") from None
    method = TRANSPOSE.get(_orientation(image))
    rgb = rgb.transpose(Image.Transpose(method)) if method is not None else rgb
    if max(rgb.size) > max_side:
        rgb.thumbnail((max_side, max_side), Image.Resampling.BICUBIC, reducing_gap=2.0)
    return rgb


def to_rgb8(image: Image.Image) -> Image.Image:
    """Any mode (CMYK, 16-bit, float, palette, alpha) as 8-bit RGB; transparency over white."""
    from PIL import Image

    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        return _deep_to_rgb(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB") if image.mode != "RGB" else image.copy()


def upright_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as the image is shown (EXIF orientation 5-8 swaps them)."""
    width, height = image.size
    return (height, width) if _orientation(image) in (5, 6, 7, 8) else (width, height)


def _deep_to_rgb(image: Image.Image) -> Image.Image:
    """16-bit/32-bit/float grey scaled by its own range to 8 bits."""
    import numpy as np
    from PIL import Image

    values = np.asarray(image, dtype=np.float64)
    low, high = float(values.min()), float(values.max())
    span = high - low if high > low else 1.0
    grey = ((values - low) * (255.0 / span)).clip(0, 255).astype(np.uint8)
    return Image.fromarray(grey).convert("RGB")


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(0x0112, 1)
        return int(value) if isinstance(value, int) else 1
    except Exception:  # broken EXIF: treat as upright
        return 1


def _open_notes(path: str, image: Image.Image) -> tuple[str, ...]:
    notes = []
    frames = int(getattr(image, "n_frames", 1) or 1)
    if getattr(image, "is_animated", False) and frames > 1:
        notes.append(f"animiertes Bild ({frames} Bilder): erstes Bild geprüft")
    elif frames > 1:
        notes.append(f"mehrseitiges Bild ({frames} Seiten): erste Seite geprüft")
    expected = EXTENSIONS.get(os.path.splitext(path)[1].lower())
    if expected is not None and image.format not in expected:
        notes.append(f"Dateiendung {os.path.splitext(path)[1]} passt nicht zum Inhalt ({image.format})")
    return tuple(notes)


def _formats() -> list[str]:
    """FORMATS that this Pillow can open (HEIF/AVIF only with their plugins)."""
    from PIL import Image

    Image.init()
    return [name for name in FORMATS if name in Image.OPEN]


def _unknown_format(path: str) -> str:
    with open(path, "rb") as handle:
        head = handle.read(32)
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "HEIC/HEIF-Bild kann nicht gelesen werden: das Paket pillow-heif ist nicht installiert"
    return "Datei ist kein lesbares Bild (Format unbekannt, nicht unterstützt oder beschädigt)"


def _too_big() -> str:
    return f"Bild ist zu groß (mehr als {max_pixels():,} Pixel, mögliche Dekompressionsbombe)".replace(",", ".")


def _register_heif() -> None:
    """Let Pillow read HEIC/AVIF where the optional pillow-heif plugin is installed."""
    try:
        from pillow_heif import register_heif_opener  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return
    register_heif_opener()
