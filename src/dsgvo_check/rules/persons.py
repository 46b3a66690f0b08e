"""Identifiable persons of an item (LABELING §3): people entries, image people, named in the text."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from dsgvo_check.model import Consent, ConsentRegister, Evidence, ImageRef, Item, PersonRef, TextField
from dsgvo_check.rules.phrases import enclosing_quote
from dsgvo_check.text.hits import whole_word_spans

TITLES = frozenset({"herr", "herrn", "frau", "dr", "dr.", "prof", "prof.", "familie", "fam.", "fam"})
HANDLE_SEPARATORS = regex.compile(r"[._]")
AGE_AFTER = regex.compile(r"\A[\s,]*\(\s*(?:alle|beide)?\s*(\d{1,2})\s*(?:J\.|Jahre)?\s*\)"
                          r"|\A,\s*(\d{1,2})(?:\s*Jahre\b|\s*J\.|,)"
                          r"|\A\s+(?:ist|wird)\s+(?:erst|gerade|schon|jetzt)?\s*(\d{1,2})(?:\s+Jahre(?:\s+alt)?)?"
                          r"(?=\s*(?:und|[,.!?)]|$))")
AGE_WORDS = dict(zip(("ein zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
                      "sechzehn siebzehn achtzehn").split(), range(1, 19), strict=True))
AGE_BEFORE = regex.compile(rf"(\d{{1,2}}|{'|'.join(sorted(AGE_WORDS, key=len, reverse=True))})[- ]?jährige[rn]?\s+\Z"
                           r"|\((\d{1,2})\)\s+\Z", regex.IGNORECASE)
ADULT_BEFORE = regex.compile(
    r"\b(?:Frau|Herr|Dr\.|Prof\.|Lehrer(?:in)?|Trainer(?:in)?|Erzieher(?:in)?|Pastor(?:in)?|Pfarrer(?:in)?|"
    r"Kaplan|Katechet(?:in)?|Leiter(?:in)?|Chef(?:in)?|Mama|Papa|Mutter|Vater|Oma|Opa|Dirigent(?:in)?|"
    r"Kolleg(?:e|in)|Inhaber(?:in)?|Meister(?:in)?)\s+\Z")


# A doctor named as the one who treats: 'bei Dr. Sommerfeld', 'von Frau Dr. med. Hahn behandelt'.
TREATER_BEFORE = regex.compile(r"\b(?:bei|von|durch)\s+(?:(?:Frau|Herrn?)\s+)?(?:Dr\.|Prof\.)(?:\s+(?:med|dent)\.)?"
                               r"\s+\Z")
# Words right before a name that make the person a small child ('die Taufe vom kleinen Anton', 'Baby Mila').
CHILD_BEFORE = regex.compile(r"\b(?:kleine|kleinen|kleiner|kleinem|baby|täufling|neugeborene[nr]?)\s+\Z",
                             regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a person is named in a published text."""

    field: TextField
    start: int
    end: int

    def position(self) -> tuple[int, int]:
        return self.field.position(self.start)


@dataclass(slots=True)
class Person:
    """One identifiable person: declared (people entry), shown (image people) and/or named."""

    name: str
    ref: PersonRef | None = None
    consent: Consent | None = None
    mentions: list[Mention] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        """Listed in `people` with a consent id the register holds."""
        return self.consent is not None

    def place(self, item: Item) -> tuple[int, int]:
        """Where a finding about this person points: first mention, people entry, image, item."""
        if self.mentions:
            return self.mentions[0].position()
        if self.ref is not None:
            return self.ref.line, self.ref.column
        if self.images:
            return self.images[0].line, self.images[0].column
        return item.line, item.column


def _tokens(name: str) -> list[str]:
    words = [w.strip(".,;:!?()\"'„“”»«").lower() for w in name.split()]
    words = [w.lstrip("@") for w in words if w]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return words


def same_person(a: str, b: str) -> bool:
    """True when two names can refer to one person: equal, or one is the other's first or last name."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if _handle_of(ta, tb) or _handle_of(tb, ta):
        return True
    if len(short) == 1:
        word = short[0]
        return word in (long_[0], long_[-1]) or (word.endswith("s") and word[:-1] in (long_[0], long_[-1]))
    return _initial_of(short, long_) or _initial_of(long_, short) or (short[0] == long_[0] and short[-1] == long_[-1])


def _handle_of(handle: list[str], name: list[str]) -> bool:
    """'@hope.glowskin' for 'Hope Adebayo': a handle with the first name of a full name as one of its parts."""
    parts = HANDLE_SEPARATORS.split(handle[0]) if len(handle) == 1 else []
    return len(parts) > 1 and len(name) > 1 and name[0] in parts


def _initial_of(abbreviated: list[str], full: list[str]) -> bool:
    """'Marija P.' for 'Marija Petrović': the same first name, and the initial of the last name."""
    initial = abbreviated[-1].rstrip(".")
    return len(initial) <= 2 and abbreviated[0] == full[0] and full[-1] != initial and full[-1].startswith(initial)


def _find_or_add(persons: list[Person], name: str) -> Person:
    for person in persons:
        if same_person(person.name, name):
            return person
    person = Person(name)
    persons.append(person)
    return person


def _name_mentions(person: Person, fields: tuple[TextField, ...], found: list[Mention]) -> None:
    """Add text occurrences of a declared name (full, first or last) the detector did not report, nor gave to
    another person ('Schulte' inside 'Frieda Schulte' is not the mother 'Maren Schulte')."""
    words = person.name.split()
    variants = [person.name, *(w for w in {words[0], words[-1]} if len(w) > 2)] if words else []
    for text_field in fields:
        covered = [(m.start, m.end) for m in (*person.mentions, *found) if m.field is text_field]
        for variant in variants:
            for start, end in whole_word_spans(text_field.text, variant):
                if any(s <= start < e for s, e in covered) or (variant != person.name and _in_firm_name(
                        text_field.text, start, end)):
                    continue
                covered.append((start, end))
                person.mentions.append(Mention(text_field, start, end))


def _in_firm_name(text: str, start: int, end: int) -> bool:
    """A name joined to another by '&' names a firm ('Weißhaupt & Kerner', 'Kerner & Söhne'), not the person."""
    return text[max(0, start - 3):start].rstrip().endswith("&") or text[end:end + 3].lstrip().startswith("&")


def find_persons(item: Item, evidence: Evidence, register: ConsentRegister) -> list[Person]:
    """All identifiable persons of an item except unnamed faces, matched by full, first or last name."""
    persons = [Person(ref.name, ref, register.get(ref.consent)) for ref in item.people]
    for image in item.images:
        for name in image.people:
            _find_or_add(persons, name).images.append(image)
    for detection in evidence.detections:
        if detection.entity == "PERSON":
            person = _find_or_add(persons, detection.text)
            person.mentions.append(Mention(detection.field, detection.start, detection.end))
    found = [m for person in persons for m in person.mentions]
    for person in persons:
        if person.ref is not None:
            _name_mentions(person, item.fields, found)
        person.mentions.sort(key=lambda m: (m.field.line, m.start))
    return persons


def stated_age(mention: Mention) -> int | None:
    """An age written next to a name: 'Frieda Nowak (9)', 'Levin, 11,', 'Ben ist erst 14 und …', 'die 9-jährige Ida',
    'vom achtjährigen Ben'."""
    text = mention.field.text
    after = AGE_AFTER.match(text[mention.end:mention.end + 32])
    if after:
        return int(next(group for group in after.groups() if group))
    window = text[max(0, mention.start - 24):mention.start]
    before = AGE_BEFORE.search(window) if ")" in window or "jährig" in window.lower() else None
    if before is None:
        return None
    age = before.group(1) or before.group(2)
    return int(age) if age.isdigit() else AGE_WORDS[age.lower()]


def adult_role_before(mention: Mention) -> bool:
    """A title or adult role right before the name ('Lehrerin Anna', 'Frau Kramer')."""
    return ADULT_BEFORE.search(mention.field.text[max(0, mention.start - 16):mention.start]) is not None


def treater_before(mention: Mention) -> bool:
    """'… hat bei Dr. Sommerfeld ihre erste Laserbehandlung gemacht': the name of the treating doctor."""
    return TREATER_BEFORE.search(mention.field.text[max(0, mention.start - 32):mention.start]) is not None


def child_word_before(mention: Mention) -> bool:
    """'vom kleinen Anton', 'Baby Mila': a word right before the name that makes the person a small child."""
    return CHILD_BEFORE.search(mention.field.text[max(0, mention.start - 16):mention.start]) is not None


def inside_quote(mention: Mention) -> bool:
    """'„… Nach der Therapie bei Frau Tjaden …“ – Katrin S.': the name stands inside a German quote („…“, »…«) of
    its paragraph."""
    return enclosing_quote(mention.field.text, mention.start, mention.end) is not None
