"""Dates stated as someone's birth date; only from German context words (geb., geboren am, Geburtstag...)."""

from __future__ import annotations

import re

from dsgvo_check.text.hits import Hit, has_digit, lowered, window
from dsgvo_check.text.lexicon import ANIMAL_STEM, ANIMAL_WORD, MONTHS

_MONTH = "|".join(re.escape(m) for m in MONTHS)
# `(?=\d)` first: `re` then skips to the digits instead of testing the lookbehind at every position.
DATE = re.compile(rf"(?=[0-9])(?<![\w.])(?:(?:0?[1-9]|[12]\d|3[01])\. ?(?:0?[1-9]|1[0-2])\."
                  rf"(?: ?(?:19|20)?\d\d)?(?![\d])|(?:0?[1-9]|[12]\d|3[01])\. ?(?:{_MONTH})(?: (?:19|20)\d\d)?(?![\w])"
                  rf"|(?:19|20)\d\d-[01]\d-[0-3]\d)")
# The context patterns are searched in lower-cased windows (IGNORECASE alternations are slow in `re`).
BIRTH_BEFORE = re.compile(r"(?:\bgeb\.|\bgeboren|geburtsdatum|geburtstag|geb\.-?datum|geburt\b|"
                          r"(?<![\w-])jahrgang\b|erblickte|\*)[^.!?\n]{0,30}$|(?:^|\s)\*\s?$")
# '… wird am 3. Juli 90 Jahre alt': the day someone turns an age is their birthday; a birth announcement gives the
# newborn's weight after the date ('Anton, 14.01.2026, 3120 g').
BIRTH_AFTER = re.compile(r"^[^.!?\n]{0,25}(?:geburtstag|\b\d{1,3} jahre alt|^[ \t]+\d{1,3} wird\b)"
                         r"|^[^.!?\n]{0,60}(?:geboren|zur welt|auf die welt|das licht der welt)"
                         r"|^[^.!?\n]{0,20}\b\d{4}[ \t]?(?:g|gramm)\b")
BIRTH_WORDS = ("geb.", "geboren", "geburt", "jahrgang", "erblickte", "zur welt", "auf die welt", "licht der welt",
               "jahre alt")
# An animal word, its name and a verb before the date: 'Unsere Praxiskatze Frieda hat am 12. Mai Geburtstag'.
PET_BEFORE = re.compile(rf"{ANIMAL_WORD.pattern}[ \t]+[\w-]+[ \t]+(?:hat|wird|wurde|feiert|ist|kam)\b")
# A young animal born: 'ein gesundes Hengstfohlen bekommen – geboren am 21. April'.
YOUNG_ANIMAL = re.compile(rf"(?:fohlen|kalb|kälbchen|welpe|welpen|kätzchen|küken|lämmchen|ferkel|jungtier|"
                          rf"(?:{ANIMAL_STEM.pattern})\w{{0,4}}baby)")
STAR_DATE = re.compile(r"\*\s?\d")  # '* 12.03.2019': the genealogical birth star
# A business's or event's 'birthday', or a birthday party, is not a person's birth date ('Abi-Jahrgang' is a class,
# not a birth year).
NOT_PERSONAL = re.compile(r"(?:\b(?:firmen|vereins|laden|shop|filial|praxis)geburtstag|geburtstagsparty|jubiläum|"
                          r"kindergeburtstag|geburtstagsfeier|geburtstagsfest|einladung zu|"
                          r"gegründet|\bgründung(?!smitglied)|eröffnung|wir feiern|"
                          r"geburtstag (?:unseres|unserer|des|der) (?:vereins|firma|ladens|geschäfts|betriebs|hauses|"
                          r"chors|teams|zeitung)|(?:unser(?:e|em)?|die|der|das) "
                          r"(?:café|laden|geschäft|verein|praxis|firma|team|salon|bäckerei|studio|hotel|restaurant|"
                          r"weingut|hof|betrieb|brauerei|unternehmen|museum|sender|radio|kino|theater|schule|kita|chor|"
                          r"gemeinde|bibliothek|zeitung|verlag|magazin)\b|on air)")


def find_birthdates(text: str) -> list[Hit]:
    """A date with day and month next to a birth word; event, founding and publish dates are not."""
    lower = lowered(text)
    starred = "*" in text and STAR_DATE.search(text) is not None
    if not (starred or any(word in lower for word in BIRTH_WORDS)) or not has_digit(text):
        return []
    hits = []
    for match in DATE.finditer(text):
        before, after = (part.lower() for part in window(text, match.start(), match.end(), 45, 75))
        if not (BIRTH_BEFORE.search(before) or BIRTH_AFTER.search(after)):
            continue
        if NOT_PERSONAL.search(before + after[:40]) or PET_BEFORE.search(before) or YOUNG_ANIMAL.search(before):
            continue  # a firm's, an event's or an animal's birthday ('Unsere Praxiskatze Frieda hat am 12. Mai
            # Geburtstag', 'ein gesundes Hengstfohlen bekommen – geboren am 21. April')
        hits.append(Hit("DATE_OF_BIRTH", match.start(), match.end(), 0.85, "Geburtsdatum"))
    return hits

