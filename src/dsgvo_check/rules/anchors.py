"""One search per text for the whole rule set: which phrases have an anchor in it (an Aho-Corasick automaton)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import ahocorasick

from dsgvo_check.rules.phrases import Lexicon, lead_literals

#: A literal that starts with a word character: after a non-word character, `\b` holds before it.
WORD_START = re.compile(r"\w")
NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class AnchorIndex:
    """Which phrases of a whole rule set have an anchor in a text, found by one pass over the text.

    All anchors go into one Aho-Corasick automaton, which reports every occurrence of each. An anchor of a
    plain word (`verlos*`) counts only at a word start; anchors of `*stem` words may stand inside a word. A
    phrase left out cannot match, so `Lexicon.find` with the result finds what it finds without it, only faster.
    """

    #: Per anchor: the phrases it stands for at a word start, and those it stands for anywhere.
    anchors: Mapping[str, tuple[frozenset[str], frozenset[str]]]
    always: frozenset[str]
    #: The automaton built on first use (loading and unpickling a rule set build nothing).
    compiled: list[ahocorasick.Automaton] = dataclasses.field(default_factory=list, compare=False, repr=False)

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
        return cls({anchor: (frozenset(at_start.get(anchor, NONE)), frozenset(inside.get(anchor, NONE)))
                    for anchor in at_start.keys() | inside.keys()}, frozenset(always))

    def active(self, lower: str) -> frozenset[str]:
        """The phrases that can match in the lower-cased text: an anchor occurs where it can match."""
        parts: list[frozenset[str]] = []
        for end, (length, at_start, anywhere) in self._automaton().iter(lower):
            if anywhere:
                parts.append(anywhere)
            if at_start:
                start = end - length + 1  # the automaton reports the index of an occurrence's last character
                if not start or not (lower[start - 1].isalnum() or lower[start - 1] == "_"):
                    parts.append(at_start)
        return self.always.union(*parts)

    def _automaton(self) -> ahocorasick.Automaton:
        if not self.compiled:
            automaton = ahocorasick.Automaton()
            for anchor, (at_start, anywhere) in self.anchors.items():
                automaton.add_word(anchor, (len(anchor), at_start, anywhere))
            automaton.make_automaton()
            self.compiled.append(automaton)
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
