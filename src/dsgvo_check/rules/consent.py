"""The `consent` rule kind: persons of an item against the consent register (CONSENT-*, MINOR-DATA)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dsgvo_check.model import CONSENT_SCOPES, Consent, ImageRef
from dsgvo_check.rules.conditions import Condition, parse_condition
from dsgvo_check.rules.context import PERSONS, Context, Hit
from dsgvo_check.rules.nodes import Node
from dsgvo_check.rules.persons import (
    Mention,
    Person,
    adult_role_before,
    child_word_before,
    inside_quote,
    stated_age,
    treater_before,
)
from dsgvo_check.rules.phrases import Lexicon
from dsgvo_check.rules.textmatch import TextMatch, parse_text

if TYPE_CHECKING:
    from dsgvo_check.rules.model import Rule

CONSENT_KEYS = ("check", "needs", "children", "shown_children")
CHECKS = ("missing", "expired", "withdrawn", "scope", "minor")
CHILD_AGE = 16
BIRTH_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class Need:
    """A use that needs a scope: `mentioned`, `in_image`, or a text near the person."""

    scope: str
    when: str
    text: TextMatch | None = None

    def applies(self, ctx: Context, person: Person) -> bool:
        if self.when == "mentioned":
            return bool(person.mentions)
        if self.when == "in_image":
            return bool(person.images)
        assert self.text is not None
        mentions = person.mentions
        if self.scope in ("health", "testimonial"):  # someone a quote talks about is not its speaker, and the
            mentions = [m for m in mentions if not inside_quote(m)]  # doctor who treats not the one treated
        if self.scope == "health":
            mentions = [m for m in mentions if not treater_before(m)]
        return bool(mentions) and next(self.text.matches(ctx, mentions), None) is not None


def expired(consent: Consent, ctx: Context) -> bool:
    return consent.expires_at is not None and consent.expires_at < ctx.day


def withdrawn(consent: Consent, ctx: Context) -> bool:
    return consent.withdrawn_at is not None and consent.withdrawn_at <= max(ctx.day, ctx.as_of.date())


#: Words of the findings' `{detail}` per language.
DETAILS: dict[str, tuple[str, str]] = {
    "not-listed": ("nicht unter people eingetragen", "not listed under people"),
    "no-id": ("Eintrag ohne Einwilligungs-ID", "entry without a consent id"),
    "unknown-id": ("ID nicht im Einwilligungsregister", "id not in the consent register"),
    "faces": ("nicht zugeordnete Gesichter im Bild", "faces in the image not matched to a listed person"),
    "guardian": ("Einwilligung ohne gültige Zustimmung der Sorgeberechtigten",
                 "consent without a valid guardian's consent"),
    "none": ("keine Einwilligung der Sorgeberechtigten", "no guardian's consent"),
}


def _hit(ctx: Context, person: Person, detail: str, place: tuple[int, int] | None = None,
         image: str = "") -> Hit:
    line, column = place or person.place(ctx.item)
    consent = person.ref.consent if person.ref is not None and person.ref.consent else ""
    de, en = DETAILS.get(detail, (detail, detail))
    return Hit(line, column, values={"person": person.name, "consent": consent, "image": image,
                                     "detail_de": de, "detail_en": en})


def _faces_hit(ref: ImageRef, count: int) -> Hit:
    de, en = DETAILS["faces"]
    people_de, people_en = ("eine Person", "one person") if count == 1 else (f"{count} Personen", f"{count} people")
    return Hit(ref.line, ref.column, values={"person_de": f"{people_de} auf dem Bild",
                                             "person_en": f"{people_en} in the image", "image": ref.ref, "consent": "",
                                             "detail_de": f"{de} ({ref.ref})", "detail_en": f"{en} ({ref.ref})"})


@dataclass(frozen=True, slots=True)
class ConsentCheck:
    check: str
    needs: tuple[Need, ...] = ()
    children: TextMatch | None = None
    shown_children: Condition | None = None

    def gate(self) -> str:
        """Only items with a person: named (PERSON), listed under people, or on an image."""
        return PERSONS

    def hits(self, ctx: Context, rule: Rule) -> Iterator[Hit]:
        yield from getattr(self, f"_{self.check}")(ctx)

    def _missing(self, ctx: Context) -> Iterator[Hit]:
        for person in ctx.persons:
            if person.covered:
                continue
            entry = person.ref
            detail = "not-listed" if entry is None else "no-id" if not entry.consent else "unknown-id"
            yield _hit(ctx, person, detail)
        for image in ctx.item.images:
            facts = ctx.evidence.images.get(image.path)
            unknown = len(facts.faces or ()) - len(image.people) if facts is not None else 0
            if unknown > 0:
                yield _faces_hit(image, unknown)

    def _expired(self, ctx: Context) -> Iterator[Hit]:
        for person in ctx.persons:
            if person.consent is not None and expired(person.consent, ctx):
                yield _hit(ctx, person, str(person.consent.expires_at))

    def _withdrawn(self, ctx: Context) -> Iterator[Hit]:
        for person in ctx.persons:
            if person.consent is not None and withdrawn(person.consent, ctx):
                yield _hit(ctx, person, str(person.consent.withdrawn_at))

    def _scope(self, ctx: Context) -> Iterator[Hit]:
        for person in ctx.persons:
            consent = person.consent
            if consent is None or expired(consent, ctx) or withdrawn(consent, ctx):
                continue
            lacking = [c for c in ctx.item.channels if consent.channels and c not in consent.channels]
            lacking += [n.scope for n in self.needs if n.scope not in consent.scope and n.scope not in lacking
                        and n.applies(ctx, person)]
            if lacking:
                yield _hit(ctx, person, ", ".join(dict.fromkeys(lacking)))

    def _minor(self, ctx: Context) -> Iterator[Hit]:
        for person in ctx.persons:
            consent = person.consent
            if self._is_child(ctx, person) and not (
                    consent is not None and consent.minor and consent.guardian
                    and not expired(consent, ctx) and not withdrawn(consent, ctx)):
                yield _hit(ctx, person, "guardian" if consent is not None else "none")
        for ref in ctx.item.images:
            facts = ctx.evidence.images.get(ref.path)
            unknown = len(facts.faces or ()) - len(ref.people) if facts is not None else 0
            if unknown > 0 and self.shown_children is not None and self.shown_children.test(ctx):
                yield _faces_hit(ref, unknown)

    def _is_child(self, ctx: Context, person: Person) -> bool:
        """A consent record for a minor, an age under 16 next to the name, a child word right before it ('vom kleinen
        Anton'), or child words in its sentence.

        A person whose consent record does not say `minor: true` counts as an adult unless an age is stated:
        the register is where a minor is recorded ('Jana hat die Kinder angeleitet' is no child). A stated age
        decides over the record: a 17-year-old recorded as a minor is no child in the sense of the rule."""
        ages = [age for m in person.mentions if (age := _age(ctx, person, m)) is not None]
        if ages:
            return min(ages) < CHILD_AGE
        if person.consent is not None and person.consent.minor:
            return True
        if self.children is None or person.consent is not None:
            return False
        for mention in person.mentions:
            if child_word_before(mention):
                return True
            if adult_role_before(mention):
                continue
            start, end = ctx.sentences(mention.field).span(mention.start)
            if self.children.within(ctx, mention.field, start, end):
                return True
        return False


def _age(ctx: Context, person: Person, mention: Mention) -> int | None:
    """The age written next to the name, else from a birth date near it."""
    age = stated_age(mention)
    return age if age is not None else _born_age(ctx, person, mention)


def _born_age(ctx: Context, person: Person, mention: Mention) -> int | None:
    """The age from a birth date the scanner found in the name's sentence or the next ('kleine Ronja! Geboren
    am 2. Mai 2026'), on the item's day, unless another person is named between them ('Svenja ist Mama
    geworden: Die kleine Ida ist am 2. April 2031 auf die Welt gekommen')."""
    sentences = ctx.sentences(mention.field)
    here = sentences.index(mention.start)
    for detection in ctx.evidence.detections:
        if detection.entity == "DATE_OF_BIRTH" and detection.field is mention.field and (
                0 <= sentences.index(detection.start) - here <= 1) and not _named_between(
                ctx, person, mention, detection.start):
            year = BIRTH_YEAR.search(detection.text)
            if year is not None:
                return max(0, ctx.day.year - int(year.group()))
    return None


def _named_between(ctx: Context, person: Person, mention: Mention, position: int) -> bool:
    """Is another person named in the mention's text between the mention and `position`?"""
    return any(other is not person and m.field is mention.field and mention.end <= m.start < position
               for other in ctx.persons for m in other.mentions)


def _need(node: Node, lexicons: Mapping[str, Lexicon]) -> Need:
    keys = node.mapping(("scope", "if"), required=("scope", "if"))
    scope = keys["scope"].choice(CONSENT_SCOPES)
    if isinstance(keys["if"].value(), str):
        return Need(scope, keys["if"].choice(("mentioned", "in_image")))
    return Need(scope, "text", parse_text(keys["if"], lexicons))


def parse_consent(keys: dict[str, Node], lexicons: Mapping[str, Lexicon]) -> ConsentCheck:
    """check: missing|expired|withdrawn|scope|minor, with `needs` (scope) or `children` (minor)."""
    check = keys["check"].choice(CHECKS)
    allowed: Mapping[str, tuple[str, ...]] = {"scope": ("needs",), "minor": ("children", "shown_children")}
    for key in ("needs", "children", "shown_children"):
        if key in keys and key not in allowed.get(check, ()):
            raise keys[key].error(f"'{key}' is not used by check '{check}'")
    parse: Callable[[Node], Need] = lambda n: _need(n, lexicons)  # noqa: E731
    return ConsentCheck(
        check,
        needs=tuple(parse(n) for n in keys["needs"].items()) if "needs" in keys else (),
        children=parse_text(keys["children"], lexicons) if "children" in keys else None,
        shown_children=parse_condition(keys["shown_children"], lexicons) if "shown_children" in keys else None,
    )
