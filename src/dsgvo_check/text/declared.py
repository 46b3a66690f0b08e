"""Names an item declares (its `people` entries and the people of its images): where the texts mention them,
they are personal data even when the finders alone could not tell ('Ernst Halbritter', 'Mai macht heute die
Wassergymnastik'); the declaring fields themselves are inputs, not findings (CONTRACT §2)."""

from __future__ import annotations

from collections.abc import Sequence

from dsgvo_check.model import Detection, Item
from dsgvo_check.text.hits import whole_word_spans
from dsgvo_check.text.lexicon import CALENDAR_WORDS, lexicon, previous_word, used_as_word

SOURCE = "dsgvo_declared_person"
REASON = "als Person des Beitrags eingetragen"
# Characters that glue a name to a handle, hashtag or compound: '@anna', '#anna', 'Anna-Lena', 'anna_m'.
NAME_JOINERS = "_@#-"


def with_declared_people(item: Item, detections: Sequence[Detection]) -> tuple[Detection, ...]:
    """The detections plus a PERSON for each mention of a declared person that none covers yet; a full name
    replaces the parts the finders found of it ('Sevgi' + 'Demirtaş' -> 'Sevgi Demirtaş')."""
    names = [ref.name for ref in item.people] + [name for image in item.images for name in image.people]
    variants = _variants(names)
    kept = list(detections)
    for text_field in item.fields if variants else ():
        for variant in variants:
            for start, end in whole_word_spans(text_field.text, variant, NAME_JOINERS):
                inside = [d for d in kept if d.field is text_field and d.start < end and start < d.end]
                if any(d.entity != "PERSON" or d.start < start or d.end > end or (d.start, d.end) == (start, end)
                       for d in inside) or (not inside and _a_word_here(text_field.text, start, variant)):
                    continue
                kept = [d for d in kept if d not in inside]
                kept.append(Detection("PERSON", text_field, start, end, variant, 0.9, SOURCE, REASON))
    return tuple(kept)


def _variants(names: list[str]) -> list[str]:
    """Full names, then first names on their own where only one declared person has them (a surname alone
    is left to the finders: it often names the business, 'Weißhaupt & Kerner'), longest first."""
    full = {" ".join(name.split()) for name in names if name.strip()}
    firsts = [name.split()[0] for name in full if len(name.split()) > 1]
    words = lexicon()
    single = {w for w in firsts if len(w) > 2 and w[0].isupper() and firsts.count(w) == 1
              and (w not in words.common_words or w in words.first_names)}
    return sorted(full | single, key=len, reverse=True)


def _a_word_here(text: str, start: int, variant: str) -> bool:
    """A lone name that is also a word or a month, used as one: after an article or preposition ('Im Ernst',
    'Anfang Mai', 'mit Ernst bei der Sache')."""
    words = lexicon()
    if " " in variant or not (variant in words.ambiguous or variant in words.common_words or variant in CALENDAR_WORDS):
        return False
    return used_as_word(text, start) or (variant in CALENDAR_WORDS and previous_word(text, start).rstrip(".").isdigit())

