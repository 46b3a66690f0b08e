"""Build the images of the labelled test corpus (tests/corpus/media) from the face test set.

Usage: python tools/make_corpus_images.py [--source tests/images/faces] [--out tests/corpus/media]

The sources are the generated face test images (see tests/images/README.md for their origin
and licences: public-domain portraits of Grace Hopper and Eileen Collins, CC0/public-domain
photos from scikit-image). The metadata written here (photographer, GPS position) is invented.
The output is deterministic; the gold's `images:` section in tests/corpus.gold.yaml lists what
each image shows and carries.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from make_example_images import exif_dms  # the same EXIF GPS encoding as the example images
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
ARTIST, COPYRIGHT, SOFTWARE, MAKE, MODEL = 0x013B, 0x8298, 0x0131, 0x010F, 0x0110
EXIF_IFD, GPS_IFD = 0x8769, 0x8825


def _open(source: Path, name: str) -> Image.Image:
    """One source image as RGB."""
    with Image.open(source / name) as image:
        return image.convert("RGB")


def teamfoto(source: Path) -> tuple[Image.Image, Image.Exif]:
    """Three portraits side by side (3 faces), no metadata."""
    canvas = Image.new("RGB", (780, 340), (236, 232, 224))
    portraits = [
        ImageOps.fit(_open(source, "hopper-512.jpg"), (240, 300)),
        ImageOps.fit(_open(source, "astronaut-512.jpg"), (240, 300), centering=(0.35, 0.3)),
        ImageOps.mirror(ImageOps.fit(_open(source, "hopper-200.jpg"), (240, 300))),
    ]
    for index, portrait in enumerate(portraits):
        canvas.paste(portrait, (15 + index * 255, 20))
    return canvas, Image.Exif()


def portrait(source: Path) -> tuple[Image.Image, Image.Exif]:
    """A single portrait whose EXIF names the photographer (1 face, metadata person)."""
    image = ImageOps.fit(_open(source, "astronaut-512.jpg"), (360, 400), centering=(0.35, 0.3))
    exif = Image.Exif()
    exif[MAKE], exif[MODEL] = "Nikon", "Nikon Z6"
    exif[ARTIST] = "Malte Feddersen"
    exif[COPYRIGHT] = "(c) Malte Feddersen"
    return image, exif


def fruehstueck(source: Path) -> tuple[Image.Image, Image.Exif]:
    """A cup of coffee with the phone's GPS position (0 faces, GPS)."""
    image = _open(source, "noface-coffee.jpg")
    exif = Image.Exif()
    exif[MAKE], exif[MODEL] = "Apple", "iPhone 15"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({0: b"\x02\x03\x00\x00", 1: "N", 2: exif_dms(54.3226), 3: "E", 4: exif_dms(10.1359)})
    return image, exif


def katze(source: Path) -> tuple[Image.Image, Image.Exif]:
    """A cat; the metadata names only the practice and the software (0 faces, clean)."""
    image = _open(source, "noface-chelsea.jpg")
    exif = Image.Exif()
    exif[ARTIST] = "Tierarztpraxis am Deich"
    exif[COPYRIGHT] = "Tierarztpraxis am Deich"
    exif[SOFTWARE] = "GIMP 2.10.38"
    return image, exif


IMAGES: dict[str, Callable[[Path], tuple[Image.Image, Image.Exif]]] = {
    "teamfoto.jpg": teamfoto,
    "portrait-verkauf.jpg": portrait,
    "fruehstueck.jpg": fruehstueck,
    "katze.jpg": katze,
}


def build(source: Path, out: Path) -> list[Path]:
    """Write every corpus image into `out`; returns the written paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in IMAGES.items():
        image, exif = make(source)
        target = out / name
        image.save(target, "JPEG", quality=88, exif=exif.tobytes())
        written.append(target)
    return written


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT / "tests" / "images" / "faces")
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "corpus" / "media")
    args = parser.parse_args()
    for path in build(args.source, args.out):
        print(path)


if __name__ == "__main__":
    main()
