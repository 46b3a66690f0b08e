"""Face detection with OpenCV's packaged Haar cascades (chosen by benchmarks/face_detection.py)."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dsgvo_check.model import FaceBox

if TYPE_CHECKING:
    from PIL import Image

@dataclass(frozen=True, slots=True)
class Cascade:
    """One detector set-up: cascade files (frontal first) and detectMultiScale parameters."""

    files: tuple[str, ...]
    scale_factor: float = 1.1
    min_neighbors: int = 5
    min_size: int = 20
    max_side: int = 512
    fine_side: int = 800
    fine_below: int = 1600
    fine_scale_factor: float = 1.1
    min_weight: float = 0.0


# Candidates compared in benchmarks/face_detection.py; DEFAULT is what scan_image uses.
DETECTORS = {
    "haar-default": Cascade(("haarcascade_frontalface_default.xml",), 1.2, 5, 20, 512),
    "haar-alt": Cascade(("haarcascade_frontalface_alt.xml",), 1.2, 3, 20, 512),
    "haar-alt2": Cascade(("haarcascade_frontalface_alt2.xml",), 1.2, 4, 20, 512),
    "haar-alt-tree": Cascade(("haarcascade_frontalface_alt_tree.xml",), 1.2, 2, 20, 512),
    "haar-alt2+profile": Cascade(("haarcascade_frontalface_alt2.xml", "haarcascade_profileface.xml"), 1.2, 4, 20, 512),
}
DEFAULT = "haar-alt2"


def detection_side(longest: int, detector: str = DEFAULT) -> int:
    """Longer side the detector works at: 2/3 of an image up to `fine_below` px, else `max_side`.

    Web-sized images (<= 1,600 px) keep faces of 40 px at >= 26 px and are searched with the
    finer scale step; camera originals are shrunk to `max_side` with the coarser step, which
    keeps a 12-megapixel photo fast (faces in them are larger).
    """
    config = DETECTORS[detector]
    if longest <= config.fine_below:
        return min(longest, max(config.max_side, min(config.fine_side, longest * 2 // 3)))
    return config.max_side


def available() -> bool:
    """True where OpenCV with its cascade files is importable."""
    try:
        import cv2
    except ImportError:
        return False
    return hasattr(cv2, "CascadeClassifier") and os.path.isdir(_cascade_dir())


def detect_faces(rgb: Image.Image, detector: str = DEFAULT, *, longest: int | None = None) -> tuple[FaceBox, ...]:
    """Faces in an RGB image (coordinates of that image), largest first, overlaps merged.

    The image is shrunk to detection_side() of `longest` (the original image's longer side,
    when `rgb` was already decoded at reduced size) first; boxes are mapped back.
    """
    import cv2
    import numpy as np

    config = DETECTORS[detector]
    fine = (longest or max(rgb.size)) <= config.fine_below
    side = min(max(rgb.size), detection_side(longest or max(rgb.size), detector))
    factor = max(rgb.size) / side
    if factor > 1:
        size = (max(1, round(rgb.width / factor)), max(1, round(rgb.height / factor)))
        rgb = rgb.resize(size, reducing_gap=2.0)
    grey = cv2.equalizeHist(cv2.cvtColor(np.asarray(rgb), cv2.COLOR_RGB2GRAY))
    found: list[FaceBox] = []
    for index, name in enumerate(config.files):
        step = config.fine_scale_factor if fine else config.scale_factor
        found += _run(_classifier(name), grey, config, step, mirror=False)
        if index > 0:  # profile cascades see one side only: run them on the mirror image too
            found += _run(_classifier(name), grey, config, step, mirror=True)
    merged = _merge(found)
    return scale_boxes(merged, factor, factor) if factor > 1 else merged


@functools.lru_cache(maxsize=8)
def _classifier(name: str) -> Any:
    """A loaded cascade, cached by file name (built once per process)."""
    import cv2

    classifier = cv2.CascadeClassifier(os.path.join(_cascade_dir(), name))
    if classifier.empty():
        raise RuntimeError(f"OpenCV cascade {name} could not be loaded")
    return classifier


def _cascade_dir() -> str:
    """Where opencv-python(-headless) 4.x keeps its cascade files."""
    import cv2

    return str(getattr(getattr(cv2, "data", None), "haarcascades", ""))


def _run(classifier: Any, grey: Any, config: Cascade, step: float, *, mirror: bool) -> list[FaceBox]:
    import cv2

    image = cv2.flip(grey, 1) if mirror else grey
    size = (config.min_size, config.min_size)
    boxes, _, weights = classifier.detectMultiScale3(
        image, scaleFactor=step, minNeighbors=config.min_neighbors, minSize=size,
        outputRejectLevels=True)
    width = image.shape[1]
    found = []
    for (x, y, w, h), weight in zip(boxes, weights, strict=False):
        if float(weight) >= config.min_weight:
            left = width - int(x) - int(w) if mirror else int(x)
            found.append(FaceBox(left, int(y), int(w), int(h), round(float(weight), 3)))
    return found


def _merge(boxes: list[FaceBox]) -> tuple[FaceBox, ...]:
    """Keep the strongest of boxes that overlap (IoU > 0.3 or one mostly inside the other)."""
    kept: list[FaceBox] = []
    for box in sorted(boxes, key=lambda b: (-b.score, -b.width)):
        if all(_overlap(box, other) <= 0.3 for other in kept):
            kept.append(box)
    return tuple(sorted(kept, key=lambda b: (-b.width * b.height, b.x, b.y)))


def _overlap(a: FaceBox, b: FaceBox) -> float:
    """Intersection over the smaller box's area."""
    width = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
    height = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
    if width <= 0 or height <= 0:
        return 0.0
    return (width * height) / min(a.width * a.height, b.width * b.height)


def scale_boxes(boxes: tuple[FaceBox, ...], factor_x: float, factor_y: float) -> tuple[FaceBox, ...]:
    """Boxes mapped from a reduced image back to full-size coordinates."""
    return tuple(FaceBox(round(b.x * factor_x), round(b.y * factor_y), round(b.width * factor_x),
                         round(b.height * factor_y), b.score) for b in boxes)
