"""Names beside the first-name anchors: @handles of people, names in hashtags, nicknames given as such."""

from __future__ import annotations

import re

from dsgvo_check.text.hits import Hit
from dsgvo_check.text.lexicon import LIST_GAP, NAME_WORD, Lexicon

# Between two people of a list: 'Claudia, @garten', '@garten und Familie Oberländer'.
PEOPLE_GAP = re.compile(rf"{LIST_GAP}(?:\w+[ \t]+)?")
# A person's own handle in brackets right after their name: 'Kemal Aksoy (@kemalkocht)'.
OWN_HANDLE_GAP = re.compile(r"[ \t]*\([ \t]*")
WINNER_BEFORE = re.compile(r"(?i)(?:gewonnen ha(?:t|ben)|gewinner(?:in|innen)?:?|glückwunsch an|gratulation an|"
                           r"aka|alias)[ \t]+$")
# A nickname given as such right after a name: 'Gerd Sonnleitner, von allen nur „Sonne“ genannt', 'Hans-Peter
# Lorenz, den alle nur Hape nennen', 'Maximilian Graf, genannt Maxi'.
NICKNAME = re.compile(r"(?:genannt|alias)[ \t]+[„\"»]?([A-ZÄÖÜ][\w-]+)[“\"«]?|\b(?:nur|alle)[ \t]+[„\"»]?"
                      r"([A-ZÄÖÜ][\w-]+)[“\"«]?[ \t]+(?:genannt|nennen|nannten|rufen|gerufen)\b"
                      r"|\bfür alle nur[ \t]+[„\"»]([A-ZÄÖÜ][\w-]+)[“\"«]")
SENTENCE_BREAK = re.compile(r"[.!?\n]")
HANDLE = re.compile(r"@(?<![\w@.]@)([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")
HASHTAG = re.compile(rf"#({NAME_WORD})({NAME_WORD})(?![\w])")
HANDLE_PART = re.compile(r"[A-Z]?[a-zäöü]+|[A-Z]+(?![a-z])")
BRAND_HANDLE_WORDS = frozenset("""shop store official offiziell gmbh ag verein ev stadt stadtwerke team club fc tv sv
kita praxis hotel cafe café baeckerei bäckerei autohaus studio salon gemeinde kirche partei schule gym fitness news
radio magazin verlag agentur media marketing design events group gruppe center zentrum kanzlei apotheke online
deutschland germany berlin hamburg muenchen koeln official_de de""".split())
# Words of an account that speaks for itself, a firm's or a person's ('@marcel_offiziell').
OFFICIAL_WORDS = frozenset({"official", "offiziell", "official_de"})
# Words that make a handle a private person's ('@frau_dr_sommer', '@mama_von_drei', '@familie.pauly').
PERSON_HANDLE_WORDS = frozenset("frau herr mama papa mami papi oma opa tante onkel familie".split())
# Hashtags that thank, greet or look for a person by first name: '#DankeGudrun', '#WillkommenLeni', '#FindetMaja'.
GREETING_HASHTAGS = frozenset("Danke Willkommen Tschüss Abschied Servus Hallo Happy Bye Team Go Findet RIP".split())
# Thanks and farewells name a person even by a first name that is also a word: '#DankeJasmin', '#DankeHeide'.
THANKS_HASHTAGS = frozenset("Danke Willkommen Tschüss Abschied Findet RIP".split())
# A family's or couple's surname in a hashtag, in any case: '#HochzeitAlbers', '#familiepetersen'.
FAMILY_HASHTAG = re.compile(r"#(?i:hochzeit|familie)([^\W\d_]{3,})(?![\w])")
# A first name in a lower-case greeting hashtag, or a couple's two: '#teamtheo', '#dankegudrun', '#chiaraunddominik'.
LOWER_GREETING_HASHTAG = re.compile(r"#(?:danke|willkommen|team|happybirthday)([a-zäöüß]{3,})(?![\w])")
# A first name after a wish of several words: '#GuteBesserungKim', '#allesgutemarlene', '#HappyBirthdayLeni'.
WISH_HASHTAG = re.compile(r"#(?i:gutebesserung|allesgute|happybirthday|herzlichenglückwunsch)([A-ZÄÖÜ]?[a-zäöüß]{2,})"
                          r"(?![\w])")
COUPLE_HASHTAG = re.compile(r"#([a-zäöüß]{3,})(?:und|and|&)([a-zäöüß]{3,})(?:\d{2,4})?(?![\w])")


def nicknames(text: str, names: list[Hit]) -> list[Hit]:
    """Nicknames given right after a name found, in the same sentence ('Gerd Sonnleitner, von allen nur „Sonne“
    genannt'); a place's byname is none ('Dresden, auch Elbflorenz genannt')."""
    hits = []
    for match in NICKNAME.finditer(text):
        group = next(index for index in (1, 2, 3) if match.group(index))
        if any(0 <= match.start() - name.end <= 60 and not SENTENCE_BREAK.search(text, name.end, match.start())
               for name in names):
            hits.append(Hit("PERSON", match.start(group), match.end(group), 0.7, "Spitzname"))
    return hits


def handles(text: str, lexicon: Lexicon, names: list[Hit]) -> list[Hit]:
    """@handles of people: a known first name among their parts, or named as a winner or in a list of
    people (`names`: the names found); no business word."""
    if "@" not in text:
        return []
    hits = []
    for match in HANDLE.finditer(text):
        parts = [p.lower() for p in HANDLE_PART.findall(match.group(1))]
        if any(p in BRAND_HANDLE_WORDS and p not in OFFICIAL_WORDS for p in parts):
            continue
        if any(lexicon.is_first_name(p.capitalize()) or (p.endswith("s") and lexicon.is_first_name(p[:-1].capitalize()))
               for p in parts if len(p) > 2) or _word_name_first(parts, lexicon) or (
                len(parts) > 1 and not PERSON_HANDLE_WORDS.isdisjoint(parts)) or (
                _among_people(text, match.start(), match.end(), names)):
            hits.append(Hit("PERSON", match.start(), match.end(), 0.75, "Handle einer Person"))
    return hits


def _word_name_first(parts: list[str], lexicon: Lexicon) -> bool:
    """A first name that is also a word, first in a handle of several parts none of which is a word:
    '@martin_gaensewein', '@hope_bst', '@sonne.kaya' (not '@rosa.blumen')."""
    return len(parts) > 1 and parts[0].capitalize() in lexicon.first_names and not any(
        p.capitalize() in lexicon.common_words for p in parts[1:])


def _among_people(text: str, start: int, end: int, names: list[Hit]) -> bool:
    """'Gewonnen hat @mo.kaya_94', '… Claudia, @gartenliebe_kassel und Familie Oberländer', 'Kemal Aksoy
    (@kemalkocht)'."""
    if WINNER_BEFORE.search(text, max(0, start - 30), start):
        return True
    return any(PEOPLE_GAP.fullmatch(text, name.end, start) or PEOPLE_GAP.fullmatch(text, end, name.start)
               or OWN_HANDLE_GAP.fullmatch(text, name.end, start) for name in names)


def hashtags(text: str, lexicon: Lexicon) -> list[Hit]:
    """'#AnnaMüller': a first name and a surname written as one hashtag; '#DankeGudrun': a thanked first name;
    '#HochzeitAlbers': a family's surname."""
    if "#" not in text:
        return []
    hits = []
    for match in HASHTAG.finditer(text):
        first, second = match.group(1), match.group(2)
        if lexicon.is_first_name(first) and second not in lexicon.common_words:
            hits.append(Hit("PERSON", match.start(1), match.end(2), 0.7, "Name als Hashtag"))
        elif first in GREETING_HASHTAGS and (lexicon.is_first_name(second) or (
                first in THANKS_HASHTAGS and second in lexicon.first_names)):
            hits.append(Hit("PERSON", match.start(2), match.end(2), 0.7, "Vorname im Hashtag"))
    spans = [m.span(1) for pattern in (LOWER_GREETING_HASHTAG, WISH_HASHTAG) for m in pattern.finditer(text)
             if lexicon.is_first_name(m.group(1).capitalize())]
    spans += [m.span(group) for m in COUPLE_HASHTAG.finditer(text) for group in (1, 2)
              if all(lexicon.is_first_name(name.capitalize()) for name in m.groups())]
    hits += [Hit("PERSON", start, end, 0.7, "Vorname im Hashtag") for start, end in spans]
    for match in FAMILY_HASHTAG.finditer(text):
        surname = match.group(1).capitalize()
        if surname in lexicon.surnames and surname not in lexicon.common_words:
            hits.append(Hit("PERSON", match.start(1), match.end(1), 0.7, "Nachname im Hashtag"))
    return hits
