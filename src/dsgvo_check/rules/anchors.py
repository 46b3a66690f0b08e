"""One search per text for the whole rule set: which phrases have an anchor in it (a trie of all anchors)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dsgvo_check.rules.phrases import Lexicon, lead_literals
from dsgvo_check.wordtrie import trie_pattern

#: A literal that starts with a word character: after a non-word character, `\b` holds before it.
WORD_START = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class AnchorIndex:
    """Which phrases of a whole rule set have an anchor in a text, found by one regex search per text.

    An anchor of a plain word (`verlos*`) can only match at a word start; one search with a trie of
    all of them reports at every word start the longest that starts there, and stands for its prefixes
    too. Anchors of `*stem` words may stand inside a word and are tested with `in`. A phrase left out
    cannot match, so `Lexicon.find` with the result finds what it finds without it, only faster.
    """

    finder: str | None
    by_anchor: Mapping[str, frozenset[str]]
    inside: tuple[tuple[str, frozenset[str]], ...]
    always: frozenset[str]
    #: The finder compiled on first use (loading and unpickling a rule set compile nothing).
    compiled: list[re.Pattern[str]] = dataclasses.field(default_factory=list, compare=False, repr=False)

    @classmethod
    def build(cls, lexicons: Iterable[Lexicon]) -> AnchorIndex:
        """The index over the phrases of these lexicons."""
        at_start: dict[str, set[str]] = {}
        inside: dict[str, set[str]] = {}
        always: set[str] = set()
        for lexicon in lexicons:
            for phrase, (anchors, _patterns) in zip(lexicon.source, lexicon.phrases, strict=False):
                if anchors is None:
                    always.add(phrase)
                lead = lead_literals(phrase)
                for anchor in anchors or ():
                    where = inside if anchor in lead or not WORD_START.match(anchor) else at_start
                    where.setdefault(anchor, set()).add(phrase)
        by_anchor = {anchor: frozenset(p for n in range(1, len(anchor) + 1) for p in at_start.get(anchor[:n], ()))
                     for anchor in at_start}
        finder = rf"\b(?=({trie_pattern(at_start)}))" if at_start else None
        return cls(finder, by_anchor, tuple((a, frozenset(p)) for a, p in sorted(inside.items())), frozenset(always))

    def active(self, lower: str) -> frozenset[str]:
        """The phrases that can match in the lower-cased text: an anchor occurs where it can match."""
        by_anchor = self.by_anchor
        parts = [by_anchor[anchor] for anchor in set(self._finder().findall(lower))] if self.finder else []
        parts += [phrases for anchor, phrases in self.inside if anchor in lower]
        return self.always.union(*parts)


    def _finder(self) -> re.Pattern[str]:
        if not self.compiled:
            self.compiled.append(re.compile(self.finder or ""))
        return self.compiled[0]


def rule_lexicons(*roots: object) -> list[Lexicon]:
    """Every lexicon reachable from compiled rules, conditions and checks (shared ones once)."""
    found: dict[int, Lexicon] = {}
    stack = list(roots)
    while stack:
        value = stack.pop()
        if isinstance(value, Lexicon):
            found.setdefault(id(value), value)
        elif isinstance(value, tuple | list):
            stack.extend(value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            stack.extend(getattr(value, field.name) for field in dataclasses.fields(value))
    return list(found.values())
