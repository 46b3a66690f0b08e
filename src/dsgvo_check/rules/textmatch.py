"""Text conditions: lexicons matched in the published texts, with same-sentence and near-person tests."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import regex

from dsgvo_check.model import ENTITY_TYPES, TextField
from dsgvo_check.rules.context import Context
from dsgvo_check.rules.nodes import Node
from dsgvo_check.rules.persons import Mention
from dsgvo_check.rules.phrases import Lexicon, PhraseError, compile_phrase, compile_regex, enclosing_quote

#: How far before or after a quote its speaker's name may stand (characters).
SPEAKER_REACH = 80
TEXT_KEYS = ("lexicon", "phrases", "regex", "entities", "with", "unless", "near_person", "same_gender_pair")
#: Two first names joined by 'und', '&' or '+', each maybe with a surname: 'Jakob und Benedikt', 'Mia & Jule Kovač'.
NAME_PAIR = regex.compile(r"(?<![\w-])(\p{Lu}\p{Ll}+)(?:[ \t]+\p{Lu}[\p{Ll}-]+){0,2}[ \t]*(?:und|&|\+)[ \t]*"
                          r"(\p{Lu}\p{Ll}+)(?![\w-])")


@dataclass(frozen=True, slots=True)
class Match:
    """A match in a published text."""

    field: TextField
    start: int
    end: int

    def position(self) -> tuple[int, int]:
        return self.field.position(self.start)

    @property
    def text(self) -> str:
        return self.field.text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class TextMatch:
    """Phrases/regexes to find; `with_` must and `unless` must not occur in the same sentence;
    `near_person` asks for a named person within that many sentences (or in the list the sentence introduces with
    a colon, or as the speaker named right before or after the quote the match stands in); `same_gender_pair` for
    two first names of the same gender joined by 'und' in the sentence ('Jakob und Benedikt haben geheiratet').

    `key` names the spec by its content, so equal specs of different rules share one result per item.
    """

    lexicons: tuple[Lexicon, ...]
    #: Entity types of the scanner whose detections count as matches too ('EMAIL', 'PHONE').
    entities: frozenset[str] = frozenset()
    with_: TextMatch | None = None
    unless: TextMatch | None = None
    near_person: int | None = None
    same_gender_pair: bool = False
    key: str = ""
    #: The phrases of its own lexicons, and whether it also finds what no phrase anchors (regexes, entities): a quick
    #: "cannot match" test.
    names: frozenset[str] = frozenset()
    unanchored: bool = True

    @classmethod
    def of(cls, lexicons: tuple[Lexicon, ...], entities: frozenset[str] = frozenset(), with_: TextMatch | None = None,
           unless: TextMatch | None = None, near_person: int | None = None,
           same_gender_pair: bool = False) -> TextMatch:
        """A text spec with its content key."""
        key = "\x1d".join(lexicon.key for lexicon in lexicons) + "\x1cE" + ",".join(sorted(entities))
        key += f"\x1cW{with_.key if with_ else ''}\x1cU{unless.key if unless else ''}\x1cN{near_person}"
        key += f"\x1cG{same_gender_pair}\x1b"
        names = frozenset().union(*(lexicon.names for lexicon in lexicons))
        return cls(lexicons, entities, with_, unless, near_person, same_gender_pair, key, names,
                   bool(entities) or any(lexicon.regexes for lexicon in lexicons))

    def matches(self, ctx: Context, mentions: Sequence[Mention] | None = None) -> Iterator[Match]:
        """Accepted matches in every published text of the item, in field order."""
        for field in ctx.item.fields:
            for start, end in self._spans(ctx, field):
                if self._accepts(ctx, field, start, mentions):
                    yield Match(field, start, end)

    def first(self, ctx: Context) -> Match | None:
        """The first accepted match (memoised per item, shared by equal specs)."""
        memo = ctx.memo
        key = self.key
        if key in memo:
            return memo[key]  # type: ignore[return-value]
        found = None
        anywhere = ctx.anywhere  # without an anchor of its phrases anywhere in the item, it cannot match
        possible = anywhere is None or self.unanchored or not self.names.isdisjoint(anywhere)
        for field in ctx.item.fields if possible else ():
            span = self._first_in(ctx, field)
            if span is not None:
                found = Match(field, *span)
                break
        memo[key] = found
        return found

    @property
    def plain(self) -> bool:
        """True when every match counts (no sentence test)."""
        return self.with_ is None and self.unless is None and self.near_person is None and not self.same_gender_pair

    def _first_in(self, ctx: Context, field: TextField) -> tuple[int, int] | None:
        plain = self.plain
        for span in self._spans(ctx, field):
            if plain or self._accepts(ctx, field, span[0], None):
                return span
        return None

    def within(self, ctx: Context, field: TextField, start: int, end: int) -> bool:
        """True when a match (with its own with/unless) lies inside field.text[start:end]."""
        return any(start <= s and e <= end and self._accepts(ctx, field, s, None) for s, e in self._spans(ctx, field))

    def _spans(self, ctx: Context, field: TextField) -> list[tuple[int, int]]:
        """The candidate matches in a field: each lexicon's in turn; with entity types, all in text order."""
        if len(self.lexicons) == 1 and not self.entities:
            return ctx.spans(self.lexicons[0], field)
        spans = [span for lexicon in self.lexicons for span in ctx.spans(lexicon, field)]
        return sorted(spans + ctx.detected(field, self.entities)) if self.entities else spans

    def _accepts(self, ctx: Context, field: TextField, start: int, mentions: Sequence[Mention] | None) -> bool:
        if self.plain:
            return True
        sentences = ctx.sentences(field)
        s_start, s_end = sentences.span(start)
        if self.with_ is not None and not self.with_.within(ctx, field, *sentences.with_list(field.text, start)):
            return False
        if self.unless is not None and self.unless.within(ctx, field, s_start, s_end):
            return False
        if self.same_gender_pair and not _same_gender_pair(field.text[s_start:s_end]):
            return False
        if self.near_person is None:
            return True
        if mentions is None:
            mentions = [m for person in ctx.persons for m in person.mentions]
        here = sentences.index(start)
        mine = [m for m in mentions if m.field is field]
        if any(abs(sentences.index(m.start) - here) <= self.near_person for m in mine):
            return True
        # a person in the list the sentence introduces with a colon ('Die Tickets gehen an:' / '🏆 Mareike B.')
        first, end = sentences.with_list(field.text, start)
        if any(first <= m.start < end for m in mine):
            return True
        # the speaker of a quote, named right before or after it ('„Nach meinem Bandscheibenvorfall …“ / Sabine K.')
        quote = enclosing_quote(field.text, start + 1, start + 1)  # a match may start at the opening mark
        return quote is not None and any(quote[0] - SPEAKER_REACH <= m.start < quote[0]
                                         or quote[1] < m.start <= quote[1] + SPEAKER_REACH for m in mine)


def _same_gender_pair(sentence: str) -> bool:
    """Two different first names of the same gender joined by 'und' ('Mia und Jule', 'Jakob & Benedikt')."""
    from dsgvo_check.text.lexicon import fold, lexicon

    genders = lexicon().genders
    for match in NAME_PAIR.finditer(sentence, overlapped=True):
        first, second = fold(match.group(1)), fold(match.group(2))
        if first != second and genders.get(first) is not None and genders.get(first) == genders.get(second):
            return True
    return False


def build_lexicon(phrases: Node | None, regexes: Node | None) -> Lexicon:
    """Compile phrase and regex lists; a bad entry is reported at its own line."""
    try:
        return Lexicon.build(phrases.texts() if phrases else (), regexes.texts() if regexes else ())
    except PhraseError:
        pass
    for node, check in ((phrases, compile_phrase), (regexes, compile_regex)):
        if node is not None:
            for entry in node.items() if not isinstance(node.value(), str) else [node]:
                try:
                    check(entry.text())
                except PhraseError as exc:
                    raise entry.error(str(exc)) from None
    try:
        return Lexicon.build(phrases.texts() if phrases else (), regexes.texts() if regexes else ())
    except PhraseError as exc:  # empty lists
        where = phrases if phrases is not None else regexes
        if where is None:
            raise
        raise where.error(str(exc)) from None


def parse_text(node: Node, lexicons: Mapping[str, Lexicon]) -> TextMatch:
    """A text spec: `lexicon`, `phrases`, `regex`, `entities`; optionally `with`, `unless`, `near_person`,
    `same_gender_pair`."""
    keys = node.mapping(TEXT_KEYS)
    found: list[Lexicon] = []
    for name in keys["lexicon"].texts() if "lexicon" in keys else ():
        if name not in lexicons:
            known = ", ".join(sorted(lexicons)) or "none"
            raise keys["lexicon"].error(f"unknown lexicon '{name}' (known: {known})")
        found.append(lexicons[name])
    if "phrases" in keys or "regex" in keys:
        found.append(build_lexicon(keys.get("phrases"), keys.get("regex")))
    entities = frozenset(keys["entities"].choices(ENTITY_TYPES)) if "entities" in keys else frozenset()
    if not found and not entities:
        raise node.error("a text condition needs 'lexicon', 'phrases', 'regex' or 'entities'")
    return TextMatch.of(
        tuple(found),
        entities,
        with_=parse_text(keys["with"], lexicons) if "with" in keys else None,
        unless=parse_text(keys["unless"], lexicons) if "unless" in keys else None,
        near_person=keys["near_person"].integer(0, 5) if "near_person" in keys else None,
        same_gender_pair=keys["same_gender_pair"].boolean() if "same_gender_pair" in keys else False,
    )
