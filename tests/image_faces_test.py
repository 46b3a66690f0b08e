"""Faces through scan_image on the labelled face test set (tests/images/faces) and the eval corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from dsgvo_check.image import scan_image
from dsgvo_check.model import FaceBox, ImageFacts

FACES = Path(__file__).parent / "images" / "faces"
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sample" / "media"
LABELS = json.loads((FACES / "labels.json").read_text(encoding="utf-8"))


def faces_of(path: Path) -> tuple[FaceBox, ...]:
    result = scan_image(str(path), ocr=False)
    assert isinstance(result, ImageFacts), result
    assert result.faces is not None
    return result.faces


def hits(found: tuple[FaceBox, ...], labels: list[list[object]]) -> tuple[int, int]:
    """(labelled faces hit, detections that hit no labelled face): centre inside, similar size."""
    free = list(labels)
    hit = 0
    for box in found:
        cx, cy = box.x + box.width / 2, box.y + box.height / 2
        match = next((lab for lab in free if lab[0] <= cx <= lab[0] + lab[2] and lab[1] <= cy <= lab[1] + lab[3]
                      and 0.5 <= box.width / lab[2] <= 2.5), None)  # type: ignore[operator]
        if match is not None:
            free.remove(match)
            hit += 1
    return hit, len(found) - hit


def test_targets_on_the_face_test_set() -> None:
    """Recall >= 0.90 on frontal faces >= 40 px; <= 0.1 false positives per face-free photo."""
    frontal = frontal_hit = false_on_free = free_images = 0
    for name, entry in LABELS.items():
        labels = entry["faces"]
        found = faces_of(FACES / name)
        wanted = [lab for lab in labels if lab[4] == "frontal" and lab[2] >= 40]
        frontal += len(wanted)
        frontal_hit += hits(found, wanted)[0]
        if not labels:
            free_images += 1
            false_on_free += len(found)
    assert frontal >= 50 and free_images >= 20
    assert frontal_hit / frontal >= 0.90
    assert false_on_free / free_images <= 0.1


def test_boxes_are_in_full_size_coordinates(tmp_path: Path) -> None:
    """A photo twice the detector's working size: the box lands on the face in full-size pixels."""
    image = Image.open(FACES / "astronaut-512.jpg")
    big = image.resize((1536, 1536))
    big.save(tmp_path / "gross.jpg", quality=90)
    (face,) = faces_of(tmp_path / "gross.jpg")
    x, y, w, _, _ = LABELS["astronaut-512.jpg"]["faces"][0]
    assert abs(face.x - 3 * x) < 0.25 * 3 * w and abs(face.y - 3 * y) < 0.25 * 3 * w
    assert 0.7 < face.width / (3 * w) < 1.5


def test_group_composition_counts_every_face() -> None:
    found = faces_of(FACES / "group-09.jpg")
    assert hits(found, LABELS["group-09.jpg"]["faces"]) == (5, 0)


@pytest.mark.skipif(not SAMPLE.is_dir(), reason="eval corpus not beside the repository")
@pytest.mark.parametrize(("name", "count"), [
    ("portrait-trainerin.jpg", 1), ("zweierfoto.jpg", 2), ("blumenstrauss.jpg", 0), ("sternenhimmel.jpg", 0),
])
def test_sample_corpus_face_counts_match_gold(name: str, count: int) -> None:
    assert len(faces_of(SAMPLE / name)) == count
