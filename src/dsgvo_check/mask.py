"""Mask personal data in texts shown in reports: `A*** M*****`, `anna.m***@***.de`, `DE89 **** … 00`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

STAR = "*"
_WORD = re.compile(r"\w+", re.UNICODE)
_NAME_PART = re.compile(r"[^\W\d_][\w'-]{2,}", re.UNICODE)


def _stars(text: str, keep: Callable[[int, str], bool]) -> str:
    """Each letter or digit replaced by a star unless `keep(index, char)`; spaces and punctuation stay."""
    return "".join(c if not c.isalnum() or keep(i, c) else STAR for i, c in enumerate(text))


def mask_person(text: str) -> str:
    """First letter of every word kept: `Anna Müller` -> `A*** M*****`."""
    return _WORD.sub(lambda m: m.group()[0] + STAR * (len(m.group()) - 1), text)


def mask_email(text: str) -> str:
    """Half of the local part and the top-level domain kept: `anna.m***@***.de`."""
    local, at, domain = text.rpartition("@")
    if not at:
        return mask_generic(text)
    keep = max(1, len(local) // 2) if len(local) > 2 else 1
    tld = domain.rsplit(".", 1)[1] if "." in domain else ""
    return f"{local[:keep]}***@***" + (f".{tld}" if tld else "")


def _keep_ends(text: str, head: int, tail: int) -> str:
    """Letters and digits masked except the first `head` and the last `tail` of them."""
    total = sum(c.isalnum() for c in text)
    seen = 0
    out = []
    for char in text:
        if char.isalnum():
            out.append(char if seen < head or seen >= total - tail else STAR)
            seen += 1
        else:
            out.append(char)
    return "".join(out)


def mask_iban(text: str) -> str:
    """Country, check digits and the last two digits kept: `DE89 **** **** **** **** 00`."""
    return _keep_ends(text, 4, 2)


def mask_phone(text: str) -> str:
    """The prefix (three digits) and the last two digits kept: `+49 1** *** **67`."""
    return _keep_ends(text, 3, 2)


def mask_card(text: str) -> str:
    """Only the last four digits kept."""
    return _keep_ends(text, 0, 4)


def mask_ip(text: str) -> str:
    """The first group kept: `192.***.***.***`."""
    first = re.match(r"[0-9A-Fa-f]+", text)
    head = len(first.group()) if first else 0
    return text[:head] + re.sub(r"[0-9A-Za-z]", STAR, text[head:])


def mask_generic(text: str) -> str:
    """Every letter and digit masked except the first letter of each word."""
    return _WORD.sub(lambda m: (m.group()[0] if m.group()[0].isalpha() else STAR)
                     + STAR * (len(m.group()) - 1), text)


MASKERS: dict[str, Callable[[str], str]] = {
    "PERSON": mask_person,
    "EMAIL": mask_email,
    "PHONE": mask_phone,
    "IBAN": mask_iban,
    "CREDIT_CARD": mask_card,
    "IP_ADDRESS": mask_ip,
    "DATE_OF_BIRTH": lambda text: _stars(text, lambda _i, _c: False),
    "NATIONAL_ID": lambda text: _keep_ends(text, 0, 2),
    "LICENSE_PLATE": lambda text: _keep_ends(text, 1, 0),
}


def mask_value(text: str, entity: str | None) -> str:
    """One personal-data value masked the way its entity type is masked (generic for others)."""
    return MASKERS.get(entity or "", mask_generic)(text)


@dataclass(frozen=True, slots=True)
class Masker:
    """Masks every occurrence of known personal-data values in any text; shows them when disabled.

    Names are masked as wholes and by their parts (`Müller` alone), so a name
    that is repeated in a message or another field does not leak either.
    """

    values: Mapping[str, str] = field(default_factory=dict)
    enabled: bool = True
    pattern: re.Pattern[str] | None = None

    @classmethod
    def build(cls, values: Iterable[tuple[str, str | None]], *, enabled: bool = True) -> Masker:
        """A masker for (value, entity) pairs; entity None masks generically."""
        masked: dict[str, str] = {}
        for value, entity in values:
            value = value.strip()
            if len(value) < 2 or value in masked:
                continue
            masked[value] = mask_value(value, entity)
            if entity == "PERSON":
                for part in _NAME_PART.findall(value):
                    masked.setdefault(part, mask_person(part))
        if not masked or not enabled:
            return cls(masked, enabled, None)
        ordered = sorted(masked, key=lambda v: (-len(v), v))
        alternation = "|".join(re.escape(v) for v in ordered)
        return cls(masked, enabled, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"))

    def __call__(self, text: str) -> str:
        """`text` with every known value masked (unchanged when masking is off)."""
        if self.pattern is None or not text:
            return text
        return self.pattern.sub(lambda m: self.values[m.group()], text)

    def value(self, text: str, entity: str | None) -> str:
        """A single value masked by its entity type (unchanged when masking is off)."""
        return mask_value(text, entity) if self.enabled else text
