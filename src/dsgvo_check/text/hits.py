"""What a finder reports: a labelled character span with a confidence and a reason."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# ASCII digits, as the validators read them: `[0-9]` is tested twice as fast as `\d` at every character.
DIGIT = re.compile(r"[0-9]")
# At least 7 digits joined by spaces, slashes, dashes or brackets (not dots: dates and prices split there).
LONG_NUMBER = re.compile(r"[0-9](?:[ \t/()\u2013-]*[0-9]){6}")


@dataclass(frozen=True, slots=True)
class Hit:
    """A piece of personal data at text[start:end]."""

    entity: str
    start: int
    end: int
    score: float
    reason: str
    source: str = ""

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def whole_word_spans(text: str, word: str, joiners: str = "",
                     joiners_after: str | None = None) -> list[tuple[int, int]]:
    """Where `word` stands in `text` as a whole word (case-sensitive, as names are written): no letter or digit,
    nor one of `joiners`, right before it, nor after it (there `joiners_after`, where given)."""
    after_joiners = joiners if joiners_after is None else joiners_after
    found, start = [], text.find(word) if word else -1
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in joiners or after.isalnum() or after in after_joiners):
            found.append((start, end))
        start = text.find(word, end)
    return found


def window(text: str, start: int, end: int, before: int, after: int = 0) -> tuple[str, str]:
    """The text just before `start` and just after `end` (what context words are looked for in)."""
    return text[max(0, start - before):start], text[end:end + after]


@functools.lru_cache(maxsize=1024)
def has_digit(text: str) -> bool:
    """Cheap gate for the finders of numbers: every one of them needs a digit (cached like the next)."""
    return DIGIT.search(text) is not None


@functools.lru_cache(maxsize=1024)
def has_long_number(text: str) -> bool:
    """Cheap gate for phone, IBAN, card and id numbers: a digit run of at least 7 digits.

    Cached for the last texts: every finder of a doc asks about the same string, and the pipeline runs each
    component over a whole batch (256 docs) before the next."""
    return LONG_NUMBER.search(text) is not None


@functools.lru_cache(maxsize=1024)
def lowered(text: str) -> str:
    """text.lower(), cached like the gates: the birth date and id finders look for their words in it."""
    return text.lower()


def may_spell_email(text: str) -> bool:
    """Cheap gate: only a text with '(at)', '[at]', '(ät)', ' punkt ' or ' dot ' may hold a spelled-out address."""
    return "t)" in text or "t]" in text or "T)" in text or " punkt " in text or " dot " in text


def overlaps_any(hits: list[Hit], start: int, end: int) -> bool:
    """True when [start, end) overlaps a hit already found."""
    return any(hit.overlaps(start, end) for hit in hits)
