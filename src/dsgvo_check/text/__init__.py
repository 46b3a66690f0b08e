"""The German personal-data scanner: detect(fields) -> Detections; spaCy is imported on first use only."""

from __future__ import annotations

from collections.abc import Sequence

from dsgvo_check.model import Detection, TextField
from dsgvo_check.text.lexicon import lexicon

BATCH_SIZE = 256


def detect(fields: Sequence[TextField], *, model: str | None = None) -> list[Detection]:
    """Personal data in the published texts `fields`; `model` names a trained spaCy pipeline to add (opt-in)."""
    from dsgvo_check.text.pipeline import build, hits_of

    nlp = build(model)
    detections: list[Detection] = []
    texts = (field.text for field in fields)
    for field, doc in zip(fields, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
        detections += [Detection(hit.entity, field, hit.start, hit.end, field.text[hit.start:hit.end], hit.score,
                                 hit.source, hit.reason) for hit in hits_of(doc)]
    return detections


def needs_nlp(text: str) -> bool:
    """False only for text in which detect() cannot find anything (no digit, @, #, title or first name)."""
    if "@" in text or "#" in text or "::" in text or any(ch.isdigit() for ch in text):
        return True
    return bool(lexicon().anchor_words(text))
