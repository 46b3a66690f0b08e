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


@pytest.mark.parametrize("text", [
    "Heute erklärt Frau Dr. Leyla Arslan das Fasten mit Diabetes.",
    "Necati Güler (geb. 02.04.1951) ist nach langer Krankheit verstorben.",
    "Wir feiern z. B. Ostern mit Anna.",
    "Abholung in der Hauptstr. 5 bei Jens.",
    "Und gewonnen hat ... @lotta.backt!",
    "Der Gewinner ist … Tim Berger!",
    "Maria Hens feiert heute ihren 100. Geburtstag mit uns.",
])
def test_no_sentence_ends_after_an_abbreviation(text: str) -> None:
    assert Sentences.of(text).starts == (0,)


def test_a_sentence_ends_after_an_initial_before_a_capital() -> None:
    text = "Gewonnen hat Tim K. Herzlichen Glückwunsch!"
    assert Sentences.of(text).index(text.index("Herzlichen")) == 1


def test_the_list_a_sentence_introduces_with_a_colon_belongs_to_it() -> None:
    text = "Ihr wollt euch anmelden? Schickt uns eine DM mit:\n📝 Namen\n🎂 Geburtsdatum\n\nDanke!"
    sentences = Sentences.of(text)
    start, end = sentences.with_list(text, text.index("DM"))
    assert text[start:end].strip() == "Schickt uns eine DM mit:\n📝 Namen\n🎂 Geburtsdatum"
    assert sentences.with_list(text, text.index("Geburtsdatum")) == (start, end)
    assert text[slice(*sentences.with_list(text, text.index("Danke")))] == "Danke!"
