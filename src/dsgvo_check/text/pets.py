"""Pets with human names: a name next to an animal word or emoji is an animal's, not a person's ('unser Bürohund
Luna', 'Das ist Moritz 🐱', 'Königinnen …: Paula, Greta'). The word lists are searched in lower-cased text."""

from __future__ import annotations

import functools
import re

from dsgvo_check.text.hits import Hit, window
from dsgvo_check.text.lexicon import ANIMAL_STEM, ANIMAL_WORD
from dsgvo_check.wordtrie import trie_pattern

# A list of pets introduced by an animal word and a colon: 'Unsere Welpengruppe ist gestartet: Luna, Balu und Karl'.
LIST_ANIMALS = re.compile(trie_pattern("""welpe welpen hund hunde katze katzen kater pferd pferde pony ponys vierbeiner
fellnase fellnasen kaninchen meerschwein meerschweinchen königinnen bienen hühner hennen küken kühe ziegen schafe
alpakas lamas esel""".split()) + "(?!e?rt)")  # also in compounds ('Welpengruppe:'), not 'Hundert Jahre alt:'

CLAUSE_END = re.compile(r"[.!?\n:]")
WORD_AFTER = re.compile(r"[ \t]+([\w-]+)")
# A name given right after an animal was mentioned: '… 🐓 Er heißt übrigens Gustav'.
_NAMING = ("heißt", "heißen", "hört auf", "hört auf den namen", "namens", "getauft auf den namen")
NAMED = re.compile(rf"(?:{trie_pattern(_NAMING)})"
                   r"[ \t]+(?:\w+[ \t]+)?$")  # searched in lower-cased text
NEXT_SENTENCE = re.compile(r"\ufe0f?[ \t]*[A-ZÄÖÜ]")
# An animal emoji right before a name, a title between at most: '🐈 Herr Schröder sucht ein Sofa'.
EMOJI_BEFORE = re.compile(r"(\S)\ufe0f?[ \t]+(?:[A-ZÄÖÜ][a-zäöüß]*\.?[ \t]+)?$")
ANIMAL_EMOJI = frozenset("🐱🐈🐶🐕🐩🦮🐾🐴🐎🐰🐇🐹🐭🐦🦜🐤🐔🐓🐢🐠🐟🐷🐖🐄🐮🐐🐑🦙🐿")
# Animal words, searched in lower-cased text (IGNORECASE on an alternation is slow in `re`).
_ANIMAL = ANIMAL_WORD.pattern
# Also 'Schäferhund-Mix Anton', and the names listed after one: 'Die Elefantendamen Rosa, Sonne und Frieda'.
ANIMAL_BEFORE = re.compile(rf"{_ANIMAL}(?:-\w+)?[\s:,]+(?:[\w-]+\s+)?$"
                           rf"|{_ANIMAL}[\s:,]+(?:[\w-]+(?:,[ \t]*|[ \t]+(?:und|&)[ \t]+))+$")
# In apposition, also of a pair: 'Günther ist unser Beagle', 'Herr Kaiser und Lotte, unsere beiden Hofkatzen',
# 'Mathilda ist sechs, ein Whippet', 'Bruno, sechs Jahre alt, Golden Retriever'.
ANIMAL_AFTER = re.compile(rf"^(?:[ \t]+(?:und|&)[ \t]+[\w-]+)?"
                          rf"(?:\s*(?:,|\(|–|-)|[ \t]+(?:ist|war|sind)[ \t]+(?:\w+[ \t]*,[ \t]*)?"
                          rf"(?=unser|ein|mein|der|die|das))"
                          rf"\s*(?:\d+\s*,?\s*)?(?:unser\w*|die|der|das|ein\w*|mein\w*)?\s*"
                          rf"(?:[\w-]+,?[ \t]+){{0,4}}?[\w-]*?{_ANIMAL}")


def is_pet(text: str, hit: Hit) -> bool:
    """A pet's name: next to an animal word or followed by an animal emoji ('Das ist Moritz 🐱'), in a list
    after an animal word ('Königinnen …: Paula, …, Marie'), named after one ('… unseren Hahn … 🐓 Er heißt
    übrigens Gustav'), or right after an animal word elsewhere in the text."""
    before, after = window(text, hit.start, hit.end, 80, 60)
    if _emoji_after(after) or not ANIMAL_EMOJI.isdisjoint(EMOJI_BEFORE.findall(before[-24:])):
        return True
    lower_before = before.lower()
    if _near_animal(lower_before, after.lower()) or _in_animal_list(text, hit.start) or _animal_named(
            text, text[hit.start:hit.end]):
        return True
    return bool(NAMED.search(lower_before)) and (bool(ANIMAL_STEM.search(lower_before))
                                                 or not ANIMAL_EMOJI.isdisjoint(before))


def _animal_named(text: str, name: str) -> bool:
    """The name stands right after an animal word elsewhere in the text: 'Unser Schulpferd Ernst ist 24 … danke
    für tausend Reitstunden, Ernst!'."""
    return text.count(name) > 1 and name.lower() in _words_after_animals(text)


@functools.lru_cache(maxsize=256)
def _words_after_animals(text: str) -> frozenset[str]:
    """The words right after an animal word, lower-cased (cached: asked for every name of a text)."""
    lower = text.lower()
    if not ANIMAL_STEM.search(lower):
        return frozenset()
    return frozenset(m.group(1) for m in (WORD_AFTER.match(lower, a.end()) for a in ANIMAL_WORD.finditer(lower)) if m)


def _emoji_after(after: str) -> bool:
    """An animal emoji after the name ('Moritz 🐱', 'Das ist Moritz! 🐱'), unless it opens the next sentence
    ('Danke an Tim! 🐶 Bello freut sich')."""
    rest = after.lstrip(" \t,")
    if rest[:1] in ANIMAL_EMOJI:
        return True
    rest = rest.lstrip("!. \t")
    return rest[:1] in ANIMAL_EMOJI and NEXT_SENTENCE.match(rest, 1) is None


def _near_animal(before: str, after: str) -> bool:
    """A pet's name: right after an animal word, or in apposition to one ('Günther ist unser Beagle');
    `before` and `after` lower-cased."""
    if not ANIMAL_STEM.search(before + after):
        return False
    return bool(ANIMAL_BEFORE.search(before) or ANIMAL_AFTER.search(after))


def _in_animal_list(text: str, start: int) -> bool:
    """A name after a colon, in the same sentence, whose clause before the colon has an animal word, within
    200 characters; not a family's ('… sein Zuhause gefunden: Familie Wendt')."""
    if text[max(0, start - 9):start].rstrip().endswith("Familie"):
        return False
    low = max(0, start - 200)
    colon = text.rfind(":", low, start)
    if colon < 0 or CLAUSE_END.search(text, colon + 1, start):
        return False
    clause = CLAUSE_END.split(text[low:colon])[-1]
    return LIST_ANIMALS.search(clause.lower()) is not None
