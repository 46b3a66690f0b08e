"""German postal addresses: street and house number, with postcode and city when they follow."""

from __future__ import annotations

import re

from dsgvo_check.text.hits import Hit
from dsgvo_check.wordtrie import trie_pattern

_UPPER = "A-ZÄÖÜ"
_WORD = rf"[{_UPPER}][\w.'-]*"
# Street words a street name ends in ('Hauptstraße', 'Lindenweg'), as written, in capitals or capitalised:
# a trie, as `re` is slow on IGNORECASE alternations.
SUFFIXES = ("straße", "strasse", "str.", "weg", "allee", "platz", "ring", "damm", "gasse", "ufer", "chaussee", "steig",
            "stieg", "pfad", "graben", "wall", "kamp", "deich", "promenade", "zeile", "markt", "anger", "berg", "hof",
            "twiete", "winkel", "bogen")
_SUFFIX = f"(?:{trie_pattern({variant for s in SUFFIXES for variant in (s, s.upper(), s.capitalize())})})"
_SEPARATE = (r"(?:Stra(?:ß|ss)e|Str\.|Weg|Allee|Platz|Ring|Damm|Gasse|Ufer|Chaussee|Steig|Stieg|Pfad|Graben|Wall|"
             r"Markt|Tor|Brücke|Kamp|Deich|Promenade|Zeile|Anger|Berg|Hof|Feld|Garten|Höhe|Winkel|Bogen|Twiete)")
_PREPOSITION = r"(?:Am|An der|An den|Auf dem|Auf der|Im|In der|In den|Zum|Zur|Unter den|Hinter der|Vor dem|Beim|Alt)"
_STREET = (rf"(?:{_WORD}{_SUFFIX}|(?:{_WORD} ){{1,2}}{_SEPARATE}|{_PREPOSITION} {_WORD}(?: {_WORD})?)")
_NUMBER = r"[1-9]\d{0,2}(?: ?[a-zA-Z](?![\w]))?(?: ?[-–/] ?[1-9]\d{0,2}[a-z]?)?"
_PLACE = rf"[{_UPPER}][\w'-]*\w"
_CITY = rf"(?:,? ?|\n)\d{{5}} {_PLACE}(?:(?: (?:am|an der|im|in der|bei|ob der|vor der) {_PLACE})| \({_PLACE}\))?"
ADDRESS = re.compile(rf"(?<![\w-])({_STREET}) ({_NUMBER})(?!\d)(?![\w,.:]\d)(?![ \t]+bis[ \t]+\d)"
                     rf"(?!\s?(?:%|€|Uhr|h\b|km|m\b|Min|Jahr|Personen|"
                     rf"Plätze|Stück|x\b|mal\b|Euro|Punkte|Tore|Kinder|Teilnehm|Leute|Gäste|Tage|Wochen|Monate))"
                     rf"({_CITY})?")
# A street of any name when postcode and city follow: 'Fischergrube 41, 23552 Lübeck', 'Sonnenwiese 4, 27356
# Rotenburg (Wümme)'; tested at a house number (after its space) before the regex runs.
STREET_WITH_CITY = re.compile(rf"(?<![\w-])({_WORD}) ({_NUMBER})(?!\d)({_CITY})")
POSTCODE_AFTER = re.compile(r" [1-9]\d{0,2}(?: ?[a-zA-Z])?,? ?\n?\d{5} [A-ZÄÖÜ]")
# The first letter of a word, upper-cased to read a street written in lower case (one letter for one: positions
# stay).
WORD_START = re.compile(r"(?<![\w'’])[a-zäöü]")
# The cheap first test: a house number after a space, and a street word or a preposition before it.
NUMBER = re.compile(r" [1-9]")
STREET_ENDINGS = ("straße", "strasse", "str.", "weg", "allee", "platz", "ring", "damm", "gasse", "ufer", "chaussee",
                  "steig", "stieg", "pfad", "graben", "wall", "kamp", "deich", "promenade", "zeile", "markt", "anger",
                  "berg", "hof", "twiete", "winkel", "bogen", "tor", "brücke", "feld", "garten", "höhe")
PREPOSITIONS = ("Am ", "An ", "Auf ", "Im ", "In ", "Zum ", "Zur ", "Unter ", "Hinter ", "Vor ", "Beim ", "Alt ")
PREPOSITION_WORDS = frozenset(p.strip() for p in PREPOSITIONS)
# Words that make an "Am/Im/Zum X 12" or an "X 4, 04109 Leipzig" a time, a count or a room, not a street
# ('Am Samstag 14', 'Im Jahr 2020', 'Raum 4', 'Auf der A 31').
NOT_STREET_WORDS = frozenset("""Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag Wochenende Januar
Februar März April Mai Juni Juli August September Oktober November Dezember Jahr Sommer Winter Herbst Frühling Moment
Team Abend Morgen Mittag Nachmittag Vormittag Tag Ende Anfang Start Ziel Schluss Preis Kurs Bereich Vergleich Schnitt
Durchschnitt Alter Rahmen Vorfeld Zeitraum Spiel Finale Training Kilometer Stand Mittelpunkt Wert Gesamt Seite Kapitel
Raum Zimmer Gleis Tisch Halle Linie Bus Etage Stock A B""".split())
# Compounds that end like a street but are not one ('Parkplatz 3', 'Spielplatz 2', 'Supermarkt'); a word ending
# in -straße or -allee always is one ('Kirchstraße', 'Parkstraße', 'Schulstraße').
NOT_STREETS = re.compile(r"(?i)(?:park|spiel|sport|arbeits|stell|bolz|tennis|fußball|golf|camping|schul|"
                         r"kirch|fest|turn|sitz|steh|zelt|heim|rück|hin|fuß|rad|wander|super|floh|wochen|box|"
                         r"weihnachts|bio|bauern|bahn|fried|innen|gast|reiter|jahr|geburt|namens|welt|last|spaß|"
                         r"ver|zu|aus|um|lebens|lern|bildungs|schlüssel|finger|ohr|frei|schul|hinter|ab|listen|start|"
                         r"tabellen|podest|stamm|kader|studien|ausbildungs|kita|betreuungs|therapie|praktikums|liege)"
                         r"(?:weg|platz|ring|damm|ufer|steig|stieg|pfad|graben|wall|kamp|deich|zeile|markt|anger|"
                         r"berg|hof|winkel|bogen)$")


def find_addresses(text: str) -> list[Hit]:
    """Street + house number (+ postcode and city); a street alone or a postcode alone is not an address.
    In a text written in lower case (but maybe its first letter) a street is read as if capitalised
    ('birkenweg 9, 2. stock', 'Kann auch vorbeibringen, … falkenweg 8 in gifhorn')."""
    hits = _addresses(text)
    if hits or not text[1:].islower():
        return hits
    return [hit for hit in _addresses(WORD_START.sub(_upper, text)) if text[hit.start].islower()]


def _upper(match: re.Match[str]) -> str:
    return match.group().upper()


def _addresses(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for number in NUMBER.finditer(text):
        floor = hits[-1].end if hits else 0
        before = text[max(floor, number.start() - 48):number.start()]
        if number.start() < floor:
            continue
        if _street_before(before):
            candidates = ADDRESS.finditer(text, number.start() - len(before), number.end() + 70)
        elif POSTCODE_AFTER.match(text, number.start()):
            candidates = STREET_WITH_CITY.finditer(text, number.start() - len(before), number.end() + 70)
        else:
            continue
        for match in candidates:
            if _is_street(match.group(1), with_city=bool(match.group(3))):
                start = match.start(1) + _preposition_at(match.group(1))
                hits.append(Hit("ADDRESS", start, match.end(), 0.9 if match.group(3) else 0.8, "Postanschrift"))
                break
    return hits


def _street_before(before: str) -> bool:
    """Can `before` end in a street name (a street word, or a preposition up to three words back)?"""
    return before.lower().endswith(STREET_ENDINGS) or not PREPOSITION_WORDS.isdisjoint(before.split()[-3:])


def _preposition_at(street: str) -> int:
    """Where a street named with a preposition starts inside a match ('Abholung Am Anger' -> 'Am Anger')."""
    return min((i + 1 for p in PREPOSITIONS if (i := street.find(" " + p)) >= 0), default=0)


def _is_street(street: str, *, with_city: bool) -> bool:
    """Not a time or count ('Am Samstag 14'), nor a compound like 'Parkplatz 3' unless postcode and city follow
    ('Kirchplatz 4, 33098 Paderborn')."""
    words = street.split()
    if words[-1] in NOT_STREET_WORDS or (len(words) > 1 and words[1] in NOT_STREET_WORDS):
        return False
    return len(words) > 1 or with_city or not NOT_STREETS.search(street)
