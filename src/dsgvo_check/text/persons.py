"""Names of natural persons without a trained model: first-name gazetteer, titles, surname shape, handles."""

from __future__ import annotations

import dataclasses
import re

from dsgvo_check.text.hits import Hit, overlaps_any, whole_word_spans, window
from dsgvo_check.text.lexicon import (
    ADDRESSING_WORDS,
    BUSINESS_WORDS,
    CALENDAR_WORDS,
    CAPITAL,
    CAPITAL_PARTICLES,
    LIST_GAP,
    NAME_WORD,
    NOT_SURNAMES,
    NOUN_ENDINGS,
    PARTICLES,
    PLACE_PARTS,
    ROLE_ENDINGS,
    STRONG_TITLES,
    SURNAME_ENDINGS,
    TITLES,
    Lexicon,
    capitalised_words,
    fold,
    used_as_word,
)
from dsgvo_check.text.lowercase import lower_case_names, lower_case_style
from dsgvo_check.text.notprivate import is_private
from dsgvo_check.text.pets import is_pet
from dsgvo_check.text.tagged import handles, hashtags, nicknames

_CAP = NAME_WORD
# Characters that glue a word to an address, URL, handle or hashtag: no name starts or ends there.
NOT_BEFORE_NAME = frozenset("@#/=&.’'-_")
NOT_AFTER_NAME = frozenset("-'’_@")
# Particles are lower case in German names ('von', 'zu'); Italian, Dutch, Arabic ones also capitalised ('De Luca').
_PARTICLE = "|".join(sorted(PARTICLES | CAPITAL_PARTICLES))
# 'von', 'van de', 'von der': a name particle, then maybe an article ('Herr der Ringe' has none).
NEXT = re.compile(rf"[ \t]+((?:(?:{_PARTICLE})[ \t]+(?:(?:der|den|dem)[ \t]+)?)?)"
                  rf"({_CAP}(?:-{_CAP})*\.?|[A-Z]\.)(?![\w@])")
INNER = re.compile(r":?((?:[ \t]+(?:Dr|Prof|med|dent|vet|rer|nat|phil|jur|habil|Dipl|Mag|h\.c)\.)*)")
GENITIVE_OBJECT = re.compile(r"[ \t]+(?:[a-zäöü]+[ \t]+)?([A-ZÄÖÜ][a-zäöüß][\w-]*)")
# A name in a list of names: 'Ayşe und Fatima', 'Lisa-Marie, Lasse & Leni'.
_AND = LIST_GAP
LISTED_GAP = re.compile(_AND)
LISTED_AFTER = re.compile(rf"{_AND}({_CAP}(?:-{_CAP})*)(?![\w-])")
LISTED_BEFORE = re.compile(rf"(?<![\w-])({_CAP}(?:-{_CAP})*){_AND}$")
RELATIVE_CLAUSE = re.compile(r",[ \t]+(?:der|die)[ \t]+[a-zäöü]")
ARTICLE_BEFORE = re.compile(r"(?i)(?<![\w-])(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|im|am|vom|zum|zur|"
                            r"beim|ins)[ \t]+$")
# An age in brackets, and the capitalised word right before it (searched from the bracket: `re` skips to it).
AGE_PAREN = re.compile(r"\(\d{1,2}\)")
WORD_BEFORE = re.compile(r"[A-ZÄÖÜ](?<![\w@#-][A-ZÄÖÜ])[a-zäöüß]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?=[ \t]*$)")
# Context that makes an ambiguous first name a name: an age ('Mai (6)'), an address ('liebe Rosa!'), one of
# us ('Unsere Jasmin hat …').
AGE_IN_BRACKETS = re.compile(r"[ \t]*\((?:\d{1,2}|\d{1,2}[ \t]*(?:J\.|Jahre))\)")
AGE_AFTER_COMMA = re.compile(r",[ \t]*\d{1,3}(?:[ \t]*(?:J\.|Jahre(?: alt)?))?[ \t]*[,;)]")
ADDRESSED_BEFORE = re.compile(rf"(?i)(?<![\w-])(?:{'|'.join(sorted(ADDRESSING_WORDS))})[ \t]+$")
ADDRESSED_AFTER = re.compile(r"[ \t]*[,!]")
# Addressed at the end of a sentence: 'Danke, Iris!', 'Danke für dein Feedback, Grace!'.
VOCATIVE_BEFORE = re.compile(r",[ \t]+$")
VOCATIVE_AFTER = re.compile(r"[ \t]*[!?]")
# A name given as such: 'Er heißt Mark', 'Ich heiße übrigens Sonne' (a pet's is found as a pet first).
NAMING_BEFORE = re.compile(r"(?i)(?<![\w-])(?:ich[ \t]+heiße|ich[ \t]+heisse|heißt|heisst|namens)[ \t]+"
                           r"(?:übrigens[ \t]+|auch[ \t]+)?$")  # not 'für heiße Tage'

# Words after a first name that make it a word: 'Ernst gemeint', 'Ernst nehmen'.
WORD_USE_AFTER = frozenset("gemeint nehmen genommen".split())
# A greeting that signs a comment or message off: 'Mfg Ernst Willms', 'LG, Mai'.
SIGN_OFF_BEFORE = re.compile(r"(?i)(?<![\w-])(?:lg|vg|mfg|gruß|grüße|grüßle|cheers|ciao|i\. ?a\.|i\. ?v\.)[,!.]?"
                             r"[ \t]*\n?[ \t]*$")
# A role right before a name: 'Pflegerin Mai', 'Bratscher Mark', 'Stationsleitung Iris' (compounds too).
ROLE_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w-]*[a-zäöüß]{3,}[ \t]+$")
OURS_BEFORE = re.compile(r"(?i)(?<![\w-])(?:unser|unsere|unserem|unseren|unserer)[ \t]+$")
# A child named as such: 'Die kleine Hope Mensah hat den 1. Platz belegt'.
LITTLE_BEFORE = re.compile(r"(?<![\w-])(?:kleine|kleiner|kleinen)[ \t]+$")
OURS_AFTER = re.compile(r"[ \t]+(?:hat|hatte|ist|war|wird|feiert|aus|vom|von)\b")
NUMBER_BEFORE = re.compile(r"\d[ \t]*$")  # '4,2 Mio. €'
FEAST_BEFORE = re.compile(r"(?i)(?<![\w-])(?:zum|zur|im|am|beim|vom|ins)[ \t]+$")
LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
# The list after a label of a match report, up to the sentence's end: 'Tore: Krause (2), Nowak. Gelb-Rot: Brenner.'
MATCH_REPORT_LABELS = frozenset("""Tore Torschützen Torschützin Torschütze Treffer Punkte Aufstellung Kader Assists
Einwechslungen Gelb Gelb-Rot Rot Tor Torwart Abwehr Mittelfeld Sturm Angriff Startelf Ersatzbank Bank""".split())
# The clause before a colon, back to the sentence start or a dash ('Aufstellung SV Rot-Weiß:', 'Tischtennis-Aufstellung
# für Samstag:', 'Kader für das Pokalspiel – Tor:').
LABEL_CLAUSE = re.compile(r"[^.!?\n–]{0,40}$")
# One name of such a list, with its goals, minute or points, and what follows it: another name or the list's end.
_SURNAME_WORD = rf"(?={CAPITAL})[^\W\d_]+"
REPORT_ITEM = re.compile(rf"[ \t]*({_SURNAME_WORD}(?:-{_SURNAME_WORD})?)(?:[ \t]*\(\d{{1,3}}\.?\)|[ \t]+\d{{1,2}})?"
                         r"(?:[ \t]*(?:,|/|&|und\b|–)|[ \t]*(?=[.;!?\n]|$))")
DOORBELL = re.compile(r"\bbei[ \t]+([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)[ \t]+(?:klingeln|läuten|schellen)\b")
QUOTED_TEXT = re.compile(r"[„\"»]([^“”\"«\n]{12,400})[“”\"«]")
VON_IDIOMS = frozenset("Herzen Hand Haus Anfang Zeit Kopf Natur Beruf Bedeutung Vorteil Nutzen".split())
NICKNAME_WORDS = ("genannt", "nennen", "nannte", "alias", "rufen", "für alle nur")
_NAME_WORD = rf"(?={CAPITAL})[^\W\d_]{{2,}}(?:-(?=[A-ZÄÖÜ])[^\W\d_]+)?"
AGE_THEN_NAME = re.compile(rf"[0-9](?<![\w.][0-9]{{2}})[0-9]?-?jährige[rn]?[ \t]+({_NAME_WORD}[ \t]+{_NAME_WORD})"
                           r"(?![\w-])")
NAME_WORD_ALONE = re.compile(_NAME_WORD)
BIRTH_DATE_AFTER = re.compile(r"geb\.[ \t]*[0-9]")
MAIDEN_NAME_AFTER = re.compile(r",?[ \t]+geb\.[ \t]+([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?![\w-])")
INDEFINITE_BEFORE = re.compile(r"(?i)(?<![\w-])(?:ein|eine|einen|einem|einer)[ \t]+$")  # 'einen Hugo mit Minze'
ABBREVIATION_AFTER = re.compile(r"\.[ \t]*\d")  # 'Max. 40 Stände'
PRICE_AFTER = re.compile(r"[ \t:]*(?:\d+(?:[,.]\d{1,2})?[ \t]*(?:€|euro\b|eur\b)|€[ \t]*\d)", re.IGNORECASE)


def find_persons(text: str, found: list[Hit], lexicon: Lexicon) -> list[Hit]:
    """Person names in `text` that overlap no other finding (an e-mail address, an address...)."""
    text = fold(text)
    hits: list[Hit] = []
    pets: list[Hit] = []
    titled: set[str] = set()  # names found after a role ('Praktikantin Yasemin')
    public: set[str] = set()  # first names of people of public life, the past or fiction ('Clara Schumann')
    position = 0
    for start, end, word in _anchor_spans(text, lexicon.anchor_words(text)):
        if start < position:
            continue
        listed = bool(hits) and LISTED_GAP.fullmatch(text, hits[-1].end, start) is not None
        title_hit = _title_name(text, end, word, lexicon)
        hit = title_hit or _first_name(text, start, end, word, lexicon, listed=listed)
        if hit is None or overlaps_any(found, hit.start, hit.end):
            continue
        position = hit.end  # 'Kaiser Franz Joseph': a name left out is left out whole
        if is_pet(text, hit):
            pets.append(hit)
        elif is_private(text, hit, lexicon):
            hits.append(hit)
            if title_hit and word not in STRONG_TITLES:  # pets are called 'Herr Schröder', not 'Praktikantin Lea'
                titled.add(text[hit.start:hit.end])
        elif " " in (name := text[hit.start:hit.end]) or lexicon.phrases_with(name):
            public.add(name.split()[0])
    # the first name of someone famous, named again alone: 'Robert und Clara Schumann … Robert war Musikdirektor'
    hits = [hit for hit in hits if text[hit.start:hit.end] not in public] if public else hits
    if "(" in text:
        hits += [h for h in _aged_names(text, lexicon) if not overlaps_any(found + hits + pets, h.start, h.end)]
    if "jährige" in text or "geb." in text:
        hits += [h for h in _described_names(text, lexicon) if not overlaps_any(found + hits + pets, h.start, h.end)]
    if surname_context(text):
        hits += [h for h in _surnames_in_context(text, lexicon) if not overlaps_any(found + hits, h.start, h.end)]
    if pets:  # a pet's name that a title gave to a person is that person's: 'Praktikantin Yasemin … 🐈 Yasemins Tipp'
        hits += [pet for pet in pets if text[pet.start:pet.end] in titled]
        hits = _without_pets(text, hits, [pet for pet in pets if text[pet.start:pet.end] not in titled])
    hits += _first_names_again(text, hits, found, lexicon)
    if "geb." in text:
        hits += _maiden_names(text, hits, found)
    if hits and any(word in text for word in NICKNAME_WORDS):
        hits += [h for h in nicknames(text, hits) if not overlaps_any(found + hits, h.start, h.end)]
    if lower_case_style(text):  # comment style, everything in lower case: 'danke an hanne von nebenan'
        hits += [h for h in lower_case_names(text, lexicon) if not overlaps_any(found, h.start, h.end)]
    elif "„" in text or '"' in text:  # a comment quoted in lower case: '„grüße an timo und deniz …“'
        hits += [h for h in _quoted_lower_case_names(text, lexicon) if not overlaps_any(found + hits, h.start, h.end)]
    if "@" in text or "#" in text:
        tagged = handles(text, lexicon, hits) + hashtags(text, lexicon)
        hits += [h for h in tagged if not overlaps_any(found + hits, h.start, h.end)]
    return hits


def _first_names_again(text: str, hits: list[Hit], found: list[Hit], lexicon: Lexicon) -> list[Hit]:
    """The other mentions of an ambiguous first name found with its surname: 'Abschied von Ernst Paulsen … Ernst
    war 20 Jahre Kirchenältester' (not after an article or preposition: 'im Ernst'; never a month)."""
    firsts = {name.split()[0] for h in hits if " " in (name := text[h.start:h.end])}
    again: list[Hit] = []
    for first in (firsts & lexicon.ambiguous) - CALENDAR_WORDS if firsts else ():
        for start, end in whole_word_spans(text, first, "-@#"):
            following = text[end:end + 20].split()[:1]
            if not (overlaps_any(hits, start, end) or overlaps_any(found, start, end) or used_as_word(text, start)
                    or (following and following[0] in WORD_USE_AFTER)):
                again.append(Hit("PERSON", start, end, 0.7, "Vorname, schon mit Nachnamen genannt"))
    return again


def _maiden_names(text: str, hits: list[Hit], found: list[Hit]) -> list[Hit]:
    """The name a person was born with, after theirs: 'Gerda Hollmann geb. Sievers'."""
    maiden = (MAIDEN_NAME_AFTER.match(text, hit.end) for hit in hits)
    return [Hit("PERSON", m.start(1), m.end(1), 0.8, "Geburtsname") for m in maiden
            if m and not overlaps_any(found + hits, m.start(1), m.end(1))]


def _aged_names(text: str, lexicon: Lexicon) -> list[Hit]:
    """A capitalised word with an age in brackets is a name, also one outside the gazetteer ('Jannes (13)'),
    unless it is a common word or follows an article ('die Gruppe (8)')."""
    hits = []
    for paren in AGE_PAREN.finditer(text):
        match = WORD_BEFORE.search(text, max(0, paren.start() - 40), paren.start())
        if match is None:
            continue
        word = match.group()
        if (word in lexicon.common_words or word in NOT_SURNAMES or word in TITLES or word in BUSINESS_WORDS
                or _abstract_noun(word, lexicon) or ARTICLE_BEFORE.search(text, max(0, match.start() - 12),
                                                                        match.start())):
            continue
        hits.append(Hit("PERSON", match.start(), match.end(), 0.7, "Name mit Altersangabe"))
    return hits


def surname_context(text: str) -> bool:
    """A doorbell or a label of a match report, where a surname alone names a person (`text` folded)."""
    return "klingel" in text or (":" in text and (
        not MATCH_REPORT_LABELS.isdisjoint(capitalised_words(text)) or "ufstellung" in text))


def _quoted_lower_case_names(text: str, lexicon: Lexicon) -> list[Hit]:
    """Names in a quoted comment written in lower case ('Aus den Kommentaren: „grüße an timo und deniz …“')."""
    hits = []
    for quote in QUOTED_TEXT.finditer(text):
        if lower_case_style(quote.group(1)):
            offset = quote.start(1)
            hits += [dataclasses.replace(h, start=h.start + offset, end=h.end + offset)
                     for h in lower_case_names(quote.group(1), lexicon)]
    return hits


def _described_names(text: str, lexicon: Lexicon) -> list[Hit]:
    """Two capitalised words after an age or before a birth date are a name, also one outside the gazetteer
    ('die 15-jährige Selam Tesfaye', 'Yonas Habtemariam, geb. 04.07.1995')."""
    spans = [m.span(1) for m in AGE_THEN_NAME.finditer(text)] if "jährige" in text else []
    for birth in BIRTH_DATE_AFTER.finditer(text) if "geb." in text else ():
        before = text[:birth.start()].rstrip(" \t")
        end = len(before) - 1 if before.endswith(",") else len(before)
        words = before[max(0, end - 60):end].split(" ")[-2:]
        if len(words) == 2 and all(NAME_WORD_ALONE.fullmatch(word) for word in words):
            spans.append((end - len(words[0]) - len(words[1]) - 1, end))
    return [Hit("PERSON", start, end, 0.75, "Name mit Alter oder Geburtsdatum") for start, end in spans
            if not any(w in lexicon.common_words or w in NOT_SURNAMES or w in TITLES for w in text[start:end].split())]


def _surnames_in_context(text: str, lexicon: Lexicon) -> list[Hit]:
    """Surnames alone where only people stand: the scorers and players listed after a label of a match report
    ('Tore: Krause (2), Nowak.', 'Punkte: Schwarz/Fuchs 2, Weiß 2'), a name on a doorbell ('bei Wieczorek
    klingeln')."""
    spans = [m.span(1) for m in DOORBELL.finditer(text) if m.group(1) not in lexicon.common_words] if (
        "klingel" in text) else []
    colon = text.find(":")
    while colon >= 0:
        item = REPORT_ITEM.match(text, colon + 1) if _report_label_before(text, colon) else None
        while item is not None:
            if item.group(1) in lexicon.surnames or item.group(1) not in lexicon.common_words:
                spans.append(item.span(1))
            item = REPORT_ITEM.match(text, item.end())
        colon = text.find(":", colon + 1)
    return [Hit("PERSON", start, end, 0.7, "Nachname (Spielbericht, Klingel)") for start, end in spans]


def _report_label_before(text: str, colon: int) -> bool:
    """A label of a match report in the clause before the colon, also as the end of a compound."""
    clause = LABEL_CLAUSE.search(text, max(0, colon - 40), colon)
    words = clause.group().split() if clause else []
    return any(word.rsplit("-", 1)[-1] in MATCH_REPORT_LABELS for word in words)


def _anchor_spans(text: str, words: set[str]) -> list[tuple[int, int, str]]:
    """Where the anchor words stand as whole words in `text` (a title with its dot), in text order."""
    spans = []
    for word in words:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in NOT_BEFORE_NAME or after.isalnum()
                    or (after in NOT_AFTER_NAME and not _apostrophe_genitive(text, end, word))):
                dotted = after == "." and f"{word}." in TITLES
                spans.append((start, end + 1, f"{word}.") if dotted else (start, end, word))
            start = text.find(word, end)
    return sorted(spans)


def _apostrophe_genitive(text: str, end: int, word: str) -> bool:
    """'Max' Papa', 'Jens’ Rad': the genitive apostrophe of a name ending in s, x, z or ß."""
    return text[end] in "'’" and word[-1] in "sxzß" and text[end + 1:end + 2].isspace()


def _title_name(text: str, end: int, title: str, lexicon: Lexicon) -> Hit | None:
    """'Frau Kramer', 'Dr. Wendland', 'Kollegin Jule', 'Familie Jansen': the name without the title."""
    if title not in TITLES:
        return None
    inner = INNER.match(text, end)
    name = NEXT.match(text, inner.end()) if inner else None
    if inner is None or name is None:
        return None
    word = name.group(2).rstrip(".")
    strong = title in STRONG_TITLES or bool(inner.group(1))
    if len(word) == 1:  # an initial and the surname: 'Kellermeister J. Berger', 'Frau A. Müller'
        return _initial_and_surname(text, name, lexicon, title)
    if word.lower().endswith(ROLE_ENDINGS) and word not in lexicon.first_names and (
            (after := NEXT.match(text, name.end(2))) and after.group(2) in lexicon.first_names):
        return None  # a second role: 'Kursleiterin: Imkermeisterin Hannelore Mätzler' (her name follows that one)
    # A month or weekday right after a title is a name: 'Frau Mai', 'Herr Montag', 'Opa August'.
    calendar_name = word in CALENDAR_WORDS and (strong or word in lexicon.first_names)
    if not (calendar_name or _name_word(word, lexicon, strong=strong)) or _particle_idiom(name, word):
        return None
    if not strong and (_role_label(text, end - len(title), name.end(2), word, lexicon) or (
            name.group(1) and word not in lexicon.first_names and word not in lexicon.surnames)):
        return None  # a label ('Ansprechpartnerin Kinderturnen: …'), a place ('Bürgermeister von Meldorf')
    # 'Familie von Stetten' is a name with its particle; 'die Familie von Erika Lohmann' is Erika's family.
    start = name.start(1) if name.group(1) and word not in lexicon.first_names else name.start(2)
    end = name.start(2) + len(word)
    if word in lexicon.first_names:
        end = _extend(text, end, lexicon, strong=strong)
    elif strong and _name_goes_on(text, end, lexicon):  # 'Herrn Pham Van Duc', 'Frau Nguyen Thi Lan'
        end = _extend(text, end, lexicon)
    return Hit("PERSON", start, end, 0.9, f"Name nach „{title}“")


def _particle_idiom(name: re.Match[str], word: str) -> bool:
    """'von' before one of a few nouns is an idiom, not a noble name: 'der ganzen Familie von Herzen'."""
    return bool(name.group(1)) and word in VON_IDIOMS


def _initial_and_surname(text: str, initial: re.Match[str], lexicon: Lexicon, title: str) -> Hit | None:
    """'J. Berger' after a title or role: the initial with a surname that is not a common word."""
    surname = NEXT.match(text, initial.end())
    if surname is None or surname.group(1) or len(surname.group(2)) < 3:
        return None
    word = surname.group(2).rstrip(".")
    if word in lexicon.common_words and word not in lexicon.surnames:
        return None
    return Hit("PERSON", initial.start(2), surname.start(2) + len(word), 0.85, f"Name nach „{title}“")


def _name_goes_on(text: str, end: int, lexicon: Lexicon) -> bool:
    """A particle or a listed name follows the surname: the name goes on in its own order."""
    following = NEXT.match(text, end)
    if following is None:
        return False
    word = following.group(2).rstrip(".")
    return bool(following.group(1)) or word in lexicon.first_names or word in lexicon.surnames


def _role_label(text: str, title_start: int, word_end: int, word: str, lexicon: Lexicon) -> bool:
    """A line that starts with a role and a topic as a label: 'Ansprechpartnerin Kinderturnen: Sabine Hoffmann'."""
    return (text[word_end:word_end + 1] == ":" and LINE_START.search(text, 0, title_start) is not None
            and word not in lexicon.first_names and word not in lexicon.surnames)


def _first_name(text: str, start: int, end: int, word: str, lexicon: Lexicon, *, listed: bool = False) -> Hit | None:
    """A known first name, with the surname, initial or second first name that follows; `listed`: right after
    another name and 'und' or a comma ('Khalid Al-Hashimi und Fatima')."""
    if _is_place_compound(word, lexicon):
        return None
    head = word.split("-")[0]
    if head not in lexicon.first_names:
        if word.endswith("s") and lexicon.is_first_name(word[:-1]) and _genitive_object(text, end, lexicon):
            return Hit("PERSON", start, end - 1, 0.7, "Vorname (Genitiv)")
        return None
    name_end = _extend(text, end, lexicon)
    if name_end == end and (PRICE_AFTER.match(text, end) or ABBREVIATION_AFTER.match(text, end)
                            or FEAST_BEFORE.search(text, max(0, start - 8), start)
                            or INDEFINITE_BEFORE.search(text, max(0, start - 8), start)
                            or NUMBER_BEFORE.search(text, max(0, start - 4), start)):
        return None  # a drink ('Hugo 4,50 €', 'einen Hugo'), 'Max. 40', a feast or a thing ('zum Bayram')
    if head in lexicon.ambiguous and not (listed or _double_first_name(word, lexicon)
                                          or _known_surname_after(text, end, name_end, lexicon)
                                          or _named_in_context(text, start, name_end, lexicon)):
        return None
    if name_end == end:
        return Hit("PERSON", start, end, 0.7, "Vorname")
    return Hit("PERSON", start, name_end, 0.9, "Vor- und Nachname")


def _double_first_name(word: str, lexicon: Lexicon) -> bool:
    """'Mai-Linh', 'Rosa-Marie', 'Ernst-August': first names joined by a hyphen are a name."""
    return "-" in word and all(part in lexicon.first_names for part in word.split("-")[1:])


def _genitive_object(text: str, end: int, lexicon: Lexicon) -> bool:
    """A noun follows a genitive name ('Jans Fahrrad'), not another name ('unser Bass Frank Lindholm')."""
    following = GENITIVE_OBJECT.match(text, end)
    return following is not None and not lexicon.is_first_name(following.group(1))


def _named_in_context(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """An ambiguous first name listed with an unambiguous one ('Ayşe und Fatima', 'Lisa-Marie, Lasse & Leni'),
    after a role ('Floristin Jasmin') or a greeting that signs off ('Mfg Ernst Willms'), without an article
    before a relative clause ('für Christian, der seit Mai mittrainiert'), addressed ('Danke, liebe Rosa!',
    'Danke, Iris!') or as one of us ('Unsere Jasmin hat die Meisterprüfung bestanden')."""
    before, _ = window(text, start, end, 40)
    after = LISTED_AFTER.match(text, end)
    if after and "," in after.group() and VOCATIVE_AFTER.match(text, after.end()):
        after = None  # the name after the comma is addressed, not listed: 'Du bist der Beste, Frank!'
    listed = [m.group(1) for m in (after, LISTED_BEFORE.search(before)) if m]
    if any(lexicon.is_first_name(name.split("-")[0]) for name in listed):
        return True
    if AGE_IN_BRACKETS.match(text, end) or AGE_AFTER_COMMA.match(text, end):  # 'Mai (6)', 'Mark Tessendorf, 82,'
        return True
    role = ROLE_BEFORE.search(before)
    if (role and role.group().rstrip().lower().endswith(ROLE_ENDINGS)) or SIGN_OFF_BEFORE.search(before) or (
            NAMING_BEFORE.search(before) or LITTLE_BEFORE.search(before)):
        return True  # 'Pflegerin Mai', 'Mfg Ernst Willms', 'Er heißt Mark'
    if text[start:end] in CALENDAR_WORDS:  # 'Hallo Mai!', 'unser August war heiß'
        return False
    return bool((RELATIVE_CLAUSE.match(text, end) and not ARTICLE_BEFORE.search(before))
                or (ADDRESSED_BEFORE.search(before) and ADDRESSED_AFTER.match(text, end))
                or (VOCATIVE_BEFORE.search(before) and VOCATIVE_AFTER.match(text, end))
                or (OURS_BEFORE.search(before) and OURS_AFTER.match(text, end)))


def _known_surname_after(text: str, end: int, name_end: int, lexicon: Lexicon) -> bool:
    """An ambiguous first name ('Rosa', 'Kino') counts only before a surname of the gazetteer or of a
    surname's shape ('Rosa Kaminski', 'Mai Hoffmann'), also as part of a double surname."""
    following = text[end:name_end].split()
    return bool(following) and any(part in lexicon.surnames or (len(part) > 5 and part.endswith(SURNAME_ENDINGS))
                                   for part in following[-1].split("-"))  # 'Erika Bendixen-Schmitz'



def _is_place_compound(word: str, lexicon: Lexicon) -> bool:
    """'Albert-Schweitzer-Straße', 'Till-Eulenspiegel-Brunnen': a hyphenated compound ending in a noun."""
    parts = word.split("-")
    if len(parts) < 2:
        return False
    last = parts[-1]
    if not all(p in lexicon.first_names or p in lexicon.surnames for p in parts[1:]):
        return True  # 'Frida-Wrap', 'Tea-Tree-Shampoo', 'Max-Planck-Institut'
    return (last in PLACE_PARTS or last.endswith(("straße", "strasse", "weg", "platz", "allee", "schule"))
            or (last in lexicon.common_words and last not in lexicon.surnames and last not in lexicon.first_names))


def _name_word(word: str, lexicon: Lexicon, *, strong: bool) -> bool:
    """May `word` be (part of) a name? After 'Frau'/'Dr.' any capitalised word may be a surname."""
    if word in NOT_SURNAMES or word in TITLES or f"{word}." in TITLES or word.rstrip(".") in BUSINESS_WORDS or (
            _abstract_noun(word, lexicon)) or word.rsplit("-", 1)[-1] in TITLES:  # 'Kfz-Meister'
        return False
    if word in lexicon.first_names or word in lexicon.surnames or strong:
        return True
    return word not in lexicon.common_words


def _abstract_noun(word: str, lexicon: Lexicon) -> bool:
    """'Jugendabteilung', 'Geschäftsleitung': a compound noun, no surname ('Hartung' is in the list)."""
    return len(word) > 7 and word.endswith(NOUN_ENDINGS) and word not in lexicon.surnames


def _extend(text: str, end: int, lexicon: Lexicon, *, strong: bool = False) -> int:
    """End of the name after its first word: further first names, particles + surname, or an initial.

    `strong`: the name follows 'Frau'/'Dr.', so the next capitalised word is its surname whatever it is."""
    for _ in range(3):
        following = NEXT.match(text, end)
        if following is None:
            return end
        particles, word = following.group(1), following.group(2)
        if len(word) == 2 and word.endswith("."):
            return following.end()
        word = word.rstrip(".")
        if not particles and lexicon.is_first_name(word):
            end = following.start(2) + len(word)
            continue
        if not particles and word.endswith("s") and lexicon.is_first_name(word[:-1]):
            return following.start(2) + len(word)  # a patronymic surname: 'Uwe Carstens', 'Jan Peters'
        word_end = following.start(2) + len(word)
        if word in CALENDAR_WORDS and AGE_IN_BRACKETS.match(text, word_end):
            return word_end  # 'Hildegard Mai (87)'
        if _particle_idiom(following, word):
            return end
        if _name_word(word, lexicon, strong=strong) and (strong or particles or word not in lexicon.ambiguous):
            return following.start(2) + len(word)
        return end
    return end


def _without_pets(text: str, hits: list[Hit], pets: list[Hit]) -> list[Hit]:
    """The hits that name no pet: not a pet's name, nor listed with a mention of one ('Seit Günther und Hilde
    da sind', where Günther is the rabbit)."""
    names = {text[pet.start:pet.end] for pet in pets}
    names |= {f"{name}s" for name in names}  # the genitive: 'Oskars Patin'
    kept = [hit for hit in hits if text[hit.start:hit.end] not in names]
    mentions = pets + [hit for hit in hits if text[hit.start:hit.end] in names]
    listed = {text[a.start:a.end] for a in kept for b in mentions
              if LISTED_GAP.fullmatch(text, a.end, b.start) or LISTED_GAP.fullmatch(text, b.end, a.start)}
    return [hit for hit in kept if text[hit.start:hit.end] not in listed]
