"""Hand-made Reports for the report tests: real files, real rules and engine, detections given by hand."""

from __future__ import annotations

import hashlib
import textwrap
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from dsgvo_check import load
from dsgvo_check.engine import evaluate
from dsgvo_check.image import scan_image
from dsgvo_check.model import (
    ConsentRegister,
    Detection,
    Evidence,
    ImageFacts,
    Item,
    Report,
    ScannedFile,
    Suppressed,
)
from dsgvo_check.rules import load_rules

AS_OF = datetime(2026, 11, 20, 9, 0)

ADVENT = """\
---
title: Adventskalender Tür 1
channels: [instagram, facebook]
publish_at: 2026-12-01T09:00:00+01:00
images: [media/team.png]
people:
  - name: Anna Müller
giveaway:
  organizer: Bäckerei Korn GmbH
---
Gewinnspiel! Schreibt an anna.mueller@example.de oder ruft an: 0171 2345678 🎄
Anna Müller überweist den Gewinn von DE89 3704 0044 0532 0130 00. Öffnungszeiten: Mo–Fr.
"""

HOSTILE = """\
---
title: <b>Fett</b> & "Zitat"
channels: [website]
---
<img src="file:///etc/passwd"> <script>alert(1)</script>
<link rel="stylesheet" href="https://evil.example/x.css">
<style>@import url("http://evil.example/i.css"); body { background: url(file:///etc/shadow) }</style>
![bild](https://evil.example/tracker.png) Kontakt: max.mustermann@example.org
"""

CLEAN = """\
---
title: Öffnungszeiten
channels: [website]
---
Wir haben über die Feiertage geöffnet. Schöne Grüße! 😊
"""

DETECTIONS = {"anna.mueller@example.de": "EMAIL", "0171 2345678": "PHONE", "Anna Müller": "PERSON",
              "DE89 3704 0044 0532 0130 00": "IBAN", "max.mustermann@example.org": "EMAIL"}


def write_tree(root: Path, posts: dict[str, str] | None = None) -> list[Path]:
    """A small content repository: two posts with findings, one clean post, one image."""
    from PIL import Image

    posts = posts if posts is not None else {"posts/advent.md": ADVENT, "posts/hostile.md": HOSTILE,
                                             "posts/clean.md": CLEAN}
    paths = []
    for relative, text in posts.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        paths.append(path)
    (root / "posts" / "media").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (320, 200), (90, 140, 200)).save(root / "posts" / "media" / "team.png")
    return paths


def _detections(item: Item) -> tuple[Detection, ...]:
    found = []
    for field in item.fields:
        for text, entity in DETECTIONS.items():
            start = field.text.find(text)
            while start >= 0:
                found.append(Detection(entity, field, start, start + len(text), text, 0.9, "test"))
                start = field.text.find(text, start + 1)
    return tuple(found)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_report(root: Path, paths: Sequence[Path], *, lang: str = "de", suppress_first: bool = False) -> Report:
    """The Report a scan of `paths` would give if the text scanner found DETECTIONS."""
    ruleset = load_rules()
    kinds = {".yaml": "yaml", ".yml": "yaml", ".txt": "text"}
    items = [item for path in paths for item in load.load_text_file(str(path), kinds.get(path.suffix, "post")).items]
    images: dict[str, ImageFacts] = {}
    for ref in (ref for item in items for ref in item.images):
        facts = scan_image(ref.path, ocr=False)
        if isinstance(facts, ImageFacts):
            images[ref.path] = facts
    findings = []
    for item in items:
        evidence = Evidence(_detections(item), {r.path: images[r.path] for r in item.images if r.path in images})
        findings += evaluate(item, evidence, ruleset, ConsentRegister(None), as_of=AS_OF, lang=lang)
    findings.sort(key=lambda f: f.sort_key)
    suppressed: tuple[Suppressed, ...] = ()
    if suppress_first:
        suppressed = (Suppressed(findings[0], "Rollenadresse, freigegeben", "baseline", "Jura", "2026-11-01"),)
        findings = findings[1:]
    files = tuple(ScannedFile(str(p), "post", _sha(p)) for p in paths)
    return Report(tool_version="0.1.0", rules_sha256=ruleset.sha256, files=files, items=tuple(items),
                  findings=tuple(findings), images=images, as_of=AS_OF, lang=lang, ruleset=ruleset,
                  root=str(root), config={"fail_on": "medium", "lang": lang}, started_at=AS_OF, duration_s=1.25,
                  suppressed=suppressed)
