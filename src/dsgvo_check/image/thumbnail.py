"""Small PNG previews for reports: faces pixelated and blurred by default, face boxes drawn."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dsgvo_check.image.safety import UnreadableImage, decode, open_image, upright_size
from dsgvo_check.model import FaceBox

if TYPE_CHECKING:
    from PIL import Image

BOX_COLOUR = (220, 30, 30)
PLACEHOLDER_COLOUR = (200, 200, 200)


def render_thumbnail(path: str, faces: Sequence[FaceBox], *, blur: bool = True, max_px: int = 240) -> bytes:
    """A PNG at most `max_px` on its longer side; faces (full-size coordinates) hidden and boxed."""
    max_px = max(16, int(max_px))
    try:
        opened = open_image(path)
        try:
            full = upright_size(opened.image)
            image = decode(opened, max_px)
        finally:
            opened.image.close()
    except (UnreadableImage, OSError, ValueError):
        return _png(_placeholder(max_px))
    factor = image.width / full[0] if full[0] else 1.0
    boxes = [_scaled(face, factor, image.size) for face in faces]
    boxes = [box for box in boxes if box[2] > box[0] and box[3] > box[1]]
    if blur:
        for box in boxes:
            _hide(image, box)
    _draw(image, boxes)
    return _png(image)


def _scaled(face: FaceBox, factor: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """Box corners in thumbnail pixels, grown by 10 % so hair line and chin are covered too."""
    grow_x, grow_y = face.width * 0.1, face.height * 0.1
    left, top = max(0, int((face.x - grow_x) * factor)), max(0, int((face.y - grow_y) * factor))
    right = min(size[0], int((face.x + face.width + grow_x) * factor + 1))
    bottom = min(size[1], int((face.y + face.height + grow_y) * factor + 1))
    return left, top, right, bottom


def _hide(image: Image.Image, box: tuple[int, int, int, int]) -> None:
    """Pixelate to about 6 blocks across, then blur strongly: no face detail survives."""
    from PIL import Image, ImageFilter

    region = image.crop(box)
    width, height = region.size
    blocks = max(1, min(6, width // 2))
    tiny = region.resize((blocks, max(1, round(blocks * height / width))), Image.Resampling.BOX)
    region = tiny.resize(region.size, Image.Resampling.NEAREST)
    region = region.filter(ImageFilter.GaussianBlur(radius=max(2.0, width / 6)))
    image.paste(region, box[:2])


def _draw(image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> None:
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    line = max(1, round(max(image.size) / 160))
    for left, top, right, bottom in boxes:
        draw.rectangle((left, top, right - 1, bottom - 1), outline=BOX_COLOUR, width=line)


def _placeholder(max_px: int) -> Image.Image:
    """Grey square with a crossed box, shown where the image cannot be read."""
    from PIL import Image, ImageDraw

    side = min(max_px, 120)
    image = Image.new("RGB", (side, side), PLACEHOLDER_COLOUR)
    draw = ImageDraw.Draw(image)
    draw.line((0, 0, side, side), fill=(150, 150, 150), width=2)
    draw.line((0, side, side, 0), fill=(150, 150, 150), width=2)
    return image


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
