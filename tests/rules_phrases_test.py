"""The phrase language of rule files: words, alternatives, wildcards, gaps, sentence limits."""

from __future__ import annotations

import pytest

from dsgvo_check.rules.phrases import Lexicon, PhraseError, Sentences


@pytest.mark.parametrize(("phrase", "text", "found"), [
    ("zu gewinnen", "Tolle Preise zu gewinnen!", ["zu gewinnen"]),
    ("zu gewinnen", "Wir wollen zu\ngewinnen", []),
    ("verlos*", "Wir VERLOSEN drei Pakete", ["VERLOSEN"]),
    ("*verlosung", "Unsere Herbst-Verlosung und die Adventsverlosung", ["Herbst-Verlosung", "Adventsverlosung"]),
    ("*gewinnspiel*", "#Sommergewinnspielaktion läuft", ["Sommergewinnspielaktion"]),
    ("markier*|tagge ... freund*|freundin*", "Markiert zwei eurer besten Freunde!",
     ["Markiert zwei eurer besten Freunde"]),
    ("markier*|tagge ... freund*", "Markiert euch den Termin. Freunde sind willkommen", []),
    ("bürgermeister", "Bürgermeister-Smidt-Straße 56", []),
    ("bürgermeister", "Bürgermeister Meier eröffnet", ["Bürgermeister"]),
    ("* freunde", "Markiert drei Freunde", ["drei Freunde"]),
    ("op", "Knie-OP und Shop", ["OP"]),
    ("*-op", "nach der Knie-OP zurück", ["Knie-OP"]),
])
def test_phrase_matches(phrase: str, text: str, found: list[str]) -> None:
    lexicon = Lexicon.build([phrase], [])
    spans = lexicon.find(text, text.lower()) if lexicon.possible(text.lower()) else []
    assert [text[s:e] for s, e in spans] == found


@pytest.mark.parametrize("phrase", ["...", "... wort", "wort ...", "a ... ... b", "wo*rt", "@", "a||b"])
def test_bad_phrases_are_rejected(phrase: str) -> None:
    with pytest.raises(PhraseError):
        Lexicon.build([phrase], [])


def test_regexes_are_case_insensitive_and_bounded() -> None:
    lexicon = Lexicon.build([], [r"\bab\s+18\b"])
    assert lexicon.anchors is None
    assert lexicon.find("Teilnahme AB 18!", "teilnahme ab 18!") == [(10, 15)]
    with pytest.raises(PhraseError, match="matches the empty text"):
        Lexicon.build([], [r"x*"])
    with pytest.raises(PhraseError, match="bad regular expression"):
        Lexicon.build([], [r"(unclosed"])


def test_anchors_skip_texts_that_cannot_match() -> None:
    lexicon = Lexicon.build(["teilnahmebeding*", "zu gewinnen"], [])
    assert lexicon.anchors is not None
    assert not lexicon.possible("ein ganz normaler beitrag über brot")
    assert lexicon.possible("alle teilnahmebedingungen im link")


def test_sentences() -> None:
    text = "Einsendeschluss ist Sonntag, 27.09., um Mitternacht. Die Gewinner werden hier bekannt.\nNeu"
    sentences = Sentences.of(text)
    assert sentences.index(text.index("27.09.")) == 0
    assert sentences.index(text.index("Gewinner")) == 1
    assert sentences.index(text.index("Neu")) == 2
    assert text[slice(*sentences.span(text.index("Gewinner")))].startswith("Die Gewinner")
