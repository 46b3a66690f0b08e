"""Rule kinds: a literal registry of small checks that turn one item's evidence into hits."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from dsgvo_check.model import ENTITY_TYPES
from dsgvo_check.rules.conditions import Condition, parse_condition
from dsgvo_check.rules.consent import CONSENT_KEYS, parse_consent
from dsgvo_check.rules.context import ALWAYS, IMAGES, NEVER, Context, Hit
from dsgvo_check.rules.nodes import Node
from dsgvo_check.rules.persons import same_person
from dsgvo_check.rules.phrases import Lexicon
from dsgvo_check.rules.textmatch import TextMatch, parse_text

if TYPE_CHECKING:
    from dsgvo_check.rules.model import Rule


class Check(Protocol):
    def hits(self, ctx: Context, rule: Rule) -> Iterator[Hit]: ...

    def gate(self) -> str: ...


@dataclass(frozen=True, slots=True)
class EntityCheck:
    """One hit per detection of an entity type (PII-*)."""

    entity: str

    def gate(self) -> str:
        """Only items with a detection of this type."""
        return self.entity

    def hits(self, ctx: Context, rule: Rule) -> Iterator[Hit]:
        for detection in ctx.evidence.detections:
            if detection.entity == self.entity:
                line, column = detection.position()
                yield Hit(line, column, self.entity, detection.text, detection.field.name,
                          {"text": detection.text, "entity": self.entity})


@dataclass(frozen=True, slots=True)
class PatternCheck:
    """A hit at the first accepted match of any of the text specs (or at each, with `each`)."""

    matches: tuple[TextMatch, ...]
    each: bool = False

    def gate(self) -> str:
        return ALWAYS

    def hits(self, ctx: Context, rule: Rule) -> Iterator[Hit]:
        for spec in self.matches:
            found = list(spec.matches(ctx)) if self.each else [m for m in [spec.first(ctx)] if m is not None]
            for match in found:
                line, column = match.position()
                yield Hit(line, column, field=match.field.name, values={"text": match.text})
            if found and not self.each:
                return


@dataclass(frozen=True, slots=True)
class RequireCheck:
    """A hit when the requirement does not hold, at the item, its giveaway or targeting block."""

    require: Condition
    at: str = "item"

    def gate(self) -> str:
        return ALWAYS

    def hits(self, ctx: Context, rule: Rule) -> Iterator[Hit]:
        if self.require.test(ctx):
            return
        item = ctx.item
        block = getattr(item, self.at, None) if self.at in ("giveaway", "targeting") else None
        if block is not None:  # a block inherited from the campaign: point at the post
            yield Hit(block.line, 1) if not (item.campaign and block.line < item.line) else Hit(item.line, item.column)
            return
        place = rule.when.locate(ctx) if rule.when is not None and self.at != "item" else None
        yield Hit(*(place or (item.line, item.column)))


@dataclass(frozen=True, slots=True)
class ImageCheck:
    """A hit per image that carries the fact (GPS, a person in the metadata, unreleased faces)."""

    fact: str
    ignore: TextMatch | None = None

    def gate(self) -> str:
        """Only items with images the image scanner reported on."""
        return IMAGES

    def hits(self, ctx: Context, rule: Rule) -> Iterator[Hit]:
        for ref in ctx.item.images:
            facts = ctx.evidence.images.get(ref.path)
            if facts is None:
                continue
            detail = self._detail(ctx, ref.people, facts)
            if detail:
                yield Hit(ref.line, ref.column, values={"image": ref.ref, "detail": detail})

    def _detail(self, ctx: Context, listed: tuple[str, ...], facts: object) -> str:
        if self.fact == "gps":
            gps = getattr(facts, "gps", None)
            return f"{gps[0]:.5f}, {gps[1]:.5f}" if gps else ""
        if self.fact == "metadata_person":
            pairs = [*getattr(facts, "metadata_people", ()), *getattr(facts, "serials", ())]
            kept = [f"{tag}: {value}" for tag, value in pairs if not self._ignored(value)]
            return "; ".join(kept)
        faces = getattr(facts, "faces", None) or ()
        released = sum(any(same_person(p.name, name) and p.covered for p in ctx.persons) for name in listed)
        return f"{len(faces)} / {released}" if len(faces) > released else ""

    def _ignored(self, value: str) -> bool:
        if self.ignore is None:
            return False
        return any(lexicon.search(value) for lexicon in self.ignore.lexicons)


@dataclass(frozen=True, slots=True)
class ProblemCheck:
    """PARSE-ERROR: fired by the engine for content that could not be read, never by an item."""

    def gate(self) -> str:
        return NEVER

    def hits(self, ctx: Context, rule: Rule) -> Iterator[Hit]:
        return iter(())


def _entity(keys: dict[str, Node], lexicons: Mapping[str, Lexicon]) -> Check:
    return EntityCheck(keys["entity"].choice(ENTITY_TYPES))


def _pattern(keys: dict[str, Node], lexicons: Mapping[str, Lexicon]) -> Check:
    node = keys["match"]
    specs = node.items() if isinstance(node.value(), list) else [node]
    each = keys["each"].boolean() if "each" in keys else False
    return PatternCheck(tuple(parse_text(spec, lexicons) for spec in specs), each)


def _require(keys: dict[str, Node], lexicons: Mapping[str, Lexicon]) -> Check:
    at = keys["at"].choice(("item", "giveaway", "targeting", "match")) if "at" in keys else "item"
    return RequireCheck(parse_condition(keys["require"], lexicons), at)


def _image(keys: dict[str, Node], lexicons: Mapping[str, Lexicon]) -> Check:
    ignore = parse_text(keys["ignore"], lexicons) if "ignore" in keys else None
    return ImageCheck(keys["fact"].choice(("gps", "metadata_person", "faces")), ignore)


#: kind -> (its own keys, required keys, parser)
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...],
                       Callable[[dict[str, Node], Mapping[str, Lexicon]], Check]]] = {
    "entity": (("entity",), ("entity",), _entity),
    "pattern": (("match", "each"), ("match",), _pattern),
    "require": (("require", "at"), ("require",), _require),
    "consent": (CONSENT_KEYS, ("check",), parse_consent),
    "image": (("fact", "ignore"), ("fact",), _image),
    "problem": ((), (), lambda keys, lexicons: ProblemCheck()),
}
