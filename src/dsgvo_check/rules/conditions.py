"""Condition kinds of `when:` and `require:`: a literal registry of small predicates over one item."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from dsgvo_check.model import CHANNELS, ENTITY_TYPES, Item
from dsgvo_check.rules.context import Context
from dsgvo_check.rules.nodes import Node
from dsgvo_check.rules.phrases import Lexicon
from dsgvo_check.rules.textmatch import TextMatch, parse_text


def _attr(block: str, name: str) -> Callable[[Item], Any]:
    return lambda item: getattr(getattr(item, block), name) if getattr(item, block) is not None else None


#: Field names a rule may test, and how to read them from an item (front matter, campaign inherited).
FIELDS: dict[str, Callable[[Item], Any]] = {
    "giveaway": lambda item: item.giveaway,
    **{f"giveaway.{k}": _attr("giveaway", k) for k in
       ("organizer", "terms_url", "privacy_url", "ends_at", "min_age", "eligibility")},
    "targeting": lambda item: item.targeting,
    **{f"targeting.{k}": _attr("targeting", k) for k in
       ("custom_audience", "lookalike", "legal_basis", "legal_basis_ref")},
    "channels": lambda item: item.channels,
    "publish_at": lambda item: item.publish_at,
    "people": lambda item: item.people,
    "images": lambda item: item.images,
    "audience.minors": lambda item: item.minors,
    "campaign": lambda item: item.campaign,
}
IMAGE_FACTS = ("gps", "metadata_person", "faces")
DATE_RELATIONS = ("before_publish", "after_publish")


class Condition(Protocol):
    def test(self, ctx: Context) -> bool: ...

    def locate(self, ctx: Context) -> tuple[int, int] | None: ...


def read_field(item: Item, name: str) -> Any:
    """The value of a known field, or of any front-matter key as `meta.key.sub`."""
    if name in FIELDS:
        return FIELDS[name](item)
    value: Any = item.meta
    for part in name.removeprefix("meta.").split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _present(value: Any) -> bool:
    return value is not None and value is not False and value != "" and value != () and value != []


@dataclass(frozen=True, slots=True)
class AllOf:
    children: tuple[Condition, ...]

    def test(self, ctx: Context) -> bool:
        return all(child.test(ctx) for child in self.children)

    def locate(self, ctx: Context) -> tuple[int, int] | None:
        return next((p for c in self.children if (p := c.locate(ctx)) is not None), None)


@dataclass(frozen=True, slots=True)
class AnyOf:
    children: tuple[Condition, ...]

    def test(self, ctx: Context) -> bool:
        return any(child.test(ctx) for child in self.children)

    def locate(self, ctx: Context) -> tuple[int, int] | None:
        return next((p for c in self.children if c.test(ctx) and (p := c.locate(ctx)) is not None), None)


@dataclass(frozen=True, slots=True)
class Not:
    child: Condition

    def test(self, ctx: Context) -> bool:
        return not self.child.test(ctx)

    def locate(self, ctx: Context) -> tuple[int, int] | None:
        return None


@dataclass(frozen=True, slots=True)
class Channel:
    channels: frozenset[str]

    def test(self, ctx: Context) -> bool:
        return not self.channels.isdisjoint(ctx.item.channels)

    def locate(self, ctx: Context) -> tuple[int, int] | None:
        return None


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    equals: tuple[Any, ...] | None = None

    def test(self, ctx: Context) -> bool:
        value = read_field(ctx.item, self.name)
        return _present(value) if self.equals is None else value in self.equals

    def locate(self, ctx: Context) -> tuple[int, int] | None:
        block = getattr(ctx.item, self.name.split(".")[0], None)
        line = getattr(block, "line", None)
        return (line, 1) if isinstance(line, int) else None


@dataclass(frozen=True, slots=True)
class Text:
    match: TextMatch

    def test(self, ctx: Context) -> bool:
        return self.match.first(ctx) is not None

    def locate(self, ctx: Context) -> tuple[int, int] | None:
        found = self.match.first(ctx)
        return found.position() if found is not None else None


@dataclass(frozen=True, slots=True)
class Entity:
    entity: str
    minimum: int = 1

    def test(self, ctx: Context) -> bool:
        return sum(d.entity == self.entity for d in ctx.evidence.detections) >= self.minimum

    def locate(self, ctx: Context) -> tuple[int, int] | None:
        return next((d.position() for d in ctx.evidence.detections if d.entity == self.entity), None)


@dataclass(frozen=True, slots=True)
class ImageFact:
    fact: str

    def test(self, ctx: Context) -> bool:
        for facts in ctx.evidence.images.values():
            if (self.fact == "gps" and facts.gps is not None) or (self.fact == "faces" and facts.faces) or (
                    self.fact == "metadata_person" and (facts.metadata_people or facts.serials)):
                return True
        return False

    def locate(self, ctx: Context) -> tuple[int, int] | None:
        return None


@dataclass(frozen=True, slots=True)
class PersonPresent:
    def test(self, ctx: Context) -> bool:
        return bool(ctx.persons) or any(facts.faces for facts in ctx.evidence.images.values())

    def locate(self, ctx: Context) -> tuple[int, int] | None:
        return ctx.persons[0].place(ctx.item) if ctx.persons else None


@dataclass(frozen=True, slots=True)
class DateIs:
    field: str
    relation: str

    def test(self, ctx: Context) -> bool:
        value = read_field(ctx.item, self.field)
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            return False
        return value < ctx.day if self.relation == "before_publish" else value > ctx.day

    def locate(self, ctx: Context) -> tuple[int, int] | None:
        return Field(self.field).locate(ctx)


def _field_name(node: Node) -> str:
    name = node.text()
    if name not in FIELDS and not (name.startswith("meta.") and len(name) > 5):
        raise node.error(f"unknown field '{name}' (known: {', '.join(FIELDS)}, or meta.<front-matter key>)")
    return name


def _field(node: Node, lexicons: Mapping[str, Lexicon]) -> Condition:
    if not isinstance(node.value(), dict):
        return Field(_field_name(node))
    keys = node.mapping(("name", "equals", "one_of"), required=("name",))
    if "equals" in keys and "one_of" in keys:
        raise node.error("give either 'equals' or 'one_of', not both")
    values: tuple[Any, ...] | None = None
    if "equals" in keys:
        values = (keys["equals"].value(),)
    elif "one_of" in keys:
        one_of = keys["one_of"].value()
        if not isinstance(one_of, list) or not one_of:
            raise keys["one_of"].error("expected a non-empty list of values")
        values = tuple(one_of)
    return Field(_field_name(keys["name"]), values)


def _entity(node: Node, lexicons: Mapping[str, Lexicon]) -> Condition:
    if not isinstance(node.value(), dict):
        return Entity(node.choice(ENTITY_TYPES))
    keys = node.mapping(("type", "min"), required=("type",))
    return Entity(keys["type"].choice(ENTITY_TYPES), keys["min"].integer(1) if "min" in keys else 1)


def _date(node: Node, lexicons: Mapping[str, Lexicon]) -> Condition:
    keys = node.mapping(("field", "is"), required=("field", "is"))
    return DateIs(_field_name(keys["field"]), keys["is"].choice(DATE_RELATIONS))


def _person(node: Node, lexicons: Mapping[str, Lexicon]) -> Condition:
    return PersonPresent() if node.boolean() else Not(PersonPresent())


def _children(node: Node, lexicons: Mapping[str, Lexicon]) -> tuple[Condition, ...]:
    items = node.items()
    if not items:
        raise node.error("expected a non-empty list of conditions")
    return tuple(parse_condition(item, lexicons) for item in items)


#: Condition kinds: `{kind: value}`; see docs/rules.md for each.
CONDITIONS: dict[str, Callable[[Node, Mapping[str, Lexicon]], Condition]] = {
    "all": lambda node, lex: AllOf(_children(node, lex)),
    "any": lambda node, lex: AnyOf(_children(node, lex)),
    "not": lambda node, lex: Not(parse_condition(node, lex)),
    "channel": lambda node, lex: Channel(frozenset(node.choices(CHANNELS))),
    "field": _field,
    "text": lambda node, lex: Text(parse_text(node, lex)),
    "entity": _entity,
    "image": lambda node, lex: ImageFact(node.choice(IMAGE_FACTS)),
    "person": _person,
    "date": _date,
}


def parse_condition(node: Node, lexicons: Mapping[str, Lexicon]) -> Condition:
    """A condition node `{kind: value}`; unknown kinds are errors with the allowed list."""
    kind, value = node.single_key(CONDITIONS, "condition kind")
    return CONDITIONS[kind](value, lexicons)
