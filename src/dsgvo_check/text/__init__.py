"""The German personal-data scanner: detect(fields) -> Detections; spaCy is imported on first use only."""

from __future__ import annotations

from collections.abc import Sequence

from dsgvo_check.model import Detection, TextField
from dsgvo_check.text.hits import Hit, may_spell_email
from dsgvo_check.text.lexicon import fold, lexicon
from dsgvo_check.text.lowercase import lower_case_style
from dsgvo_check.text.persons import surname_context

BATCH_SIZE = 256
#: Up to this many texts (a commit of a few posts) and without a trained pipeline, the finder chain runs
#: on the plain strings: importing spaCy (about 1 s) would cost more than the whole check. Same hits.
FEW_TEXTS = 64


def detect(fields: Sequence[TextField], *, model: str | None = None) -> list[Detection]:
    """Personal data in the published texts `fields`; `model` names a trained spaCy pipeline to add (opt-in)."""
    if model is None and len(fields) <= FEW_TEXTS:
        from dsgvo_check.text.finders import find_all

        return [_detection(field, hit) for field in fields for hit in find_all(field.text)]
    from dsgvo_check.text.pipeline import build, hits_of

    nlp = build(model)
    texts = (field.text for field in fields)
    return [_detection(field, hit) for field, doc in zip(fields, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True)
            for hit in hits_of(doc)]


def _detection(field: TextField, hit: Hit) -> Detection:
    return Detection(hit.entity, field, hit.start, hit.end, field.text[hit.start:hit.end], hit.score, hit.source,
                     hit.reason)


def needs_nlp(text: str) -> bool:
    """False only for text in which detect() cannot find anything (no digit, @, #, title or first name, not
    written all in lower case, no surname context such as a match report's scorers)."""
    if "@" in text or "#" in text or "::" in text or may_spell_email(text) or any(ch.isdigit() for ch in text):
        return True
    folded = fold(text)
    return bool(lexicon().anchor_words(folded)) or lower_case_style(text) or surname_context(folded)
