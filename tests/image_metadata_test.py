"""Image metadata through scan_image: EXIF GPS, people and serials, XMP, IPTC, the person heuristic."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from dsgvo_check.image import scan_image
from dsgvo_check.image.people import is_natural_person
from dsgvo_check.model import ImageFacts

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sample" / "media"


def facts(path: Path) -> ImageFacts:
    result = scan_image(str(path), ocr=False, faces=False)
    assert isinstance(result, ImageFacts), result
    return result


def jpeg(path: Path, exif: Image.Exif | None = None, **extra: object) -> Path:
    exif = exif if exif is not None else Image.Exif()
    Image.new("RGB", (64, 48), (120, 160, 200)).save(path, "JPEG", exif=exif, **extra)
    return path


def exif_with(ifd0: dict[int, object] | None = None, sub: dict[int, object] | None = None,
              gps: dict[int, object] | None = None) -> Image.Exif:
    exif = Image.Exif()
    for tag, value in (ifd0 or {}).items():
        exif[tag] = value
    if sub:
        exif.get_ifd(0x8769).update(sub)
    if gps:
        exif.get_ifd(0x8825).update(gps)
    return exif


@pytest.mark.parametrize(("gps", "expected"), [
    ({1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)}, (52.52, 13.41)),
    ({1: "S", 2: (33.0, 51.0, 36.0), 3: "W", 4: (70.0, 39.0, 0.0)}, (-33.86, -70.65)),
])
def test_exif_gps_becomes_decimal_degrees_with_hemisphere(tmp_path: Path, gps: dict[int, object],
                                                           expected: tuple[float, float]) -> None:
    found = facts(jpeg(tmp_path / "a.jpg", exif_with(gps=gps))).gps
    assert found is not None
    assert found == pytest.approx(expected, abs=1e-6)


def test_incomplete_gps_is_no_position(tmp_path: Path) -> None:
    assert facts(jpeg(tmp_path / "a.jpg", exif_with(gps={1: "N", 2: (52.0, 31.0, 12.0)}))).gps is None


def test_people_and_serials_from_exif(tmp_path: Path) -> None:
    exif = exif_with(
        {0x013B: "Okke Harmsen", 0x8298: "© 2024 TSV Musterstadt e.V.", 0x0131: "Anna Schmidt Editor",
         0x9C9D: "Lena Vogt".encode("utf-16-le") + b"\0\0"},
        {0xA430: "Jonas Becker", 0xA431: "032021001234", 0xA435: "0000000000"})
    found = facts(jpeg(tmp_path / "a.jpg", exif))
    assert found.metadata_people == (("Artist", "Okke Harmsen"), ("XPAuthor", "Lena Vogt"),
                                     ("CameraOwnerName", "Jonas Becker"))
    assert found.serials == (("BodySerialNumber", "032021001234"),)


def test_clean_photo_has_no_metadata_facts(tmp_path: Path) -> None:
    found = facts(jpeg(tmp_path / "a.jpg", exif_with({0x010F: "Google", 0x0110: "Pixel 8", 0x0131: "HDR+ 1.0"})))
    assert (found.gps, found.metadata_people, found.serials) == (None, (), ())


XMP = """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
  xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
  xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" aux:SerialNumber="CAM-778899">
 <dc:creator><rdf:Seq><rdf:li>Mara Lindqvist</rdf:li><rdf:li>Fotostudio Licht GmbH</rdf:li></rdf:Seq></dc:creator>
 <Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Oma Hilde</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>
 <mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>
  <rdf:li><rdf:Description mwg-rs:Name="Tim Kraus" mwg-rs:Type="Face"/></rdf:li>
  <rdf:li><rdf:Description mwg-rs:Name="Bello" mwg-rs:Type="Pet"/></rdf:li>
 </rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>
</rdf:Description></rdf:RDF></x:xmpmeta>"""


def test_xmp_creator_person_in_image_face_regions_and_serial(tmp_path: Path) -> None:
    found = facts(jpeg(tmp_path / "a.jpg", xmp=XMP.encode()))
    assert found.metadata_people == (("dc:creator", "Mara Lindqvist"), ("Iptc4xmpExt:PersonInImage", "Oma Hilde"),
                                     ("mwg-rs:Name", "Tim Kraus"))
    assert found.serials == (("aux:SerialNumber", "CAM-778899"),)


def test_xmp_in_png_and_a_dtd_in_xmp_is_ignored(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP)
    Image.new("RGB", (32, 32)).save(tmp_path / "a.png", pnginfo=info)
    assert ("dc:creator", "Mara Lindqvist") in facts(tmp_path / "a.png").metadata_people
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + XMP
    assert facts(jpeg(tmp_path / "b.jpg", xmp=bomb.encode())).metadata_people == ()


def iptc_app13(by_line: str) -> bytes:
    """An APP13 'Photoshop 3.0' segment with one IPTC record 2:80 (By-line)."""
    value = by_line.encode("utf-8")
    iptc = b"\x1c\x02\x50" + struct.pack(">H", len(value)) + value
    iptc += b"\0" * (len(iptc) % 2)
    resource = b"8BIM\x04\x04\0\0" + struct.pack(">I", len(iptc)) + iptc
    body = b"Photoshop 3.0\0" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def test_iptc_by_line(tmp_path: Path) -> None:
    data = jpeg(tmp_path / "plain.jpg").read_bytes()
    path = tmp_path / "iptc.jpg"
    path.write_bytes(data[:2] + iptc_app13("Sophie Wagner") + data[2:])
    assert facts(path).metadata_people == (("IPTC By-line", "Sophie Wagner"),)


@pytest.mark.parametrize(("value", "person"), [
    ("Okke Harmsen", True), ("© 2023 Anna-Lena Müller", True), ("Müller, Anna", True),
    ("Photo by Jan van der Berg", True), ("J. Schneider", True), ("Foto Studio Meyer", False),
    ("TSV Musterstadt e.V.", False), ("Bäckerei Schulz GmbH", False), ("Sony", False), ("IMG_2041", False),
    ("Fotografie Klein", False), ("Stadt Musterstadt", False), ("Copyright 2024", False), ("", False),
    ("info@example.de", False), ("Agentur Blau", False), ("Max", False), ("Kamera Owner", False),
])
def test_natural_person_heuristic(value: str, person: bool) -> None:
    assert is_natural_person(value) is person


@pytest.mark.skipif(not SAMPLE.is_dir(), reason="eval corpus not beside the repository")
@pytest.mark.parametrize(("name", "gps", "person"), [
    ("portrait-trainerin.jpg", False, True), ("zweierfoto.jpg", True, False),
    ("blumenstrauss.jpg", True, False), ("sternenhimmel.jpg", False, False),
])
def test_sample_corpus_metadata_matches_gold(name: str, gps: bool, person: bool) -> None:
    found = facts(SAMPLE / name)
    assert (found.gps is not None, bool(found.metadata_people or found.serials)) == (gps, person)
