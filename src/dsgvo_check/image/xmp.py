"""XMP packets: dc:creator, Iptc4xmpExt:PersonInImage, MWG and Microsoft face-region names, serials."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

MAX_XMP_BYTES = 2_000_000
NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "iptcext": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
    "mwg-rs": "http://www.metadataworkinggroup.com/schemas/regions/",
    "mp": "http://ns.microsoft.com/photo/1.2/t/RegionInfo#",
    "mpr": "http://ns.microsoft.com/photo/1.2/t/Region#",
    "aux": "http://ns.adobe.com/exif/1.0/aux/",
    "exifex": "http://cipa.jp/exif/1.0/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
}
CREATORS = {"dc:creator": f"{{{NS['dc']}}}creator", "photoshop:Credit": f"{{{NS['photoshop']}}}Credit"}
PEOPLE = {"Iptc4xmpExt:PersonInImage": f"{{{NS['iptcext']}}}PersonInImage"}
REGION_NAMES = {"mwg-rs:Name": f"{{{NS['mwg-rs']}}}Name", "MP:PersonDisplayName": f"{{{NS['mpr']}}}PersonDisplayName"}
SERIALS = {
    "aux:SerialNumber": f"{{{NS['aux']}}}SerialNumber",
    "aux:LensSerialNumber": f"{{{NS['aux']}}}LensSerialNumber",
    "exifEX:BodySerialNumber": f"{{{NS['exifex']}}}BodySerialNumber",
    "exifEX:LensSerialNumber": f"{{{NS['exifex']}}}LensSerialNumber",
}
_PACKET = re.compile(rb"<x:xmpmeta.*?</x:xmpmeta>|<rdf:RDF.*?</rdf:RDF>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class XmpFacts:
    """Values found in an XMP packet as (tag, value) pairs."""

    creators: tuple[tuple[str, str], ...] = ()
    people: tuple[tuple[str, str], ...] = ()
    serials: tuple[tuple[str, str], ...] = ()


def xmp_facts(packet: bytes) -> XmpFacts:
    """Parse an XMP packet; anything unparsable, oversized or with a DTD yields no facts."""
    root = _parse(packet)
    if root is None:
        return XmpFacts()
    return XmpFacts(
        creators=tuple(_values(root, CREATORS)),
        people=tuple([*_values(root, PEOPLE), *_region_names(root)]),
        serials=tuple(_values(root, SERIALS)),
    )


def _parse(packet: bytes) -> ET.Element | None:
    if not packet or len(packet) > MAX_XMP_BYTES or b"<!DOCTYPE" in packet or b"<!ENTITY" in packet:
        return None
    match = _PACKET.search(packet)
    try:
        return ET.fromstring(match.group(0) if match else packet)
    except ET.ParseError:
        return None


def _values(root: ET.Element, wanted: dict[str, str]) -> Iterator[tuple[str, str]]:
    """Element values (plain, rdf:Seq/Bag/Alt lists) and rdf:Description attribute values."""
    for tag, qname in wanted.items():
        for element in root.iter(qname):
            items = list(element.iter(f"{{{NS['rdf']}}}li")) or [element]
            for item in items:
                if text := _clean(item.text):
                    yield tag, text
        for element in root.iter():
            if text := _clean(element.attrib.get(qname)):
                yield tag, text


def _region_names(root: ET.Element) -> Iterator[tuple[str, str]]:
    """Names of MWG regions (of type Face or untyped) and Microsoft people regions."""
    mwg_type = f"{{{NS['mwg-rs']}}}Type"
    for element in root.iter():
        for tag, qname in REGION_NAMES.items():
            kind = element.attrib.get(mwg_type) or _child_text(element, mwg_type)
            if kind and kind.strip().lower() != "face":
                continue
            name = element.attrib.get(qname) or _child_text(element, qname)
            if text := _clean(name):
                yield tag, text


def _child_text(element: ET.Element, qname: str) -> str | None:
    child = element.find(qname)
    return child.text if child is not None else None


def _clean(value: str | None) -> str:
    return " ".join(value.split())[:200] if value else ""
