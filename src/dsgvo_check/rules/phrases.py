"""German phrase lists and time-bounded regexes: compile once, prefilter by literal anchors."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

#: Seconds one regex search may take on one text before it counts as no match.
REGEX_TIMEOUT = 0.25
FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0
GAP = "..."
#: Separator between the words of a phrase: anything but word characters and sentence ends.
SEPARATOR = r"[^\w.!?\n]+"
#: Up to five arbitrary words between two words of a phrase.
GAP_PATTERN = r"(?:[^\w.!?\n]+[\w-]+){0,5}?"
MIN_ANCHOR = 3
SENTENCE_END = regex.compile(r"(?<=[.!?…])[\"“”»«)]*\s+(?=[\"„“»«(]?[\p{Lu}\d@#])|\n\s*", FLAGS & ~regex.IGNORECASE)


class PhraseError(ValueError):
    """A phrase or regex that cannot be compiled."""


def _word(token: str) -> tuple[str, tuple[str, ...]]:
    """Regex and literal pieces of one phrase word (alternatives `a|b`, wildcards `*`)."""
    if token == "*":
        return r"[\w-]+", ()
    alternatives, literals = [], []
    for alternative in token.split("|"):
        if not alternative.strip("*"):
            raise PhraseError(f"empty alternative in {token!r}")
        pieces = alternative.split("*")
        parts = [regex.escape(piece) for piece in pieces]
        alternatives.append(r"[\w-]*".join(parts))
        literals.append(max(pieces, key=len).lower())
    return "(?:" + "|".join(alternatives) + ")", tuple(literals)


def compile_phrase(phrase: str) -> tuple[str, frozenset[str] | None]:
    """The regex of a phrase and its anchors (None: no literal that every match contains)."""
    tokens = phrase.split()
    if not tokens or all(t in ("*", GAP) for t in tokens):
        raise PhraseError(f"phrase {phrase!r} has no word")
    if tokens[0] == GAP or tokens[-1] == GAP:
        raise PhraseError(f"phrase {phrase!r} must not start or end with '...'")
    parts: list[str] = []
    best: tuple[str, ...] = ()
    for index, token in enumerate(tokens):
        if token == GAP:
            parts.append(GAP_PATTERN)
            continue
        pattern, literals = _word(token)
        if index:
            parts.append(SEPARATOR)
        parts.append(pattern)
        if literals and min(map(len, literals)) > min(map(len, best), default=0):
            best = literals
    body = "".join(parts)
    anchors = frozenset(best) if best and min(map(len, best)) >= MIN_ANCHOR else None
    return r"(?<!\w)" + body + r"(?![\w-])", anchors


def _minimal(anchors: set[str]) -> frozenset[str]:
    """Drop anchors that contain a shorter anchor: the shorter one is found whenever they are."""
    ordered = sorted(anchors, key=len)
    kept: list[str] = []
    for anchor in ordered:
        if not any(short in anchor for short in kept):
            kept.append(anchor)
    return frozenset(kept)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Phrases and regexes joined into one pattern, tried only when an anchor occurs."""

    pattern: Any
    anchors: frozenset[str] | None
    source: tuple[str, ...]

    @classmethod
    def build(cls, phrases: Sequence[str], regexes: Sequence[str]) -> Lexicon:
        """Compile phrases and regexes; PhraseError for anything that does not compile."""
        branches: list[str] = []
        anchors: set[str] | None = set()
        for phrase in phrases:
            body, found = compile_phrase(phrase)
            branches.append(body)
            anchors = None if anchors is None or found is None else anchors | found
        for expression in regexes:
            _check_regex(expression)
            branches.append(expression)
            anchors = None
        if not branches:
            raise PhraseError("neither phrases nor regular expressions given")
        joined = "|".join(f"(?:{branch})" for branch in branches)
        pattern = regex.compile(joined, FLAGS)
        return cls(pattern, None if anchors is None else _minimal(anchors), (*phrases, *regexes))

    def possible(self, lower: str) -> bool:
        """False when no anchor occurs in the lower-cased text, so no match is possible."""
        return self.anchors is None or any(anchor in lower for anchor in self.anchors)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """Spans of non-overlapping matches; a search that runs out of time yields nothing more."""
        try:
            for match in self.pattern.finditer(text, start, len(text) if end is None else end,
                                               timeout=REGEX_TIMEOUT):
                if match.end() > match.start():
                    yield match.start(), match.end()
        except TimeoutError:
            return

    def search(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """True when the pattern matches within text[start:end]."""
        return next(self.finditer(text, start, end), None) is not None


def _check_regex(expression: str) -> None:
    try:
        compiled = regex.compile(expression, FLAGS)
    except regex.error as exc:
        raise PhraseError(f"bad regular expression {expression!r}: {exc}") from None
    if compiled.search("", timeout=REGEX_TIMEOUT) is not None:
        raise PhraseError(f"regular expression {expression!r} matches the empty text")


@dataclass(frozen=True, slots=True)
class Sentences:
    """Sentence boundaries of one text, for 'same sentence' and 'near a person' tests."""

    starts: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, text: str) -> Sentences:
        """Split at . ! ? followed by a capital, and at line breaks."""
        starts = [0, *(m.end() for m in SENTENCE_END.finditer(text))]
        return cls(tuple(starts), len(text))

    def index(self, offset: int) -> int:
        """Number of the sentence holding the character at offset."""
        return bisect.bisect_right(self.starts, offset) - 1

    def span(self, offset: int, around: int = 0) -> tuple[int, int]:
        """Character span of the sentence at offset, widened by `around` sentences each side."""
        index = self.index(offset)
        first = max(0, index - around)
        last = index + around + 1
        end = self.starts[last] if last < len(self.starts) else self.length
        return self.starts[first], end
