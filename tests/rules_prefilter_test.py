"""Regex prefilters: literals every match contains; a text without them is not searched, with the same result."""

from __future__ import annotations

import random

import pytest
import regex

from dsgvo_check.rules.phrases import FLAGS, Lexicon
from dsgvo_check.rules.prefilter import meets, required_literals


@pytest.mark.parametrize(("expression", "wanted"), [
    (r"\b(?:ab|über)\s+1[68]\b", [{(False, "ab"), (False, "über")}, {(False, "1")}, {(False, "6"), (False, "8")}]),
    (r"(?-i:\b(?:CDU|SPD)\b)", [{(True, "CDU"), (True, "SPD")}]),
    (r"a(?-i:B(?i:cd))", [{(False, "cd")}, {(False, "a")}, {(True, "B")}]),
    (r"STRAẞE", [{(False, "strasse")}]),
    (r"x+y{2}", [{(False, "x")}, {(False, "y")}]),
    # a Unicode property class of the regex module stands for a class: the literals around it still count
    (r"(?-i:Landrat)\s+\p{Lu}\p{Ll}+", [{(True, "Landrat")}]),
    (r"[\p{Lu}x]abc\P{L}", [{(False, "abc")}]),
])
def test_required_literals(expression: str, wanted: list[set[tuple[bool, str]]]) -> None:
    found = required_literals(expression)
    assert found is not None and sorted(map(sorted, found)) == sorted(map(sorted, wanted))


@pytest.mark.parametrize("expression", [
    r"(?:gewinn){e<=1}",    # fuzzy matching of the regex module: re reads the braces as literals
    r"[[:alpha:]]spiel",    # a POSIX class of the regex module
    r"\p{Lu}\w+",           # only a class: nothing required
    r"x\\\\p{Lu}",          # an escaped backslash, then 'p{Lu}' as literals: re reads the braces as literals
    r"a?b*",                # nothing required
    r"(?:ab|c*)",           # one branch requires nothing
])
def test_no_prefilter_where_nothing_is_known(expression: str) -> None:
    assert required_literals(expression) is None


def test_fuzzy_regex_still_matches() -> None:
    lexicon = Lexicon.build([], [r"(?:gewinnspiel){e<=1}"])
    assert lexicon.find("Das Gewinspiel läuft", "das gewinspiel läuft")


def test_prefiltered_regexes_find_what_the_plain_search_finds() -> None:
    expressions = [
        r"\b(?:ab|über|mindestens|erst ab)\s+(?:1[2-9]|2[01])\b", r"\b(?:ü|u)\s?(?:1[68])\b|\b1[68]\s?\+",
        r"(?-i:\b(?:CDU|CSU|SPD|Die Linke)\b)", r"(?-i:\b(?:den|die|der|Die) Grünen\b)", r"STRAẞE \d+",
        r"(?m)^\s*(?:[-–*•✅]|\d+[.)])", r"(?-i:\b(?:Die|CDU)\s+\p{Lu}\p{Ll}+)", r"\bklasse (?:[1-9])[a-e]?\b", r"(?:https?://|www\.)[^\s?#]+\?[^\s#]*=",
    ]
    words = ["ab", "AB", "über", "Über", "18", "16+", "ü16", "CDU", "cdu", "Die", "die", "Grünen", "GRÜNEN",
             "Straße", "STRASSE", "straße", "12", "-", "\n", "•", "Klasse", "3a", "https://x.de/?a=1", "www.y.de?b=",
             "ſtraße", "İ", "ß", "SS", "Linke", "mindestens", "21"]
    pick = random.Random(3)
    texts = [" ".join(pick.choice(words) for _ in range(pick.randint(1, 12))) for _ in range(3000)]
    for expression in expressions:
        lexicon = Lexicon.build([], [expression])
        plain = regex.compile(expression, FLAGS)
        for text in texts:
            spans = sorted({m.span() for m in plain.finditer(text) if m.end() > m.start()})
            assert lexicon.find(text, text.lower()) == spans, (expression, text)


def test_meets() -> None:
    needs = required_literals(r"(?-i:CDU)\s+\d+ (?:stimmen|prozent)")
    assert needs is not None
    assert meets(needs, "CDU 30 Prozent", "cdu 30 prozent")
    assert not meets(needs, "cdu 30 prozent", "cdu 30 prozent")
