"""Time rule evaluation alone: all built-in rules over N loaded posts with scanner evidence.

    python benchmarks/rules_eval.py [CORPUS_DIR] [--posts 10000] [--without-plan] [--repeat 3]

Posts come from a corpus folder (default: tests/corpus, else the built-in rule examples). Evidence is
produced once by the real scanners where available (dsgvo_check.text.detect), so only evaluate() is
timed. With a gold file beside the corpus (CORPUS.gold.yaml) and /work/shared/eval/score.py present,
the rule figures of a full scan are printed too.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import pickle
import sys
import time
from datetime import datetime
from pathlib import Path

from dsgvo_check import load
from dsgvo_check.engine import evaluate
from dsgvo_check.model import ConsentRegister, Detection, Evidence, Item
from dsgvo_check.rules import RuleSet, load_rules

ROOT = Path(__file__).resolve().parent.parent


def corpus_items(folder: Path) -> tuple[list[Item], ConsentRegister]:
    """Every post and campaign post of a corpus folder, and its consent register."""
    items: list[Item] = []
    for path in sorted(folder.rglob("*")):
        kind = {".md": "post", ".markdown": "post", ".txt": "text", ".yaml": "yaml", ".yml": "yaml"}.get(path.suffix)
        if kind and path.name != "consents.yaml":
            items += load.load_text_file(str(path), kind).items
    register_path = folder / "consents.yaml"
    register = load.read_consents(str(register_path)) if register_path.exists() else ConsentRegister(None)
    return items, register


def example_items() -> list[Item]:
    """The posts of the built-in rule examples."""
    items: list[Item] = []
    for rule in load_rules().rules:
        for example in (*rule.fires, *rule.passes):
            loaded = load.parse_yaml("ex.yaml", example.text) if example.campaign else load.parse_post(
                "ex.md", example.text)
            items += loaded.items
    return items


def detections(items: list[Item]) -> dict[str, tuple[Detection, ...]]:
    """Scanner evidence for every item (once, not timed); empty when the text scanner is missing."""
    try:
        from dsgvo_check.text import detect
        from dsgvo_check.text.declared import with_declared_people
    except ImportError:
        print("(dsgvo_check.text not available: evaluating without detections)")
        return {}
    return {item.key: with_declared_people(item, tuple(detect([f for f in item.fields if f.text.strip()])))
            for item in items}


def timed_evaluate(batch: list[tuple[Item, Evidence]], ruleset: RuleSet,
                   register: ConsentRegister) -> tuple[float, int]:
    """Seconds for evaluating every item of the batch, and the number of findings."""
    as_of = datetime(2026, 6, 1)
    t0 = time.perf_counter()
    count = sum(len(evaluate(item, ev, ruleset, register, as_of=as_of)) for item, ev in batch)
    return time.perf_counter() - t0, count


def load_figures() -> RuleSet:
    """Print how long loading the built-in rules takes (first and warm load, and from a pickle)."""
    t0 = time.perf_counter()
    ruleset = load_rules()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    load_rules()
    warm = time.perf_counter() - t0
    data = pickle.dumps(ruleset)
    t0 = time.perf_counter()
    pickle.loads(data)
    unpickled = time.perf_counter() - t0
    print(f"load_rules: {len(ruleset.rules)} rules, first {first * 1000:.0f} ms, again {warm * 1000:.0f} ms, "
          f"unpickled {unpickled * 1000:.0f} ms ({len(data) // 1024} KiB)")
    return ruleset


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "tests" / "corpus"))
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--without-plan", action="store_true", help="also time rule-by-rule evaluation")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (the best counts: the machine is shared)")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    items, register = corpus_items(corpus) if corpus.is_dir() else ([], ConsentRegister(None))
    source = str(corpus) if items else "rule examples"
    if not items:
        items, register = example_items(), ConsentRegister(None)
    found = detections(items)
    print(f"corpus: {source} ({len(items)} distinct items)")
    ruleset = load_figures()
    evidence = [(item, Evidence(found.get(item.key, ()))) for item in items]
    batch = [evidence[i % len(evidence)] for i in range(args.posts)]
    runs = [timed_evaluate(batch, ruleset, register) for _ in range(args.repeat)]
    seconds, count = min(runs)
    print(f"evaluate: {args.posts} posts, {count} findings in {seconds:.3f} s "
          f"({seconds / args.posts * 1e6:.1f} µs per post; best of {args.repeat}: "
          f"{', '.join(f'{run[0]:.2f}' for run in runs)} s)")
    if args.without_plan:
        plain, plain_count = timed_evaluate(batch, dataclasses.replace(ruleset, plan=None), register)
        print(f"evaluate without the plan: {plain_count} findings in {plain:.3f} s "
              f"({plain / args.posts * 1e6:.1f} µs per post)")
    return 0 if seconds < 1.0 or args.posts < 10_000 else 1


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    raise SystemExit(main())
