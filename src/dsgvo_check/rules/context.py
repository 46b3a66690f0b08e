"""What the rules look at for one item, with per-item caches (lower-cased texts, matches, persons)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from dsgvo_check.model import ConsentRegister, Evidence, Item, TextField
from dsgvo_check.rules.phrases import Lexicon, Sentences

if TYPE_CHECKING:
    from dsgvo_check.rules.anchors import AnchorIndex
    from dsgvo_check.rules.persons import Person

#: The gender star, colon or slash inside a word ('Gewinner*innen', 'Kund:innen'): read as '_', a word character, so
#: that phrases see one word ('*gewinner*' matches 'gewinner_innen'); one character for one, positions stay.
GENDER_GAP = re.compile(r"(?<=\w)[*:/](?=in(?:nen)?\b)")

#: Gates (`Check.gate`), besides entity types: what an item must have for a check to be able to hit.
ALWAYS, NEVER, IMAGES, PERSONS = "", "-never", "-images", "-persons"


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a rule fires and what its message should name (`detail_de`/`detail_en` per language)."""

    line: int
    column: int
    entity: str | None = None
    text: str | None = None
    field: str | None = None
    values: Mapping[str, str] = dataclasses.field(default_factory=dict)


def judge_day(item: Item, as_of: datetime) -> date:
    """The day an item is judged at: its publish date, else the as-of date."""
    return item.publish_at.date() if item.publish_at is not None else as_of.date()


class Context:
    """One item under evaluation. Caches live only as long as this object (one item)."""

    __slots__ = ("_folded", "_lower", "_persons", "_present", "_sentences", "_spans", "anywhere", "as_of", "day",
                 "evidence", "index", "item", "memo", "register")

    def __init__(self, item: Item, evidence: Evidence, register: ConsentRegister, as_of: datetime,
                 index: AnchorIndex | None = None) -> None:
        self.item = item
        self.index = index
        self.evidence = evidence
        self.register = register
        self.as_of = as_of
        self.day = judge_day(item, as_of)
        self.memo: dict[str, object] = {}
        self._lower: dict[int, str] = {}
        self._folded: dict[int, str] = {}
        self._sentences: dict[int, Sentences] = {}
        self._present: dict[int, frozenset[str]] = {}
        #: The phrases whose anchors occur in some text of the item (None without an index: unknown).
        self.anywhere: frozenset[str] | None = None
        if index is not None:
            self.anywhere = frozenset().union(*(self.present(field, index) for field in item.fields))
        self._spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self._persons: list[Person] | None = None

    def lower(self, field: TextField) -> str:
        """The field's text in lower case, gender stars read as '_' (computed once)."""
        key = id(field)
        found = self._lower.get(key)
        if found is None:
            lower = field.text.lower()
            gap = "*in" in lower or ":in" in lower or "/in" in lower
            found = self._lower[key] = GENDER_GAP.sub("_", lower) if gap else lower
        return found

    def folded(self, field: TextField) -> str:
        """The field's text case-folded, for the literal prefilters of regexes (computed once)."""
        key = id(field)
        found = self._folded.get(key)
        if found is None:
            found = self._folded[key] = field.text.casefold()
        return found

    def sentences(self, field: TextField) -> Sentences:
        """The field's sentence boundaries (computed once)."""
        key = id(field)
        found = self._sentences.get(key)
        if found is None:
            found = self._sentences[key] = Sentences.of(field.text)
        return found

    def present(self, field: TextField, index: AnchorIndex) -> frozenset[str]:
        """The phrases of the rule set whose anchors occur in the field (one search, once per item)."""
        key = id(field)
        found = self._present.get(key)
        if found is None:
            found = self._present[key] = index.active(self.lower(field))
        return found

    def spans(self, lexicon: Lexicon, field: TextField) -> list[tuple[int, int]]:
        """All matches of a lexicon in a field (searched once per item, skipped without an anchor)."""
        key = (lexicon.key, id(field))
        found = self._spans.get(key)
        if found is None:
            lower = self.lower(field)
            if self.index is None:
                found = lexicon.find(field.text, lower) if lexicon.possible(lower) else []
            else:
                present = self.present(field, self.index)
                found = lexicon.find(field.text, lower, present, self.folded(field) if lexicon.regexes else "") if (
                    lexicon.regexes or not lexicon.names.isdisjoint(present)) else []
            self._spans[key] = found
        return found

    def detected(self, field: TextField, entities: frozenset[str]) -> list[tuple[int, int]]:
        """Spans of the scanner's detections of these entity types in the field."""
        return [(d.start, d.end) for d in self.evidence.detections
                if d.entity in entities and (d.field is field or d.field == field)]

    @property
    def persons(self) -> list[Person]:
        """The identifiable persons of the item (named, listed, tagged), built once."""
        if self._persons is None:
            from dsgvo_check.rules.persons import find_persons
            self._persons = find_persons(self.item, self.evidence, self.register)
        return self._persons
