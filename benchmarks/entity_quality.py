"""Entity precision/recall/F1 of the text scanner on labelled German sentences.

    .venv/bin/python benchmarks/entity_quality.py [FILE.yaml ...] [--json] [--errors]

Each FILE (default: every tests/data/entities_*.yaml) is a YAML list of {text, entities: [{type, text}]}.
Matching is lenient as in ../shared/eval/score.py: texts casefolded with everything but letters
and digits removed; equal, or one contained in the other; one-to-one per sentence and type.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from dsgvo_check.model import TextField
from dsgvo_check.text import detect

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TYPES = ("PERSON", "EMAIL", "PHONE", "IBAN", "CREDIT_CARD", "ADDRESS", "DATE_OF_BIRTH", "NATIONAL_ID",
         "IP_ADDRESS", "LICENSE_PLATE")


def norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def match(golds: list[str], preds: list[str]) -> tuple[set[int], set[int]]:
    """Greedy one-to-one matching: equal texts first, then containment either way."""
    gold, pred = [norm(g) for g in golds], [norm(p) for p in preds]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for lenient in (False, True):
        for i, p in enumerate(pred):
            for j, g in enumerate(gold):
                if i in used_pred or j in used_gold or not p or not g:
                    continue
                if p == g or (lenient and (p in g or g in p)):
                    used_pred.add(i)
                    used_gold.add(j)
    return used_pred, used_gold


def evaluate(entries: list[dict[str, object]]) -> tuple[dict[str, Counter[str]], list[str]]:
    """Counts of tp/fp/fn per type over all sentences, and one line per error."""
    fields = [TextField("body", str(entry["text"]), "sentences", i + 1, 1) for i, entry in enumerate(entries)]
    found: dict[int, list[tuple[str, str]]] = {}
    for detection in detect(fields):
        found.setdefault(detection.field.line, []).append((detection.entity, detection.text))
    counts: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    errors: list[str] = []
    for number, entry in enumerate(entries, start=1):
        gold = [(str(e["type"]), str(e["text"])) for e in entry.get("entities") or []]  # type: ignore[attr-defined]
        for kind in TYPES:
            golds = [text for t, text in gold if t == kind]
            preds = [text for t, text in found.get(number, []) if t == kind]
            used_pred, used_gold = match(golds, preds)
            counts[kind].update(tp=len(used_gold), fp=len(preds) - len(used_pred), fn=len(golds) - len(used_gold))
            errors += [f"FP {kind:13} {p!r:35} in {entry['text']!r}" for i, p in enumerate(preds) if i not in used_pred]
            errors += [f"FN {kind:13} {g!r:35} in {entry['text']!r}" for j, g in enumerate(golds) if j not in used_gold]
    return counts, errors


def prf(count: Counter[str]) -> dict[str, float]:
    tp, fp, fn = count["tp"], count["fp"], count["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="labelled sentence files (default: tests/data/entities_*.yaml)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every false positive and negative")
    args = parser.parse_args()
    paths = [Path(f) for f in args.files] or sorted(DATA.glob("entities_*.yaml"))
    entries = [entry for path in paths for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    started = time.perf_counter()
    counts, errors = evaluate(entries)
    scores = {kind: prf(count) for kind, count in counts.items()}
    scores["micro"] = prf(sum(counts.values(), Counter()))
    if args.json:
        json.dump({"sentences": len(entries), "scores": scores}, sys.stdout, indent=2)
        print()
        return
    print(f"{len(entries)} sentences, {time.perf_counter() - started:.2f} s")
    print(f"{'type':15} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>4} {'FN':>4}")
    for kind, s in scores.items():
        print(f"{kind:15} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['tp']:5} {s['fp']:4} {s['fn']:4}")
    if args.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
