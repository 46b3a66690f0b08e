"""The image scanner: metadata (GPS, people, serials), faces and text in images, as ImageFacts."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from dsgvo_check.image.faces import available, detect_faces, detection_side, scale_boxes
from dsgvo_check.image.metadata import read_metadata
from dsgvo_check.image.ocr import OcrFailed, ocr_available, read_text
from dsgvo_check.image.safety import UnreadableImage, decode, open_image, upright_size
from dsgvo_check.image.thumbnail import render_thumbnail
from dsgvo_check.model import FaceBox, ImageFacts, Problem

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["ocr_available", "render_thumbnail", "scan_image"]

NOTE_NO_OCR = "OCR nicht verfügbar (Tesseract nicht installiert): Text im Bild nicht geprüft"
OCR_DECODE_SIDE = 2000
NOTE_NO_FACES = "Gesichtserkennung nicht verfügbar (OpenCV fehlt): Gesichter nicht geprüft"


def scan_image(path: str, *, ocr: bool = True, faces: bool = True) -> ImageFacts | Problem:
    """What the image at `path` carries; a Problem (German message) where it cannot be read. Never raises."""
    try:
        return _scan(path, ocr=ocr, faces=faces)
    except UnreadableImage as exc:
        return Problem(path, 1, 1, str(exc))
    except MemoryError:
        return Problem(path, 1, 1, "Bild kann nicht gelesen werden: zu wenig Arbeitsspeicher")
    except OSError as exc:
        return Problem(path, 1, 1, f"Bilddatei kann nicht gelesen werden: {exc.strerror or exc}")
    except Exception as exc:  # a hostile file must not stop the scan
        return Problem(path, 1, 1, f"Bild kann nicht gelesen werden ({type(exc).__name__}: {exc})"[:300])


def _scan(path: str, *, ocr: bool, faces: bool) -> ImageFacts:
    opened = open_image(path)
    digest = _sha256(path)
    with opened.image:
        meta = read_metadata(opened.image)
        width, height = upright_size(opened.image)
        notes = list(opened.notes)
        run_ocr = ocr and ocr_available()
        if ocr and not run_ocr:
            notes.append(NOTE_NO_OCR)
        run_faces = faces and available()
        if faces and not run_faces:
            notes.append(NOTE_NO_FACES)
        rgb = decode(opened, OCR_DECODE_SIDE if run_ocr else detection_side(max(width, height)))
        boxes = _faces(rgb.size, width, detect_faces(rgb, longest=max(width, height))) if run_faces else None
        text = _ocr(rgb, notes) if run_ocr else None
        return ImageFacts(path=path, sha256=digest, width=width, height=height, format=str(opened.image.format),
                          gps=meta.gps, metadata_people=meta.people, serials=meta.serials, faces=boxes,
                          ocr_text=text, notes=tuple(notes))


def _faces(decoded: tuple[int, int], width: int, found: tuple[FaceBox, ...]) -> tuple[FaceBox, ...]:
    """Boxes from the decoded (reduced) image mapped to the full-size upright image."""
    factor = width / decoded[0] if decoded[0] else 1.0
    return scale_boxes(found, factor, factor) if factor != 1.0 else found


def _ocr(rgb: Image.Image, notes: list[str]) -> str | None:
    try:
        return read_text(rgb)
    except OcrFailed as exc:
        notes.append(str(exc))
        return None


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
