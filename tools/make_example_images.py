"""Build the demo images of the bundled example repository (examples/media).

Usage: python tools/make_example_images.py [--out examples/media]

Needs scikit-image and matplotlib only to run (`pip install scikit-image matplotlib`): the
pictures are cut from images that ship with them. Sources and licences:

- `astronaut.png` (scikit-image): NASA photo of Eileen Collins, public domain;
- `grace_hopper.jpg` (matplotlib sample data): US Navy photo of Grace Hopper, public domain;
- `coffee.png`, `chelsea.png`, `brick.png` (scikit-image): CC0 / public domain.

The people's names, the photographer and the GPS position written into the metadata are
invented. The output is deterministic; examples/README.md says what each image shows.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

ROOT = Path(__file__).resolve().parent.parent
ARTIST, COPYRIGHT, SOFTWARE, MAKE, MODEL = 0x013B, 0x8298, 0x0131, 0x010F, 0x0110
GPS_IFD = 0x8825
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
Made = tuple[Image.Image, Image.Exif]


def _skimage(name: str) -> Image.Image:
    """One picture of scikit-image's data folder as RGB."""
    import skimage.data

    with Image.open(os.path.join(os.path.dirname(skimage.data.__file__), name)) as image:
        return image.convert("RGB")


def _hopper() -> Image.Image:
    """matplotlib's sample photo of Grace Hopper as RGB."""
    import matplotlib

    path = Path(matplotlib.get_data_path()) / "sample_data" / "grace_hopper.jpg"
    with Image.open(path) as image:
        return image.convert("RGB")


def exif_dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    """Degrees, minutes, seconds as EXIF rationals."""
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return Fraction(degrees), Fraction(minutes), Fraction(seconds).limit_denominator(100)


def _astronaut_head(size: tuple[int, int]) -> Image.Image:
    """Eileen Collins' head and shoulders, cropped from the astronaut photo."""
    return ImageOps.fit(_skimage("astronaut.png").crop((120, 0, 400, 330)), size)


def _hopper_head(size: tuple[int, int]) -> Image.Image:
    """Grace Hopper's head and shoulders."""
    return ImageOps.fit(_hopper().crop((60, 20, 460, 500)), size)


def portrait_jana() -> Made:
    """One face; the company as Artist, which is not a person (no metadata finding)."""
    exif = Image.Exif()
    exif[ARTIST] = "Backhaus Kornblume GmbH"
    exif[COPYRIGHT] = "Backhaus Kornblume GmbH"
    exif[SOFTWARE] = "Adobe Lightroom Classic 13.1"
    return _astronaut_head((420, 500)), exif


def portrait_maren() -> Made:
    """One face, no metadata."""
    return _hopper_head((420, 500)), Image.Exif()


def sommerfest() -> Made:
    """Three people side by side in front of a brick wall (3 faces), no metadata."""
    canvas = ImageOps.fit(_skimage("brick.png"), (900, 420)).convert("RGB")
    heads = [_hopper_head((260, 320)), _astronaut_head((260, 320)),
             ImageOps.mirror(_hopper_head((260, 320)))]
    for index, head in enumerate(heads):
        canvas.paste(head, (25 + index * 290, 50))
    return canvas, Image.Exif()


def kita_backstube() -> Made:
    """Two smaller faces on a wall: the visit of the Kita group (2 faces), no metadata."""
    canvas = ImageOps.fit(_skimage("brick.png"), (800, 450)).convert("RGB")
    canvas.paste(_astronaut_head((200, 240)), (120, 110))
    canvas.paste(ImageOps.mirror(_hopper_head((200, 240))), (480, 110))
    return canvas, Image.Exif()


def ladenkater() -> Made:
    """The shop cat, shot with a colleague's phone: GPS and her name as Artist (0 faces)."""
    exif = Image.Exif()
    exif[MAKE], exif[MODEL] = "Apple", "iPhone 14"
    exif[ARTIST] = "Aylin Kaya"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({0: b"\x02\x03\x00\x00", 1: "N", 2: exif_dms(53.2387), 3: "E", 4: exif_dms(10.4271)})
    return _skimage("chelsea.png"), exif


def kaffee() -> Made:
    """A cup of coffee: the clean product photo (0 faces, only a Software tag)."""
    exif = Image.Exif()
    exif[SOFTWARE] = "GIMP 2.10.38"
    return _skimage("coffee.png"), exif


def aushang_aushilfe() -> Made:
    """A job notice in the shop window whose text (read by OCR) names a person and her mobile number."""
    canvas = Image.new("RGB", (900, 560), (250, 246, 236))
    draw = ImageDraw.Draw(canvas)
    big, small = ImageFont.truetype(FONT, 54), ImageFont.truetype(FONT, 34)
    draw.rectangle((20, 20, 880, 540), outline=(120, 80, 40), width=6)
    draw.text((60, 60), "Aushilfe gesucht!", font=big, fill=(90, 50, 20))
    lines = ["Samstags und sonntags ab 6 Uhr", "Filiale Am Sande", "Meldet euch bei Maren Brandt",
             "Handy 0151 27384950"]
    for index, line in enumerate(lines):
        draw.text((60, 170 + index * 80), line, font=small, fill=(40, 30, 20))
    return canvas, Image.Exif()


IMAGES: dict[str, Callable[[], Made]] = {
    "portrait-jana.jpg": portrait_jana,
    "portrait-maren.jpg": portrait_maren,
    "sommerfest-team.jpg": sommerfest,
    "kita-backstube.jpg": kita_backstube,
    "ladenkater.jpg": ladenkater,
    "herbstkaffee.jpg": kaffee,
    "aushang-aushilfe.jpg": aushang_aushilfe,
}


def build(out: Path) -> list[Path]:
    """Write every example image into `out`; returns the written paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in IMAGES.items():
        image, exif = make()
        target = out / name
        image.save(target, "JPEG", quality=85, optimize=True, exif=exif.tobytes())
        written.append(target)
    return written


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "examples" / "media")
    args = parser.parse_args()
    for path in build(args.out):
        print(path, f"{path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
