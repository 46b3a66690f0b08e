"""The scanners and the rule loader behind the cache: what the hook's speed rests on."""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from typing import TYPE_CHECKING

from dsgvo_check.cache import (
    Cache,
    detections_to_rows,
    facts_to_row,
    image_key,
    row_to_facts,
    rows_to_detections,
    text_key,
)
from dsgvo_check.model import Detection, ImageFacts, Problem, TextField

if TYPE_CHECKING:
    from dsgvo_check.config import Config
    from dsgvo_check.rules import RuleSet


def detect_items(fields_by_item: dict[str, list[TextField]], model: str | None,
                 store: Cache) -> dict[str, tuple[Detection, ...]]:
    """Detections per item key: texts the prefilter clears and cached items never reach spaCy."""
    from dsgvo_check import text

    code = store.code("dsgvo_check.text")
    found: dict[str, tuple[Detection, ...]] = {}
    todo: list[tuple[str, list[TextField], str]] = []
    for key, fields in fields_by_item.items():
        wanted = [f for f in fields if f.text.strip() and (model or text.needs_nlp(f.text))]
        if not wanted:
            continue
        cache_key = text_key(wanted, model, code)
        rows = store.get(cache_key)
        if rows is not None:
            found[key] = tuple(rows_to_detections(rows, wanted))
        else:
            todo.append((key, wanted, cache_key))
    if todo:
        by_field: dict[int, list[Detection]] = {}
        for detection in text.detect([f for _, fields, _ in todo for f in fields], model=model):
            by_field.setdefault(id(detection.field), []).append(detection)
        for key, fields, cache_key in todo:
            detections = [d for f in fields for d in by_field.get(id(f), [])]
            store.put(cache_key, detections_to_rows(detections, fields))
            found[key] = tuple(detections)
    return found


def image_facts(path: str, sha256: str, *, ocr: bool, faces: bool, store: Cache) -> ImageFacts | Problem:
    """ImageFacts (or a Problem) of the image at `path`, from the cache when its content was seen."""
    code = store.code("dsgvo_check.image")
    key = image_key(sha256, ocr, faces, code)
    row = store.get(key)
    if row is not None:
        return row_to_facts(row, path, sha256)
    from dsgvo_check.image import scan_image

    result: ImageFacts | Problem = scan_image(path, ocr=ocr, faces=faces)
    if isinstance(result, ImageFacts) and (value := facts_to_row(result)) is not None:
        store.put(key, value)
    return result


def _rules_key(config: Config, store: Cache) -> str:
    from dsgvo_check.rules import builtin_rules_dir, rule_files

    digest = hashlib.sha256(f"rules\0{store.code('dsgvo_check.rules')}\0{store.code('dsgvo_check.model')}".encode())
    for folder in (builtin_rules_dir(), *config.rule_dirs):
        rules, lexicons = rule_files(folder)
        for path in (*rules, *lexicons):
            with open(path, "rb") as handle:
                digest.update(f"{path}\0".encode() + handle.read() + b"\0")
    digest.update(repr((sorted(config.disabled), sorted((k, int(v)) for k, v in config.severity.items()))).encode())
    return digest.hexdigest()


def load_rules(config: Config) -> RuleSet:
    """The rule set of `config`, unpickled from the cache when no rule file or rule code changed."""
    from dsgvo_check.rules import load_rules as load

    with Cache.open(config.cache) as store:
        key = _rules_key(config, store) if store.enabled else ""
        blob = store.get_bytes(key) if key else None
        if blob is not None:
            with contextlib.suppress(Exception):
                ruleset: RuleSet = pickle.loads(blob)  # our own cache file, written below
                return ruleset
        ruleset = load(config.rule_dirs, disabled=config.disabled, severity_overrides=config.severity)
        if key:
            store.put_bytes(key, pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL))
        return ruleset
