"""Does a metadata value name a natural person? A cheap, documented heuristic (docs/images.md)."""

from __future__ import annotations

import re

# Words that mark an organisation, a trade name or a placeholder, never a natural person.
ORGANISATION_WORDS = frozenset({
    "gmbh", "mbh", "ggmbh", "ev", "e.v", "ag", "ug", "kg", "kgaa", "ohg", "gbr", "se", "eg", "partg",
    "ltd", "llc", "inc", "corp", "co", "plc", "sa", "sarl", "bv", "nv",
    "verein", "club", "klub", "verband", "stiftung", "gemeinde", "stadt", "landkreis", "kirchengemeinde",
    "schule", "kita", "universität", "hochschule", "institut", "team", "redaktion", "presse", "press",
    "verlag", "studio", "studios", "agentur", "agency", "fotografie", "photography", "photo", "photos",
    "foto", "fotos", "media", "medien", "images", "pictures", "bilder", "stock", "archiv", "archive",
    "design", "werbung", "marketing", "gruppe", "group", "company", "holding", "ministerium", "amt",
    "unknown", "unbekannt", "anonymous", "anonym", "owner", "user", "admin", "camera", "kamera",
    "copyright", "rights", "reserved", "rechte", "vorbehalten", "none", "n/a",
})
_FIRMS = re.compile(r"\b(e\.\s?v\.|g?gmbh|mbh|gbr|ohg|kgaa|ltd\.?|inc\.?)|\.(de|com|org|net|eu)\b",
                    re.IGNORECASE)
_NOISE = re.compile(
    r"©|\(c\)|\bcopyright\b|\bfoto(?:s|grafie)?\s*:|\bphoto(?:s|graph)?\s*(?:by|:)|\bbild\s*:|"
    r"\ball rights reserved\b|\balle rechte vorbehalten\b|\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)\d\d)?",
    re.IGNORECASE)
_NAME_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?")


def clean(value: str) -> str:
    """The value without copyright signs, years and 'photo by' phrases."""
    text = _NOISE.sub(" ", value)
    return " ".join(text.replace(",", " , ").replace(";", " ; ").split()).strip(" ,;:-/")


def is_organisation(value: str) -> bool:
    """True where a legal-form or organisation word (GmbH, e.V., Verein, Studio, …) appears."""
    if _FIRMS.search(value):
        return True
    words = re.findall(r"[\w./]+", value.lower())
    return any(word.strip(".") in ORGANISATION_WORDS or word in ORGANISATION_WORDS for word in words)


def is_natural_person(value: str) -> bool:
    """Artist/Copyright/author-like value: 2-4 capitalised name words and no organisation word.

    "Okke Harmsen", "© 2023 Anna-Lena Müller", "Müller, Anna" count; "Foto Studio Meyer",
    "TSV Musterstadt e.V.", "Sony", "IMG_2041" and single words do not.
    """
    text = clean(value)
    if not text or is_organisation(text) or "@" in text or "/" in text:
        return False
    tokens = [t for t in text.replace(",", " ").replace(";", " ").split() if t]
    if not 2 <= len(tokens) <= 4 or not all(_NAME_TOKEN.fullmatch(t) for t in tokens):
        return False
    capitalised = [t for t in tokens if (t[0].isupper() and not t.isupper()) or _initial(t)]
    particles = {"von", "van", "de", "der", "den", "zu", "di", "da", "le", "la"}
    return len(capitalised) >= 2 and all(t in capitalised or t.lower() in particles for t in tokens)


def is_person_label(value: str) -> bool:
    """A face-region or PersonInImage label: any non-empty name that is not an organisation."""
    text = clean(value)
    return bool(text) and any(c.isalpha() for c in text) and not is_organisation(text)


def _initial(token: str) -> bool:
    return len(token) == 2 and token[0].isupper() and token[1] == "."
