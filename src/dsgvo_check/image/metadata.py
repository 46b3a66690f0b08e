"""EXIF, XMP and IPTC facts: GPS position, people named in metadata, device serial numbers."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dsgvo_check.image.people import is_natural_person, is_person_label
from dsgvo_check.image.xmp import xmp_facts

if TYPE_CHECKING:
    from PIL import Image

IFD0_PEOPLE = {0x013B: "Artist", 0x8298: "Copyright", 0x9C9D: "XPAuthor"}
EXIF_PEOPLE = {0xA430: "CameraOwnerName"}
IFD0_SERIALS = {0xC62F: "CameraSerialNumber"}
EXIF_SERIALS = {0xA431: "BodySerialNumber", 0xA435: "LensSerialNumber"}
IPTC_PEOPLE = {(2, 80): "IPTC By-line", (2, 116): "IPTC CopyrightNotice"}
EXIF_IFD, GPS_IFD = 0x8769, 0x8825


@dataclass(frozen=True, slots=True)
class MetadataFacts:
    """What the metadata of one image says about people and places."""

    gps: tuple[float, float] | None
    people: tuple[tuple[str, str], ...]
    serials: tuple[tuple[str, str], ...]


def read_metadata(image: Image.Image) -> MetadataFacts:
    """GPS, natural persons and serial numbers from EXIF, XMP and IPTC of an opened image."""
    exif = _exif(image)
    ifd0 = dict(exif) if exif is not None else {}
    sub = _ifd(exif, EXIF_IFD)
    xmp = xmp_facts(raw_xmp(image))
    named = [*_tags(ifd0, IFD0_PEOPLE), *_tags(sub, EXIF_PEOPLE), *_iptc(image), *xmp.creators]
    people = [(tag, value) for tag, value in named if is_natural_person(value)]
    people += [(tag, value) for tag, value in xmp.people if is_person_label(value)]
    serials = [*_tags(ifd0, IFD0_SERIALS), *_tags(sub, EXIF_SERIALS), *xmp.serials]
    return MetadataFacts(_gps(_ifd(exif, GPS_IFD)), _unique(people),
                         _unique([(t, v) for t, v in serials if v.strip("0 -") != ""]))


def raw_xmp(image: Image.Image) -> bytes:
    """The XMP packet as Pillow exposes it for JPEG, WebP, PNG, GIF or TIFF (empty if none)."""
    info = image.info
    for key in ("xmp", "XML:com.adobe.xmp"):
        value = info.get(key)
        if isinstance(value, bytes):
            return value
        if isinstance(value, str):
            return value.encode("utf-8", "replace")
    tags = getattr(image, "tag_v2", None)
    value = tags.get(700) if tags is not None else None
    return value if isinstance(value, bytes) else b""


def _exif(image: Image.Image) -> Image.Exif | None:
    try:
        return image.getexif()
    except Exception:  # a broken EXIF block carries no facts; the image is still scanned
        return None


def _ifd(exif: Image.Exif | None, tag: int) -> dict[int, Any]:
    if exif is None:
        return {}
    try:
        return dict(exif.get_ifd(tag))
    except Exception:  # broken sub-IFD
        return {}


def _tags(tags: dict[int, Any], wanted: dict[int, str]) -> list[tuple[str, str]]:
    return [(name, text) for tag, name in wanted.items() if (text := _text(tags.get(tag)))]


def _text(value: Any) -> str:
    """A tag value as clean text: XP* tags are UTF-16LE bytes, others ASCII or UTF-8."""
    if isinstance(value, tuple) and value and all(isinstance(v, int) for v in value):
        value = bytes(value)
    if isinstance(value, bytes):
        utf16 = len(value) > 1 and value[1:2] == b"\0"
        value = value.decode("utf-16-le" if utf16 else "utf-8", "replace")
    if not isinstance(value, str):
        return ""
    return " ".join(value.replace("\0", " ").split())[:200]


def _iptc(image: Image.Image) -> list[tuple[str, str]]:
    from PIL import ImageFile, IptcImagePlugin

    if not isinstance(image, ImageFile.ImageFile):
        return []
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:  # broken IPTC block
        return []
    found = []
    for key, name in IPTC_PEOPLE.items():
        values = info.get(key)
        for value in values if isinstance(values, list) else [values]:
            if text := _text(value):
                found.append((name, text))
    return found


def _gps(gps: dict[int, Any]) -> tuple[float, float] | None:
    """Decimal (lat, lon) from the GPS IFD; None when absent, incomplete or out of range."""
    lat, lon = _degrees(gps.get(2), gps.get(1), "S"), _degrees(gps.get(4), gps.get(3), "W")
    if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180:
        return None
    return round(lat, 6), round(lon, 6)


def _degrees(dms: Any, ref: Any, negative: str) -> float | None:
    try:
        parts = [float(v) for v in dms] if isinstance(dms, (tuple, list)) else [float(dms)]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    parts = [*parts, 0.0, 0.0][:3]
    if not all(math.isfinite(p) for p in parts):
        return None
    value = parts[0] + parts[1] / 60 + parts[2] / 3600
    ref_text = ref.decode("ascii", "replace") if isinstance(ref, bytes) else str(ref or "")
    return -value if ref_text.strip().upper().startswith(negative) else value


def _unique(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(dict.fromkeys(pairs))
