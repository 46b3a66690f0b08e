"""Where the text scanner's time goes, in CPU instructions: steady on a shared machine, where times are not.

    .venv/bin/python benchmarks/finder_costs.py [--posts 10000] [PART ...]

Runs each part over the posts of throughput.py (same generator, same seed) in a fresh process under
`perf stat -e instructions:u`, subtracts a run that only sets up (imports, pipeline build, posts loaded),
and prints instructions per post and the share of the bare tokenizer's. Parts: `tokenizer` (bare
spacy.blank("de"), cold vocabulary, the issue's yardstick), `pipeline` (the whole built-in pipeline),
`chain` (the finder chain on the plain strings) and each finder alone (`dsgvo_person`, ...). The target of
the text scanner issue, 0.62 of the tokenizer's speed, allows the pipeline 1.6x the tokenizer's
instructions (at equal instructions per cycle: the figures guide, the time benchmark decides).
Without `perf` (or without permission to count) it prints CPU time per post instead.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dsgvo_check.text.finders import Finder
from dsgvo_check.text.hits import Hit
from throughput import generate

SETUP = "setup"


def measure(part: str, posts_file: str) -> None:
    """Child process: set up everything, then run `part` once over the posts; prints its CPU seconds."""
    import spacy

    from dsgvo_check.text.finders import FINDERS, find_all
    from dsgvo_check.text.pipeline import build

    posts = json.loads(Path(posts_file).read_text(encoding="utf-8"))
    nlp, blank = build(None), spacy.blank("de")
    runs: dict[str, Callable[[], object]] = {
        SETUP: lambda: None,
        "tokenizer": lambda: list(blank.pipe(posts, batch_size=256)),
        "pipeline": lambda: list(nlp.pipe(posts, batch_size=256)),
        "chain": lambda: [find_all(post) for post in posts],
        **{name: functools.partial(_run_finder, finder, posts) for name, finder in FINDERS.items()},
    }
    started = time.process_time()
    runs[part]()
    print(time.process_time() - started)


def _run_finder(finder: Finder, posts: list[str]) -> list[list[Hit]]:
    return [finder(post, []) for post in posts]


def run(part: str, posts_file: str, counted: bool) -> float:
    """Instructions (or CPU seconds without perf) of one part in a fresh process."""
    child = [sys.executable, __file__, "--measure", part, posts_file]
    if not counted:
        return float(subprocess.run(child, capture_output=True, text=True, check=True).stdout.split()[-1])
    done = subprocess.run(["perf", "stat", "-x", ",", "-e", "instructions:u", *child], capture_output=True,
                          text=True, check=True)
    line = next(row for row in done.stderr.splitlines() if "instructions" in row)
    return float(line.split(",")[0])


def perf_works() -> bool:
    if shutil.which("perf") is None:
        return False
    done = subprocess.run(["perf", "stat", "-x", ",", "-e", "instructions:u", "true"], capture_output=True, text=True)
    return done.returncode == 0 and any(row.split(",")[0].isdigit() for row in done.stderr.splitlines())


def main() -> None:
    from dsgvo_check.text.finders import FINDERS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", default=["tokenizer", "pipeline", "chain", *FINDERS])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(*args.measure)
        return
    counted = perf_works()
    unit = "instructions" if counted else "CPU µs"
    scale = 1.0 if counted else 1e6
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as posts_file:
        json.dump(generate(args.posts), posts_file)
        posts_file.flush()
        base = 0.0 if not counted else run(SETUP, posts_file.name, counted)
        figures = {part: (run(part, posts_file.name, counted) - base) * scale / args.posts for part in args.parts}
    print(f"{args.posts:,} posts, {unit} per post (a fresh process each)")
    tokenizer = figures.get("tokenizer")
    for part, figure in figures.items():
        share = f"{figure / tokenizer:6.2f} x tokenizer" if tokenizer else ""
        print(f"  {part:20s} {figure:12,.0f}   {share}")


if __name__ == "__main__":
    main()
