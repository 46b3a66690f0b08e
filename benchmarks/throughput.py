"""Text scanner throughput: dsgvo-check in-process and as the CLI vs. Presidio's AnalyzerEngine.

    .venv/bin/python benchmarks/throughput.py [--posts 10000] [--quick] [--no-presidio] [--repeat 3]

Generates N German social-media posts (Faker de_DE in varied sentence frames, about half without
personal data, fixed seed), then measures in fresh processes, one core each:
  - dsgvo-check in-process: `import spacy` + pipeline build, then `detect()` over all posts;
  - dsgvo-check as the CLI: `dsgvo-check scan DIR --format json --no-cache` on the posts as .md files;
  - the yardstick: a bare spacy.blank("de") tokenizer over the same posts, also in a fresh process
    (a scan starts with an empty vocabulary, and filling it is half the tokenizer's time);
  - Presidio AnalyzerEngine, German, on a blank spaCy pipeline with its pattern recognizers enabled
    for "de", in its own virtual environment (benchmarks/.venv-presidio, created when missing:
    installed into the product's environment Presidio would register a spaCy plugin).
Prints posts/s, words/s and peak RSS of each, the ratio of dsgvo-check to Presidio, and dsgvo-check's
words/s scaled to the issue's 400,000 words/s tokenizer. The in-process
measurements run --repeat times, alternating, and the best run counts (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
PRESIDIO_VENV = HERE / ".venv-presidio"

WITH_DATA = [
    "Herzlich willkommen im Team, {name}! Ab Montag verstärkt sie unsere Filiale in {city}.",
    "Unsere Kollegin Frau {last} erreicht ihr unter {phone} oder per Mail an {email}.",
    "Gewonnen hat {first} {initial}. aus {city} – herzlichen Glückwunsch! 🎉",
    "Abholung ab Freitag in der {street} {number}, {postcode} {city}.",
    "Spenden für das Sommerfest bitte an IBAN {iban}, Verwendungszweck Kita.",
    "Danke an @{handle} für das tolle Foto vom Lauf am Wochenende! #laufen #team",
    "{name} (geb. {birthdate}) feiert heute ihr 25-jähriges Jubiläum bei uns.",
    "Rückfragen an {name}, Tel. {phone}, wir freuen uns auf eure Nachrichten.",
    "Dr. {last} übernimmt ab Januar die Praxis, Termine unter {phone}.",
]
WITHOUT_DATA = [
    "Heute frisch aus dem Ofen: Dinkelbrötchen, Zimtschnecken und unser Sonntagskuchen.",
    "Der Herbst ist da 🍂 und mit ihm die neue Kürbissuppe. Kommt vorbei, wir freuen uns!",
    "Am Samstag haben wir von 9 bis 14 Uhr geöffnet. Der Parkplatz hinter dem Haus ist frei.",
    "Unsere Kund:innen fragen oft nach glutenfreien Produkten – ab sofort gibt es sie jeden Tag.",
    "Wir suchen Verstärkung für unser Team! Alle Infos findet ihr über den Link in der Bio.",
    "Neue Öffnungszeiten ab November: Montag bis Freitag 7–18 Uhr, Samstag 8–13 Uhr.",
    "Was ist euer Lieblingsgebäck? Schreibt es in die Kommentare 👇 #bäckerei #handwerk",
    "Mitarbeiter*innen aus allen Filialen haben heute gemeinsam den Stadtlauf geschafft.",
]


def generate(count: int, seed: int = 7) -> list[str]:
    """`count` posts of 2-5 sentences, about half of them without personal data."""
    from faker import Faker

    fake = Faker("de_DE")
    Faker.seed(seed)
    chooser = random.Random(seed)
    posts = []
    for _ in range(count):
        frames = [chooser.choice(WITHOUT_DATA) for _ in range(chooser.randint(2, 4))]
        if chooser.random() < 0.5:
            frames.insert(chooser.randrange(len(frames) + 1), _fill(chooser.choice(WITH_DATA), fake))
        posts.append("\n".join(frames) if chooser.random() < 0.3 else " ".join(frames))
    return posts


def _fill(frame: str, fake: object) -> str:
    f = fake  # Faker's providers are dynamic attributes
    first, last = f.first_name(), f.last_name()  # type: ignore[attr-defined]
    return frame.format(name=f"{first} {last}", first=first, last=last, initial=last[0],
                        city=f.city(), phone=f.phone_number(), email=f.free_email(),  # type: ignore[attr-defined]
                        street=f.street_name(), number=f.building_number(),  # type: ignore[attr-defined]
                        postcode=f.postcode(), iban=f.iban(),  # type: ignore[attr-defined]
                        birthdate=f.date_of_birth().strftime("%d.%m.%Y"),  # type: ignore[attr-defined]
                        handle=f"{first.lower()}_{last.lower()}")


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def worker(posts_file: str) -> None:
    """In-process measurement (run in a fresh interpreter): prints one JSON line."""
    posts = json.loads(Path(posts_file).read_text(encoding="utf-8"))
    started = time.perf_counter()
    from dsgvo_check.model import TextField
    from dsgvo_check.text import detect
    from dsgvo_check.text.pipeline import build

    build(None)
    build_s = time.perf_counter() - started
    fields = [TextField("body", text, f"post-{i}.md", 1, 1) for i, text in enumerate(posts)]
    started = time.perf_counter()
    found = detect(fields)
    scan_s = time.perf_counter() - started
    print(json.dumps({"build_s": build_s, "scan_s": scan_s, "found": len(found), "rss_mb": peak_rss_mb()}))


def tokenizer_worker(posts_file: str) -> None:
    """The yardstick, as the scan meets it: a bare spacy.blank("de") over the posts in a fresh interpreter
    (a new vocabulary, as in a scan), then once more with the vocabulary filled (warm)."""
    import spacy

    posts = json.loads(Path(posts_file).read_text(encoding="utf-8"))
    blank = spacy.blank("de")
    figures = {}
    for key in ("scan_s", "warm_s"):
        started = time.perf_counter()
        for _ in blank.pipe(posts, batch_size=256):
            pass
        figures[key] = time.perf_counter() - started
    print(json.dumps(figures))


def run_worker(flag: str, posts_file: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, flag, posts_file], capture_output=True, text=True,
                         check=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def run_cli(posts: list[str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(posts):
            Path(folder, f"post-{i:05d}.md").write_text(text + "\n", encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([str(BIN / "dsgvo-check"), "scan", folder, "--format", "json", "--no-cache",
                        "--fail-on", "critical", "--output", os.devnull], check=False)
        return {"scan_s": time.perf_counter() - started, "rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN)}


def ensure_presidio() -> Path:
    python = PRESIDIO_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PRESIDIO_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "presidio-analyzer", "spacy"], check=True)
    return python


def run_presidio(posts_file: str) -> dict[str, float]:
    out = subprocess.run([str(ensure_presidio()), str(HERE / "presidio_runner.py"), posts_file],
                         capture_output=True, text=True, check=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def _row(name: str, posts: int, words: int, figures: dict[str, float]) -> str:
    seconds = figures["scan_s"]
    build = f"{figures['build_s']:.2f}" if "build_s" in figures else "-"
    return (f"{name:26} {build:>8} {posts / seconds:>10,.0f} {words / seconds:>12,.0f} "
            f"{figures['rss_mb']:>9.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="1,000 posts")
    parser.add_argument("--no-presidio", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each in-process measurement (best counts)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--tokenizer-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    if args.tokenizer_worker:
        tokenizer_worker(args.tokenizer_worker)
        return
    posts = generate(1_000 if args.quick else args.posts)
    words = sum(len(text.split()) for text in posts)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(posts, handle)
    print(f"{len(posts):,} posts, {words:,} words, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{'':26} {'build s':>8} {'posts/s':>10} {'words/s':>12} {'peak MB':>9}")
    runs: list[dict[str, float]] = []
    tokenizer_runs: list[dict[str, float]] = []
    presidio_runs: list[dict[str, float]] = []
    for _ in range(args.repeat):  # alternating, so that all see the same load of a shared machine
        runs.append(run_worker("--worker", handle.name))
        tokenizer_runs.append(run_worker("--tokenizer-worker", handle.name))
        if not args.no_presidio:
            presidio_runs.append(run_presidio(handle.name))
    ours = min(runs, key=lambda run: run["scan_s"])
    tokenizer_s = min(run["scan_s"] for run in tokenizer_runs)
    warm_s = min(run["warm_s"] for run in tokenizer_runs)
    print(_row("dsgvo-check in-process", len(posts), words, ours), flush=True)
    print(f"{'  spacy.blank(de) tokenizer':26} {'':>8} {len(posts) / tokenizer_s:>10,.0f} "
          f"{words / tokenizer_s:>12,.0f}   (the limit: same posts, fresh process; warm "
          f"{words / warm_s:,.0f})", flush=True)
    ratio = tokenizer_s / ours["scan_s"]
    print(f"{'  scaled to 400k tokenizer':26} {'':>8} {'':>10} {400_000 * ratio:>12,.0f}   "
          f"(dsgvo-check / tokenizer = {ratio:.2f}; target 250,000 = 0.62)", flush=True)
    print(_row("dsgvo-check CLI", len(posts), words, run_cli(posts)), flush=True)
    if presidio_runs:
        theirs = min(presidio_runs, key=lambda run: run["scan_s"])
        print(_row("Presidio AnalyzerEngine", len(posts), words, theirs))
        print(f"dsgvo-check / Presidio (posts/s, in-process): {theirs['scan_s'] / ours['scan_s']:.1f}x")
    times = ", ".join(f"{run['scan_s']:.2f}" for run in runs)
    print(f"(best of {args.repeat} runs each; the in-process runs took {times} s)")
    os.unlink(handle.name)


if __name__ == "__main__":
    main()
