"""Image scanner speed and memory: a 12-megapixel JPEG, and a folder of many images.

    python benchmarks/image_speed.py [--runs 15] [--folder 500] [--big 25] [--ocr]

1. Metadata + faces (OCR off) for a 4000x3000 JPEG with EXIF, on one core (OpenCV limited to
   one thread; run under `taskset -c 0` to pin the whole process): median and worst of --runs.
2. A folder of --folder JPEGs (--big of them 12 MP, the rest 1080-2000 px) scanned one after
   the other in this process: total time and the process's peak RSS.
The photos are the face test set (tests/images/faces) scaled up, so faces are found on the way.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import statistics
import tempfile
import time

from PIL import Image

from dsgvo_check.image import scan_image
from dsgvo_check.model import ImageFacts

SET = os.path.join(os.path.dirname(__file__), "..", "tests", "images", "faces")


def exif() -> Image.Exif:
    data = Image.Exif()
    data[0x010F], data[0x0110], data[0x013B] = "Canon", "Canon EOS R6", "Okke Harmsen"
    gps = data.get_ifd(0x8825)
    gps.update({1: "N", 2: (52.0, 31.0, 12.5), 3: "E", 4: (13.0, 24.0, 36.0)})
    data.get_ifd(0x8769)[0xA431] = "012345678901"
    return data


def photo(source: str, size: tuple[int, int], path: str) -> None:
    """The source scaled to `size` with sensor-like noise, so the JPEG is as big as a camera's."""
    import numpy as np

    image = Image.open(os.path.join(SET, source)).convert("RGB").resize(size, Image.Resampling.BICUBIC)
    noise = np.random.default_rng(5).normal(0, 6, (size[1], size[0], 3))
    noisy = Image.fromarray((np.asarray(image, dtype=np.float32) + noise).clip(0, 255).astype(np.uint8))
    noisy.save(path, "JPEG", quality=92, exif=exif())


def big_jpeg(folder: str, runs: int) -> None:
    path = os.path.join(folder, "12mp.jpg")
    photo("group-01.jpg", (4000, 3000), path)
    scan_image(path, ocr=False)  # warm-up: imports and cascade loading, not part of a scan
    times, facts = [], None
    for _ in range(runs):
        start = time.perf_counter()
        facts = scan_image(path, ocr=False)
        times.append(time.perf_counter() - start)
    assert isinstance(facts, ImageFacts), facts
    print(f"12 MP JPEG ({os.path.getsize(path) / 1e6:.1f} MB), metadata + faces, one thread: "
          f"median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms "
          f"over {runs} runs; {len(facts.faces or ())} faces, gps={facts.gps is not None}")


def make_folder(folder: str, count: int, big: int) -> list[str]:
    """The photos, written by worker processes so that this process's peak RSS is the scan's."""
    rng = random.Random(5)
    sources = sorted(f for f in os.listdir(SET) if f.endswith(".jpg"))
    jobs = []
    for index in range(count):
        side = 4000 if index < big else rng.randint(1080, 2000)
        path = os.path.join(folder, f"img-{index:04d}.jpg")
        jobs.append((sources[index % len(sources)], (side, side * 3 // 4), path))
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.starmap(photo, jobs)
    return [path for _, _, path in jobs]


def folder_scan(folder: str, count: int, big: int, ocr: bool) -> None:
    paths = make_folder(folder, count, big)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    faces = problems = 0
    for path in paths:
        facts = scan_image(path, ocr=ocr)
        faces += len(facts.faces or ()) if isinstance(facts, ImageFacts) else 0
        problems += 0 if isinstance(facts, ImageFacts) else 1
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"folder of {count} JPEGs ({big} of 12 MP), ocr={ocr}: {elapsed:.1f} s "
          f"({elapsed / count * 1000:.0f} ms/image), {faces} faces, {problems} problems, "
          f"peak RSS {peak:.0f} MB (before the scan {before:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--folder", type=int, default=500)
    parser.add_argument("--big", type=int, default=25)
    parser.add_argument("--ocr", action="store_true", help="OCR on in the folder scan")
    args = parser.parse_args()
    import cv2

    cv2.setNumThreads(1)
    with tempfile.TemporaryDirectory() as folder:
        if args.folder:  # first, so that the 12 MP test image in memory does not count
            folder_scan(folder, args.folder, args.big, args.ocr)
        big_jpeg(folder, args.runs)


if __name__ == "__main__":
    main()
