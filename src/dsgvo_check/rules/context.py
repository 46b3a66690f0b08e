"""What the rules look at for one item, with per-item caches (lower-cased texts, matches, persons)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from dsgvo_check.model import ConsentRegister, Evidence, Item, TextField
from dsgvo_check.rules.phrases import Lexicon, Sentences

if TYPE_CHECKING:
    from dsgvo_check.rules.persons import Person


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

    __slots__ = ("_lower", "_persons", "_sentences", "_spans", "as_of", "day", "evidence", "item",
                 "memo", "register")

    def __init__(self, item: Item, evidence: Evidence, register: ConsentRegister, as_of: datetime) -> None:
        self.item = item
        self.evidence = evidence
        self.register = register
        self.as_of = as_of
        self.day = judge_day(item, as_of)
        self.memo: dict[int, object] = {}
        self._lower: dict[int, str] = {}
        self._sentences: dict[int, Sentences] = {}
        self._spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._persons: list[Person] | None = None

    def lower(self, field: TextField) -> str:
        """The field's text in lower case (computed once)."""
        key = id(field)
        found = self._lower.get(key)
        if found is None:
            found = self._lower[key] = field.text.lower()
        return found

    def sentences(self, field: TextField) -> Sentences:
        """The field's sentence boundaries (computed once)."""
        key = id(field)
        found = self._sentences.get(key)
        if found is None:
            found = self._sentences[key] = Sentences.of(field.text)
        return found

    def spans(self, lexicon: Lexicon, field: TextField) -> list[tuple[int, int]]:
        """All matches of a lexicon in a field (searched once per item, skipped without an anchor)."""
        key = (id(lexicon), id(field))
        found = self._spans.get(key)
        if found is None:
            lower = self.lower(field)
            found = lexicon.find(field.text, lower) if lexicon.possible(lower) else []
            self._spans[key] = found
        return found

    @property
    def persons(self) -> list[Person]:
        """The identifiable persons of the item (named, listed, tagged), built once."""
        if self._persons is None:
            from dsgvo_check.rules.persons import find_persons
            self._persons = find_persons(self.item, self.evidence, self.register)
        return self._persons
