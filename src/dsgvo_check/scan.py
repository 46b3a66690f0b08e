"""scan(paths, config) -> Report: discover, load, scan images and texts, evaluate rules."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime

from dsgvo_check import __version__, baseline, cache, cached, discover, load, suppress
from dsgvo_check.config import Config
from dsgvo_check.engine import evaluate, problem_finding
from dsgvo_check.model import (
    ConsentRegister,
    Detection,
    Evidence,
    ImageFacts,
    ImageRef,
    Item,
    Notice,
    Problem,
    Report,
    ScannedFile,
    TextField,
)


def scan(paths: Sequence[str], config: Config) -> Report:
    """The whole pipeline; raises DsgvoCheckError for configuration problems only."""
    started = time.perf_counter()
    started_at = datetime.now().replace(microsecond=0)
    ruleset = cached.load_rules(config)
    register, notices = _register(config)
    skip = frozenset(os.path.normpath(p) for p in (register.path, config.source) if p)
    selection = discover.Selection.build(config.root, config.include, config.exclude)
    sources, walk_notices = discover.walk(paths, selection, skip)
    notices.extend(walk_notices)
    items, problems = _load(sources, notices)
    items += _standalone_images(sources, items)
    with cache.Cache.open(config.cache) as store:
        images, image_problems = _scan_images(items, config, store)
        items = [_with_ocr_fields(item, images) for item in items]
        detections = _detect(items, config, store)
    as_of = config.as_of or started_at
    findings = [finding for item in items for finding in evaluate(
        item, Evidence(detections.get(item.key, ()), _images_of(item, images)), ruleset, register,
        as_of=as_of, lang=config.lang)]
    findings += [problem_finding(p, ruleset, config.lang) for p in [*problems, *image_problems]]
    findings, suppressed = suppress.apply(
        sorted(set(findings), key=lambda f: f.sort_key), [s.path for s in sources if s.kind != "image"], ruleset,
        baseline=baseline.load(config.baseline, config.root), lang=config.lang)
    return Report(
        tool_version=__version__, rules_sha256=ruleset.sha256,
        files=tuple(_scanned_files(sources, register, config, images)), items=tuple(items),
        findings=tuple(findings), suppressed=tuple(suppressed), notices=tuple(notices),
        images=images, as_of=as_of, lang=config.lang, ruleset=ruleset, root=config.root,
        config=config.as_dict(), started_at=started_at, duration_s=time.perf_counter() - started,
    )


def _register(config: Config) -> tuple[ConsentRegister, list[Notice]]:
    path = config.consents or os.path.join(config.root, "consents.yaml")
    if config.consents or os.path.isfile(path):
        return load.read_consents(path), []
    message = "kein Einwilligungsregister (consents.yaml) gefunden: keine Einwilligung gilt als belegt"
    return ConsentRegister(None), [Notice(config.root, 1, message)]


def _load(sources: Iterable[discover.SourceFile], notices: list[Notice]) -> tuple[list[Item], list[Problem]]:
    items: list[Item] = []
    problems: list[Problem] = []
    for source in sources:
        if source.kind == "image":
            continue
        loaded = load.load_text_file(source.path, source.kind)
        items.extend(loaded.items)
        problems.extend(loaded.problems)
        notices.extend(loaded.notices)
    return items, problems


def _standalone_images(sources: Iterable[discover.SourceFile], items: Sequence[Item]) -> list[Item]:
    """Images found in the scanned paths that no post uses are checked on their own."""
    used = {image.path for item in items for image in item.images}
    return [Item(key=s.path, path=s.path, line=1, column=1, fields=(),
                 images=(ImageRef(os.path.basename(s.path), os.path.normpath(s.path), 1, 1),))
            for s in sources if s.kind == "image" and os.path.normpath(s.path) not in used]


def _scan_images(items: Sequence[Item], config: Config,
                 store: cache.Cache) -> tuple[dict[str, ImageFacts], list[Problem]]:
    """Each image once; a missing or broken image is a PARSE-ERROR at its reference."""
    facts: dict[str, ImageFacts] = {}
    failed: dict[str, Problem] = {}
    problems: list[Problem] = []
    for item in items:
        for ref in item.images:
            if ref.path not in facts and ref.path not in failed:
                result = _scan_one(ref, config, store)
                if isinstance(result, Problem):
                    failed[ref.path] = result
                else:
                    facts[ref.path] = result
            if ref.path in failed:
                problems.append(Problem(item.path, ref.line, ref.column,
                                        f"Bild {ref.ref}: {failed[ref.path].message}"))
    return facts, problems


def _scan_one(ref: ImageRef, config: Config, store: cache.Cache) -> ImageFacts | Problem:
    if not os.path.isfile(ref.path):
        return Problem(ref.path, 1, 1, "Datei nicht gefunden")
    return cached.image_facts(ref.path, _sha256(ref.path), ocr=config.ocr, faces=config.faces, store=store)


def _images_of(item: Item, images: dict[str, ImageFacts]) -> dict[str, ImageFacts]:
    return {ref.path: images[ref.path] for ref in item.images if ref.path in images}


def _with_ocr_fields(item: Item, images: dict[str, ImageFacts]) -> Item:
    """Text read from an item's images becomes a published text anchored at the reference."""
    ocr = tuple(TextField(f"ocr:{ref.ref}", facts.ocr_text, item.path, ref.line, ref.column, anchored=True)
                for ref in item.images
                if (facts := images.get(ref.path)) is not None and facts.ocr_text)
    return dataclasses.replace(item, fields=item.fields + ocr) if ocr else item


def _detect(items: Sequence[Item], config: Config, store: cache.Cache) -> dict[str, tuple[Detection, ...]]:
    """Detections grouped by item key (the prefilter and the cache decide which texts reach spaCy), with the
    mentions of the people each item declares."""
    fields: dict[str, list[TextField]] = defaultdict(list)
    for item in items:
        fields[item.key].extend(item.fields)
    found = cached.detect_items(fields, config.model, store)
    from dsgvo_check.text.declared import with_declared_people

    for item in items:
        found[item.key] = with_declared_people(item, found.get(item.key, ()))
    return found


def _scanned_files(sources: Iterable[discover.SourceFile], register: ConsentRegister, config: Config,
                   images: dict[str, ImageFacts]) -> list[ScannedFile]:
    """Every file the verdict rests on, with its SHA-256 (evidence for the audit)."""
    files = [ScannedFile(s.path, s.kind, images[os.path.normpath(s.path)].sha256
                         if os.path.normpath(s.path) in images else _sha256(s.path)) for s in sources]
    listed = {os.path.normpath(s.path) for s in sources}
    files += [ScannedFile(path, "image", facts.sha256) for path, facts in images.items() if path not in listed]
    files += [ScannedFile(p, kind, _sha256(p)) for p, kind in
              ((register.path, "consents"), (config.source, "config")) if p]
    return files


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 16), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()

