"""Build the face test set in tests/images/faces/ from photos that ship inside PyPI packages.

Sources (see tests/images/README.md for licences): scikit-image's data folder (astronaut,
camera, lfw_subset.npy and face-free photos), matplotlib's grace_hopper.jpg, scikit-learn's
china.jpg and flower.jpg. Pass the folders that hold them (an installed package or an
unpacked wheel) with --source; the output is deterministic for the same sources.

    python benchmarks/face_set.py --source /path/to/site-packages
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections.abc import Iterator
from typing import Any

import numpy as np
from PIL import Image, ImageEnhance, ImageOps

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "images", "faces")
# Face boxes in the source photos (x, y, w, h), measured with OpenCV and checked by eye.
ASTRONAUT_FACE = (178, 69, 92, 92)
HOPPER_FACE = (149, 102, 229, 229)
CAMERA_FACE = (185, 111, 82, 82)
NEGATIVES = ("china.jpg", "flower.jpg", "coffee.png", "chelsea.png", "rocket.jpg", "hubble_deep_field.jpg",
             "coins.png", "brick.png", "grass.png", "gravel.png", "moon.png", "horse.png", "motorcycle_left.png",
             "ihc.png", "retina.jpg", "page.png", "text.png", "logo.png", "color.png", "clock_motion.png",
             "cell.png", "logo2.png", "Minduka_Present_Blue_Pack.png")
BACKGROUNDS = ("china.jpg", "flower.jpg", "coffee.png", "brick.png", "grass.png", "rocket.jpg")
Box = tuple[int, int, int, int]
Labels = dict[str, dict[str, Any]]


def find(roots: list[str], name: str) -> str:
    for root in roots:
        for folder, _, files in os.walk(root):
            if name in files:
                return os.path.join(folder, name)
    raise SystemExit(f"{name} not found under {roots}")


def load(roots: list[str], name: str) -> Image.Image:
    return Image.open(find(roots, name)).convert("RGB")


def scaled(image: Image.Image, box: Box, width: int) -> tuple[Image.Image, Box]:
    factor = width / image.width
    out = image.resize((width, round(image.height * factor)), Image.Resampling.LANCZOS)
    return out, tuple(round(v * factor) for v in box)  # type: ignore[return-value]


def head(image: Image.Image, box: Box, margin: float = 0.45) -> tuple[Image.Image, Box]:
    """A crop around a face with `margin` of the face size on each side."""
    x, y, w, h = box
    left, top = max(0, round(x - margin * w)), max(0, round(y - margin * h))
    right, bottom = min(image.width, round(x + w + margin * w)), min(image.height, round(y + h + margin * h * 1.4))
    return image.crop((left, top, right, bottom)), (x - left, y - top, w, h)


def singles(roots: list[str]) -> Iterator[tuple[str, Image.Image, list[list[Any]]]]:
    astro, hopper = load(roots, "astronaut.png"), load(roots, "grace_hopper.jpg")
    for width in (512, 320, 220):
        image, box = scaled(astro, ASTRONAUT_FACE, width)
        yield f"astronaut-{width}.jpg", image, [[*box, "frontal"]]
    for width in (512, 200, 110):
        image, box = scaled(hopper, HOPPER_FACE, width)
        yield f"hopper-{width}.jpg", image, [[*box, "frontal"]]
    x, y, w, h = ASTRONAUT_FACE
    yield "astronaut-mirrored.jpg", ImageOps.mirror(astro), [[astro.width - x - w, y, w, h, "frontal"]]
    yield "astronaut-dark.jpg", ImageEnhance.Brightness(astro).enhance(0.45), [[*ASTRONAUT_FACE, "frontal"]]
    yield "hopper-grey.jpg", ImageOps.grayscale(hopper).convert("RGB"), [[*HOPPER_FACE, "frontal"]]
    rotated = hopper.rotate(8, resample=Image.Resampling.BICUBIC, center=(263, 216), fillcolor=(90, 90, 90))
    yield "hopper-tilted.jpg", rotated, [[*HOPPER_FACE, "frontal"]]
    yield "camera.jpg", load(roots, "camera.png"), [[*CAMERA_FACE, "other"]]


def lfw_faces(roots: list[str]) -> tuple[list[Image.Image], list[Image.Image]]:
    data = np.load(find(roots, "lfw_subset.npy"))
    tiles = [Image.fromarray((a * 255).astype(np.uint8)).convert("RGB") for a in data]
    return tiles[:100], tiles[100:]


def groups(roots: list[str], rng: random.Random) -> Iterator[tuple[str, Image.Image, list[list[Any]]]]:
    """Group compositions: LFW faces and head crops, 40-120 px, pasted on face-free photos."""
    faces, _ = lfw_faces(roots)
    heads = [head(load(roots, "astronaut.png"), ASTRONAUT_FACE), head(load(roots, "grace_hopper.jpg"), HOPPER_FACE)]
    for index in range(12):
        canvas = load(roots, BACKGROUNDS[index % len(BACKGROUNDS)]).resize((800, 533))
        labels: list[list[Any]] = []
        for slot in rng.sample(range(12), rng.randint(2, 7)):
            cell = (slot % 4 * 200, slot // 4 * 177)
            size = rng.randint(40, 110)
            if rng.random() < 0.3:
                crop, (fx, fy, fw, _) = heads[rng.randrange(2)]
                factor = size / fw
                tile = crop.resize((round(crop.width * factor), round(crop.height * factor)), Image.Resampling.LANCZOS)
                tile = tile.crop((0, 0, min(tile.width, 195), min(tile.height, 172)))
                pos = (cell[0] + rng.randint(0, 195 - tile.width), cell[1] + rng.randint(0, 172 - tile.height))
                box = [pos[0] + round(fx * factor), pos[1] + round(fy * factor), size, size]
            else:
                tile = faces[rng.randrange(len(faces))].resize((size, size), Image.Resampling.BICUBIC)
                pos = (cell[0] + rng.randint(0, 195 - size), cell[1] + rng.randint(0, 172 - size))
                box = [pos[0], pos[1], size, size]
            canvas.paste(tile, pos)
            labels.append([*box, "frontal"])
        yield f"group-{index + 1:02d}.jpg", canvas, labels


def social(roots: list[str], rng: random.Random) -> Iterator[tuple[str, Image.Image, list[list[Any]]]]:
    """Web-sized 1080x1350 pictures with small faces (40-64 px), as posted on social media."""
    faces, _ = lfw_faces(roots)
    for index, background in enumerate(("coffee.png", "china.jpg", "grass.png")):
        canvas = load(roots, background).resize((1080, 1350))
        labels: list[list[Any]] = []
        for slot in rng.sample(range(20), 6):
            size = rng.randint(40, 64)
            pos = (slot % 4 * 270 + rng.randint(0, 270 - size), slot // 4 * 270 + rng.randint(0, 270 - size))
            canvas.paste(faces[rng.randrange(len(faces))].resize((size, size), Image.Resampling.BICUBIC), pos)
            labels.append([*pos, size, size, "frontal"])
        yield f"social-{index + 1}.jpg", canvas, labels


def negatives(roots: list[str], rng: random.Random) -> Iterator[tuple[str, Image.Image, list[list[Any]]]]:
    for name in NEGATIVES:
        yield f"noface-{os.path.splitext(name)[0]}.jpg", load(roots, name), []
    _, patches = lfw_faces(roots)
    grid = Image.new("RGB", (800, 800))
    for index, patch in enumerate(patches):
        grid.paste(patch.resize((80, 80)), (index % 10 * 80, index // 10 * 80))
    yield "noface-lfw-patches.jpg", grid, []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", action="append", required=True, help="folder holding the source photos")
    args = parser.parse_args()
    rng = random.Random(5)
    os.makedirs(OUT, exist_ok=True)
    labels: Labels = {}
    for name, image, faces in [*singles(args.source), *groups(args.source, rng), *negatives(args.source, rng),
                              *social(args.source, rng)]:
        limit = {"noface-": 640, "social-": 1350}.get(name[:7], 800)
        if max(image.size) > limit:
            factor = limit / max(image.size)
            image = image.resize((round(image.width * factor), round(image.height * factor)))
            faces = [[round(v * factor) for v in f[:4]] + [f[4]] for f in faces]
        image.save(os.path.join(OUT, name), "JPEG", quality=70, optimize=True)
        labels[name] = {"size": list(image.size), "faces": faces}
    with open(os.path.join(OUT, "labels.json"), "w", encoding="utf-8") as handle:
        json.dump(labels, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"{len(labels)} images, {sum(len(v['faces']) for v in labels.values())} faces -> {OUT}")


if __name__ == "__main__":
    main()
