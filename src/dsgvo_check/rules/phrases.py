"""German phrase lists and time-bounded regexes: compiled once, each phrase prefiltered by literal anchors."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

import regex

from dsgvo_check.rules.prefilter import Requirement, meets, required_literals

#: Seconds one regex search may take on one text before it counts as no match.
REGEX_TIMEOUT = 0.25
FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0
GAP = "..."
MIN_ANCHOR = 2
#: Anchors are cut to this many letters: fewer substring tests per text, a few more regex runs.
ANCHOR_KEEP = 4
# A sentence ends at . ! ? before a capital (not at a suspense ellipsis: 'Gewonnen hat … @lotta.backt!'; not after a
# day or an ordinal: 'bis zum 30. April', '2. Platz', 'ihren 100. Geburtstag'; not after an abbreviation: 'Dr. Arslan',
# 'geb. 02.04.1951', 'z. B.'), and at a line break.
SENTENCE_END = regex.compile(r"[.!?…](?<!(?<!\d)\d{1,3}\.)(?<!\.\.\.|…)"
                             r"(?<!\b(?:Dr|Prof|Dipl|Ing|med|dent|vet|rer|nat|phil|jur|geb|verh|verw|bzw|ca|Nr|Str|St|"
                             r"Hr|Fr|Fam|Tel|evtl|inkl|zzgl|ggf|usw|vgl|Jh|Abt|Mio|Mrd|Std|"
                             r"[a-z])\.)(?<![Ss]tr\.)(?<!\bz\.\s?B\.)[\"“”»«)]*\s+(?=[\"„“»«(]?[\p{Lu}\d@#])|\n\s*",
                             FLAGS & ~regex.IGNORECASE)
# In a text written all in lower case a sentence ends at its punctuation whatever follows ('… ganz der alte. bei der
# sonne …'); abbreviations with a single letter stay ('z.b. ', 'u.a. ').
LOWER_SENTENCE_END = regex.compile(r"[.!?…]+(?<!\b[a-z]\.)[\"“”»«)]*\s+|\n\s*")
# The start of a list item: a bullet, dash, number, keycap or other symbol ('➡️', '👉', '✅', '1️⃣').
LIST_ITEM = regex.compile(r"[-–*•▪►▶]|\d{1,2}[.)]|\d\ufe0f?\u20e3|\p{So}")


#: German quotation marks: the opening one and the closing ones that end it.
QUOTE_PAIRS = {"„": "“”", "»": "«"}
CLOSING_QUOTES = ("“", "”", "«")


class PhraseError(ValueError):
    """A phrase or regex that cannot be compiled."""


STRIP = ".,;:!?\"'()„“”»«"
STEM = re.compile(r"[\w.'’&@-]*\w[\w.'’-]*")
#: Separator between the words of a phrase: anything but word characters and sentence ends.
SEPARATOR = r"[^\w.!?\n]+"
#: Up to five arbitrary words between two words of a phrase, in the same sentence (a date like 27.12. is a word).
GAP_PATTERN = r"(?:[^\w.!?\n]+(?:\d+\.(?:\d+\.?)*|[\w-]+)){0,5}?"


def _alternative(alternative: str, token: str) -> tuple[str, str, bool]:
    """Regex, literal and leading-wildcard flag of one alternative of a phrase word."""
    stem = alternative.strip("*")
    if not stem or "*" in stem or not STEM.fullmatch(stem):
        raise PhraseError(f"bad phrase word {alternative!r} in {token!r}: a word, with * only at its ends")
    lead = alternative.startswith("*")
    pattern = (r"[\w-]*" if lead else "") + re.escape(stem.lower()) + (r"[\w-]*" if alternative.endswith("*") else "")
    return pattern, stem.lower(), lead


def _word(token: str) -> tuple[str, tuple[str, ...]]:
    """Regex and literals of one phrase word: alternatives `a|b`, `stem*`, `*stem`, `*stem*`, or `*`."""
    if token == "*":
        return r"[\w-]+", ()
    parts = [_alternative(alternative, token) for alternative in token.split("|")]
    return "(?:" + "|".join(p for p, _, _ in parts) + ")", tuple(lit for _, lit, _ in parts)


def compile_phrase(phrase: str) -> tuple[tuple[tuple[bool, str], ...], frozenset[str] | None]:
    """Regexes of a phrase (split by leading wildcard of its first word; compiled on first use) and anchors."""
    tokens = phrase.split()
    if not tokens or all(t in ("*", GAP) for t in tokens):
        raise PhraseError(f"phrase {phrase!r} has no word")
    if tokens[0] == GAP or tokens[-1] == GAP or any(
            a == GAP and b == GAP for a, b in itertools.pairwise(tokens)):
        raise PhraseError(f"phrase {phrase!r} must not start or end with '...' or repeat it")
    parts: list[str] = []
    best: tuple[str, ...] = ()
    for index, token in enumerate(tokens):
        if token == GAP:
            parts.append(GAP_PATTERN)
            continue
        pattern, literals = _word(token)
        parts += [SEPARATOR, pattern] if index else [pattern]
        if literals and min(map(len, literals)) > min(map(len, best), default=0):
            best = literals
    anchors = frozenset(best) if best and min(map(len, best)) >= MIN_ANCHOR else None
    rest = "".join(parts[1:]) + r"(?![\w-])"
    firsts = [_alternative(a, tokens[0]) for a in tokens[0].split("|")] if tokens[0] != "*" else [
        (r"[\w-]+", "", False)]
    # Matched on the lower-cased text without look-behind, so the engine can skip to a first letter.
    # A leading wildcard is matched from its stem; the span is widened to the word start afterwards.
    compiled = []
    for lead in (False, True):
        chosen = [p.removeprefix(r"[\w-]*") if lead else p for p, _, is_lead in firsts if is_lead == lead]
        if chosen:
            compiled.append((lead, "(?:" + "|".join(chosen) + ")" + rest))
    return tuple(compiled), anchors


def lead_literals(phrase: str) -> frozenset[str]:
    """Literals of the phrase's `*stem` alternatives: they may match inside a word, the others at a word start."""
    return frozenset(alternative.strip("*").lower() for token in phrase.split() for alternative in token.split("|")
                     if alternative.startswith("*") and alternative.strip("*"))


def minimal_anchors(anchors: set[str], keep: int = ANCHOR_KEEP) -> frozenset[str]:
    """Fewer, shorter anchors: cut to `keep` letters, drop those containing a shorter one."""
    kept: list[str] = []
    for anchor in sorted({a[:keep] for a in anchors}, key=len):
        if not any(short in anchor for short in kept):
            kept.append(anchor)
    return frozenset(kept)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Phrases and regexes; each phrase is tried only when one of its anchors occurs in the text."""

    phrases: tuple[tuple[frozenset[str] | None, tuple[tuple[bool, str], ...]], ...]
    regexes: tuple[str, ...]
    anchors: frozenset[str] | None
    source: tuple[str, ...]
    #: The phrases' own texts (the keys of an AnchorIndex).
    names: frozenset[str] = frozenset()
    #: The lexicon by its content: equal lexicons of different rules share their matches per item.
    key: str = ""
    #: Regexes by phrase text.
    by_name: Mapping[str, tuple[tuple[bool, str], ...]] = field(default_factory=dict, compare=False)
    #: Per regex, literal requirements that each match meets (prefilter.meets; None: always search).
    regex_needs: tuple[tuple[Requirement, ...] | None, ...] = ()
    #: Patterns compiled on first use, so that loading (and unpickling) a rule set compiles nothing.
    compiled: dict[tuple[bool, str], Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, phrases: Sequence[str], regexes: Sequence[str]) -> Lexicon:
        """Compile phrases and regexes; PhraseError for anything that does not compile."""
        compiled = tuple((anchors, patterns) for patterns, anchors in map(compile_phrase, phrases))
        for expression in regexes:
            compile_regex(expression)
        patterns = tuple(regexes)
        if not compiled and not patterns:
            raise PhraseError("neither phrases nor regular expressions given")
        anchors: set[str] | None = None if patterns else set()
        for phrase_anchors, _patterns in compiled:
            anchors = None if anchors is None or phrase_anchors is None else anchors | phrase_anchors
        source = (*phrases, *regexes)
        return cls(compiled, patterns, None if anchors is None else minimal_anchors(anchors), source,
                   frozenset(phrases), f"{len(phrases)}\x1e" + "\x1f".join(source),
                   {phrase: patterns for phrase, (_, patterns) in zip(phrases, compiled, strict=True)},
                   tuple(map(required_literals, regexes)))

    def possible(self, lower: str) -> bool:
        """False when no anchor occurs in the lower-cased text, so no match is possible."""
        return self.anchors is None or any(anchor in lower for anchor in self.anchors)

    def find(self, text: str, lower: str, present: Set[str] | None = None, folded: str = "") -> list[tuple[int, int]]:
        """Spans of all matches in `text` (`lower` is text.lower(), `folded` text.casefold() or computed here), sorted.

        `present` (AnchorIndex.active) names the phrases whose anchors occur; without it each is checked here.
        """
        found: list[tuple[int, int]] = []
        if present is None:
            active = [patterns for anchors, patterns in self.phrases
                      if anchors is None or any(anchor in lower for anchor in anchors)]
        else:
            active = [self.by_name[name] for name in self.names.intersection(present)]
        if active and len(lower) != len(text):  # a character whose lower case is longer: match a folded copy
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        cache = self.compiled
        for patterns in active:
            for lead, source in patterns:
                pattern = cache.get((False, source)) or self._compile(source, False)
                for match in pattern.finditer(lower):
                    start = match.start()
                    if lead:
                        while start and (_wordish(lower[start - 1]) or lower[start - 1] == "-"):
                            start -= 1
                    elif start and _wordish(lower[start - 1]):
                        continue
                    found.append((start, match.end()))
        if self.regexes:
            found += self._regex_spans(text, folded)
        return sorted(set(found)) if len(found) > 1 else found

    def _regex_spans(self, text: str, folded: str) -> list[tuple[int, int]]:
        """Spans of the regexes, each skipped when none of its required strings occurs in the text."""
        found: list[tuple[int, int]] = []
        for expression, needs in itertools.zip_longest(self.regexes, self.regex_needs):
            if needs is not None:
                folded = folded or text.casefold()
                if not meets(needs, text, folded):
                    continue
            compiled = self.compiled.get((True, expression)) or self._compile(expression, True)
            try:
                found += [m.span() for m in compiled.finditer(text, timeout=REGEX_TIMEOUT) if m.end() > m.start()]
            except TimeoutError:
                continue
        return found

    def _compile(self, source: str, is_regex: bool) -> Any:
        compiled = regex.compile(source, FLAGS) if is_regex else re.compile(source)
        self.compiled[(is_regex, source)] = compiled
        return compiled

    def search(self, text: str) -> bool:
        """True when the lexicon matches somewhere in `text`."""
        lower = text.lower()
        return self.possible(lower) and bool(self.find(text, lower))


def _wordish(char: str) -> bool:
    return char.isalnum() or char == "_"


def compile_regex(expression: str) -> Any:
    """A case-insensitive regex for the `regex` module, searched with a timeout; PhraseError if bad."""
    try:
        compiled = regex.compile(expression, FLAGS)
    except regex.error as exc:
        raise PhraseError(f"bad regular expression {expression!r}: {exc}") from None
    if compiled.search("", timeout=REGEX_TIMEOUT) is not None:
        raise PhraseError(f"regular expression {expression!r} matches the empty text")
    return compiled


def enclosing_quote(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The opening and closing mark of the German quote („…“, »…«) of the paragraph that text[start:end] stands
    in, or None outside a quote."""
    paragraph_start = text.rfind("\n\n", 0, start) + 1
    opened = max(text.rfind(quote, paragraph_start, start) for quote in QUOTE_PAIRS)
    if opened < 0 or any(text.rfind(quote, opened, start) >= 0 for quote in CLOSING_QUOTES):
        return None
    paragraph_end = text.find("\n\n", end)
    closed = [found for quote in QUOTE_PAIRS[text[opened]]
              if (found := text.find(quote, end, paragraph_end if paragraph_end >= 0 else len(text))) >= 0]
    return (opened, min(closed)) if closed else None


@dataclass(frozen=True, slots=True)
class Sentences:
    """Sentence boundaries of one text, for 'same sentence' and 'near a person' tests."""

    starts: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, text: str) -> Sentences:
        """Split at . ! ? followed by a capital (in a text all in lower case: by any word), and at line breaks."""
        pattern = LOWER_SENTENCE_END if text.islower() else SENTENCE_END
        starts = [0, *(m.end() for m in pattern.finditer(text))]
        return cls(tuple(starts), len(text))

    def index(self, offset: int) -> int:
        """Number of the sentence holding the character at offset."""
        return bisect.bisect_right(self.starts, offset) - 1

    def with_list(self, text: str, offset: int) -> tuple[int, int]:
        """The sentence at offset together with the list it introduces with a colon, or, for an item of such a
        list, the introducing sentence and the whole list ('Schickt uns eine DM mit:' / '📝 Namen' / '🏠 Adresse'):
        what a sentence asks for is often listed so."""
        index = self.index(offset)
        first = index
        while first > 0 and self._is_item(text, first) and not self._ends_with_colon(text, first):
            first -= 1
        if first < index and not self._ends_with_colon(text, first):
            first = index  # items of no colon's list
        last = first
        if self._ends_with_colon(text, first):
            while last + 1 < len(self.starts) and self._is_item(text, last + 1):
                last += 1
        last = max(last, index)
        end = self.starts[last + 1] if last + 1 < len(self.starts) else self.length
        return self.starts[first], end

    def _is_item(self, text: str, index: int) -> bool:
        start = self.starts[index]
        return text[start - 1:start] == "\n" and LIST_ITEM.match(text, start) is not None

    def _ends_with_colon(self, text: str, index: int) -> bool:
        last = (self.starts[index + 1] if index + 1 < len(self.starts) else self.length) - 1
        while last > self.starts[index] and text[last].isspace():
            last -= 1
        return text[last:last + 1] == ":"

    def span(self, offset: int, around: int = 0) -> tuple[int, int]:
        """Character span of the sentence at offset, widened by `around` sentences each side."""
        index = self.index(offset)
        first = max(0, index - around)
        last = index + around + 1
        end = self.starts[last] if last < len(self.starts) else self.length
        return self.starts[first], end
