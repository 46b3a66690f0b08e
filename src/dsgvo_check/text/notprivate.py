"""Names that are no private persons: a company ('Bäckerei Kramer'), a saint or ruler ('Sankt Martin', 'Karl der
Große'), a title in quotes ('„Orlando“'), a radio call sign ('Florian Oberkirchberg 44/1') and the listed
historical, fictional and brand names ('Harry Potter', 'Dr. Oetker')."""

from __future__ import annotations

import re

from dsgvo_check.text.hits import Hit, window
from dsgvo_check.text.lexicon import BUSINESS_WORDS, INNER_TITLES, NOT_PERSON_BEFORE, TITLES, Lexicon

# A ruler's or saint's epithet: 'Johannes der Täufer', 'Karl der Große', 'Friedrichs des Großen', 'von Friedrich dem
# Großen'.
EPITHET = re.compile(r"s?[ \t]+(?:der|die|des|dem|den)[ \t]+(?:Große|Täufer|Heilige|Weise|Fromme|Löwe|Kühne|Gute|Kahle|"
                     r"Eroberer|Jüngere|Ältere|Schöne|Starke|Evangelist|Apostel|Bekenner|Seefahrer|Rote|Gerechte|Streitbare)"
                     r"(?:n|s)?\b")
# A name something is named after, or whose style it has: 'trägt den Namen von Emmy Noether', 'benannt nach …', 'im
# Stil von Sailor Jerry'; a saying it is quoted from: 'Dieser Satz stammt von Janusz Korczak'; a part in a play: 'die
# Rolle der Annika'.
NAMED_AFTER_BEFORE = re.compile(r"(?i)(?:benannt nach|den namen von|namensgeber(?:in)?:?|im stile? (?:von|des|der)|"
                                r"(?:satz|zitat|spruch|gedicht|motto)[ \t]+stammt[ \t]+von|"
                                r"rolle (?:der|des|von))[ \t]+$")
NAMED_AFTER_LAST_WORDS = frozenset("nach von des der namensgeber namensgeberin namensgeber: namensgeberin:".split())
# A figure of the past cited for what they knew or did long ago: 'Schon Otto von Guericke wusste:', 'Schon Heinrich
# Hoffmann hat 1845 …'.
CITED_LAST_WORDS = frozenset({"schon", "bereits"})
CITED_AFTER = re.compile(r"[ \t]+(?:wusste|sagte|schrieb|meinte|dichtete|lehrte|"
                         r"(?:hat|hatte)[ \t]+(?:1[0-8]\d\d|19[0-4]\d))\b")
OPENING_QUOTES = frozenset("„»\"“‚‹")
OPENING_QUOTE_CHARS = "".join(OPENING_QUOTES) + "("
# An opening quote up to three words before the name: '"Tochter Zion"', '„Hier kommt Alex“'.
QUOTED_WORD_BEFORE = re.compile(r"[„»\"“‚‹](?:[\w-]+[ \t]+){1,3}$")
# The rest of a short quoted title: up to two more words, no punctuation, then the closing quote.
QUOTED_TITLE_END = re.compile(r"s?(?:[ \t]+[\w&-]+){0,2}[“”«\"‘›]")
# A firm: a legal form after the name ('Frank & Glaube OHG'), or a word that is no first name joined by '&'
# ('Segelschule Luv & Lee').
LEGAL_FORM_AFTER = re.compile(r"(?:[ \t]*&[ \t]*[\w-]+)?[ \t]+(?:GmbH|OHG|KG|AG|GbR|UG|e\.[ \t]?K\.|mbH)\b")
AMPERSAND_BEFORE = re.compile(r"([A-ZÄÖÜ][\w-]*)[ \t]*&[ \t]*$")
# Carnival royalty are people of the town: 'Prinz Dirk, Bauer Stefan und Jungfrau Horst. Alaaf!'.
CARNIVAL_TITLES = frozenset({"Prinz", "Prinzessin"})
CARNIVAL = re.compile(r"(?i)karneval|fasching|fastnacht|fasnet|prinzenpaar|dreigestirn|helau|alaaf|narren|session|"
                      r"\b11\.11\.")
# Radio call signs of German emergency services: a name, a place and a number ('Florian Musterstadt 44/1').
RADIO_NAMES = frozenset("Florian Johannes Leopold Akkon Rotkreuz Pelikan Heros Sama".split())
CALL_NUMBER = re.compile(r"[ \t]+\d{1,3}(?:[-/]\d{1,3})+(?!\d)")


def is_private(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """False for companies, saints and rulers, names things are named after, and the historical and fictional
    names of the lexicon."""
    before, _ = window(text, hit.start, hit.end, 80)
    words_before = before.split()
    previous = [w.lstrip(OPENING_QUOTE_CHARS) for w in words_before[-2:] if w not in TITLES and w not in INNER_TITLES]
    if previous and (previous[-1] in BUSINESS_WORDS or previous[-1] in NOT_PERSON_BEFORE) and not (
            previous[-1] in CARNIVAL_TITLES and CARNIVAL.search(text)):
        return False
    if words_before and words_before[-1] in BUSINESS_WORDS:
        return False
    return not (_radio_call_sign(text, hit) or _quoted_title(text, hit) or EPITHET.match(text, hit.end)
                or _named_after(words_before, before) or _cited(text, hit, words_before)
                or _firm(text, hit, before, lexicon) or _in_phrase(text, hit, lexicon))


def _firm(text: str, hit: Hit, before: str, lexicon: Lexicon) -> bool:
    """'Versicherungsbüro Frank & Glaube OHG', 'Segelschule Luv & Lee': the name of a firm (a lone first name
    joined by '&' to a word that is no name; not 'López & Felix Brandt')."""
    joined = AMPERSAND_BEFORE.search(before) if "&" in before else None
    return LEGAL_FORM_AFTER.match(text, hit.end) is not None or (
        joined is not None and " " not in text[hit.start:hit.end] and joined.group(1) not in lexicon.first_names
        and joined.group(1) not in lexicon.surnames)


def _named_after(words_before: list[str], before: str) -> bool:
    """'… trägt den Namen von Emmy Noether', 'benannt nach …', 'im Stil von …', 'Der Satz stammt von …'."""
    return bool(words_before) and words_before[-1].lower() in NAMED_AFTER_LAST_WORDS and (
        NAMED_AFTER_BEFORE.search(before) is not None)


def _cited(text: str, hit: Hit, words_before: list[str]) -> bool:
    """'Schon Otto von Guericke wusste: …': a figure of the past, cited."""
    return bool(words_before) and words_before[-1].lower() in CITED_LAST_WORDS and (
        CITED_AFTER.match(text, hit.end) is not None)


def _quoted_title(text: str, hit: Hit) -> bool:
    """A short title in quotes that starts with the name or the word before it: a book, film or song
    ('„Orlando“', '„Giovannis Zimmer“', '"Tochter Zion"')."""
    opened = (hit.start > 0 and text[hit.start - 1] in OPENING_QUOTES) or QUOTED_WORD_BEFORE.search(
        text, max(0, hit.start - 30), hit.start) is not None
    return opened and QUOTED_TITLE_END.match(text, hit.end) is not None


def _radio_call_sign(text: str, hit: Hit) -> bool:
    """'Florian Oberkirchberg 44/1': the radio call sign of a fire engine (Rotkreuz, Johannes… for others)."""
    return text[hit.start:hit.end].split()[0] in RADIO_NAMES and CALL_NUMBER.match(text, hit.end) is not None


def _in_phrase(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """True when the name lies inside a listed non-person phrase ('Harry Potter', 'Max und Moritz')."""
    name = text[hit.start:hit.end]
    for phrase in lexicon.phrases_with(name):
        lo = max(0, hit.start - len(phrase))
        found = text.find(phrase, lo, hit.end + len(phrase))
        while found != -1 and found <= hit.start:
            end = _genitive_end(text, found + len(phrase))
            if end >= hit.end and _whole_word(text, found, end):
                return True
            found = text.find(phrase, found + 1, hit.end + len(phrase))
    return False


def _genitive_end(text: str, end: int) -> int:
    """The end of a name with its genitive s ('Thomas Manns')."""
    return end + 1 if text[end:end + 1] == "s" else end


def _whole_word(text: str, start: int, end: int) -> bool:
    """No letter, digit or hyphen right before or after: 'Franz-Josef und Maria' holds no 'Josef und Maria'."""
    return (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "-")) and (
        end == len(text) or not (text[end].isalnum() or text[end] == "-"))
