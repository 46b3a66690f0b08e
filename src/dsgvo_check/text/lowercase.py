"""Names in comments written all in lower case ('danke an hanne', 'meister jochen, azubi lea und chefin steffi')."""

from __future__ import annotations

import re

from dsgvo_check.text.hits import Hit, whole_word_spans
from dsgvo_check.text.lexicon import ADDRESSING_WORDS, ANIMAL_STEM, ROLE_ENDINGS, SURNAME_ENDINGS, TITLES, Lexicon
from dsgvo_check.text.pets import ANIMAL_EMOJI
from dsgvo_check.wordtrie import trie_pattern

# After these a lower-case surname is a name too ('danke an frau schneider').
SURNAME_TRIGGERS = frozenset({"frau", "herr", "herrn", "dr.", "prof.", "familie"})
# After these even a first name that is also a word is a name: 'oma erika', 'meine freundin mai'.
KIN_TRIGGERS = frozenset({"oma", "opa", "tante", "onkel", "cousine", "cousin", "nichte", "neffe", "freundin", "freund",
                          "mann", "schwester", "bruder", "sohn", "tochter", "enkel", "enkelin"})
# After a preposition, a greeting, a kin word or a role ('fahrlehrer ole'); a lookahead, so that a trigger may
# follow another: 'an frau schneider', 'lea und chefin steffi'.
_LOWER_TRIGGERS = trie_pattern({"an", "mit", "ohne", "für", "von", "und", "&", "bei", "heißt", "heiße", "namens",
                                "eure", "euer", "schreib", "schreibt", "frag", "fragt"}
                               | ADDRESSING_WORDS | SURNAME_TRIGGERS | KIN_TRIGGERS
                               | {title.lower() for title in TITLES if title.isalpha()})
LOWER_NAME = re.compile(rf"(?<![\w-])(?=({_LOWER_TRIGGERS})"
                        r"[ \t]+(?:(?:unser|unsere|unserem|unseren|unserer|mein|meine|meinem|meinen|meiner)[ \t]+)?"
                        r"([a-zäöüß]{3,}(?:-[a-zäöüß]{2,})?)(?![\w@-]|[ \t.]*\d))")
# After a greeting and before 'für' or a comma: 'danke rosa für deine engelsgeduld', 'hallo mark, …'.
THANKED_AFTER = re.compile(r"[ \t]*(?:,|!|für\b)")
# More lower-case names: addressed at the end of a sentence ('wir beten für dich, gerda!'), or listed right
# before a name found ('ben und lina').
LOWER_ADDRESSED = re.compile(r",[ \t]+([a-zäöüß]{3,})[ \t]*[!?]")
# Addressed by name, even one that is also a word: 'stolz auf dich kai!!', 'tanja weißt du noch?'.
LOWER_CALLED = re.compile(r"(?<![\w-])(?:dich|dir)[ \t]+([a-zäöüß]{3,})[ \t]*!|(?<![\w@#.-])([a-zäöüß]{3,})[ \t]+"
                          r"(?:weißt|weisst|hast|bist|kannst|warst|erinnerst)[ \t]+du\b")
LOWER_LISTED_BEFORE = re.compile(r"(?<![\w@.-])([a-zäöüß]{3,})[ \t]*(?:und|&)[ \t]+$")
# Two first names in a row ('lena, maik und …'), and the word after a role ('unsere altistin gisela').
LOWER_PAIR = re.compile(r"(?<![\w@.-])([a-zäöüß]{3,})"
                        r"(?=(?:[ \t]*,[ \t]*|[ \t]+(?:und|&)[ \t]+)([a-zäöüß]{3,})(?![\w@-]))")
NEXT_WORD = re.compile(r"[ \t]+([a-zäöüß]{3,})(?![\w@-]|[ \t.]*\d)")
# A name signing a comment off at the end of its line, maybe with its surname: 'lg vom hof, lasse 🌻', 'bis
# gleich!! svea', 'lg jule vom empfang', 'lg heike tapken'.
_GREETING = r"(?:\blg\b|\bvg\b|grüße|gruß|bis gleich|bis bald|bis dann|ciao|tschüss|xoxo|bussi|\beuer\b|\beure\b)"
LOWER_SIGN_OFF = re.compile(rf"{_GREETING}[^\n]{{0,30}}?[ ,!]([a-zäöüß]{{3,}}(?:-[a-zäöüß]{{2,}})?)"
                            r"(?:[ \t]+[a-zäöüß]{3,}|[ \t]+[a-zäöü]\.)?"
                            r"(?:[ \t]+(?:vom|von|aus)[ \t][^\n]{0,30}|[ \t]*\([^)\n]{0,40}\))?[^\w\n]*$", re.MULTILINE)
# ... or alone on the line after the greeting, or alone on the last line with an initial: 'gruß aus dem
# bootshaus\ngunhild', '… meldet euch bei mir\nsandra b.'.
LOWER_SIGN_OFF_LINE = re.compile(rf"{_GREETING}[^\n]{{0,40}}\n[ \t]*([a-zäöüß]{{3,}})[^\w\n]*$", re.MULTILINE)
LOWER_LAST_LINE = re.compile(r"\n[ \t]*([a-zäöüß]{3,})[ \t]+[a-zäöü]\.[^\w\n]*\s*\Z")
# A first name right after a role word: 'schriftführerin petra sonne hat …', 'kassenwart jens'.
LOWER_ROLE_NAME = re.compile(rf"(?<![\w-])[a-zäöüß]*(?:{trie_pattern(ROLE_ENDINGS)})[ \t]+([a-zäöüß]{{3,}})(?![\w@-])")
# A first name with an age in brackets, even one that is also a word: 'der kleine ben (5)', 'mats (8)'.
LOWER_AGED = re.compile(r"(?<![\w@#.-])([a-zäöüß]{3,})[ \t]*\((?:\d{1,2}|\d{1,2}[ \t]*j\.)\)")
# A capitalised word outside hashtags and handles ('#HappyBirthdayGabi' leaves a comment in lower case).
CAPITALISED_WORD = re.compile(r"[A-ZÄÖÜ](?<![\w#@][A-ZÄÖÜ])[a-zäöüß]")
LOWER_NAME_AFTER = re.compile(r"[ \t]+(?:aus|von|vom)[ \t]|,[ \t]+(?:der|die)[ \t]")


STYLE_CUES = (LOWER_NAME, LOWER_SIGN_OFF, LOWER_AGED, LOWER_ROLE_NAME, LOWER_CALLED)


def lower_case_style(text: str) -> bool:
    """A text in lower case (capitals only in codes: 'DO-KL 4471') with a word a name may follow ('danke an …'),
    a sign-off or an age in brackets: lower-case names are looked for."""
    return (text.islower() or text[1:].islower() or CAPITALISED_WORD.search(text) is None) and any(
        pattern.search(text) is not None for pattern in STYLE_CUES)


def lower_case_names(text: str, lexicon: Lexicon) -> list[Hit]:
    """First names in a text written all in lower case: after 'an', 'mit', 'liebe' … (an ambiguous one only
    with a place or relative clause after it: 'danke an ernst aus gohlis', not 'ganz im ernst'), addressed
    ('…, gerda!'), after a role ('unsere altistin gisela', 'schriftführerin petra'), listed before one of them
    ('ben und lina') or two in a row ('lena, maik und …'); an unambiguous name found counts at every mention
    ('ben ist erst 14')."""
    names: set[str] = set()
    spans: set[tuple[int, int]] = set()
    for match in LOWER_NAME.finditer(text):
        name = match.group(2)
        after_role = NEXT_WORD.match(text, match.end(2)) if name.endswith(ROLE_ENDINGS) else None
        if after_role and _lower_first_name(after_role.group(1), lexicon):  # 'an unsere altistin gisela'
            names.add(after_role.group(1))
        elif _lower_first_name(name, lexicon) or (match.group(1) in SURNAME_TRIGGERS
                                                  and _lower_surname(name, lexicon)):
            names.add(name)
        elif name.capitalize() in lexicon.first_names and (
                LOWER_NAME_AFTER.match(text, match.end(2)) or match.group(1) in KIN_TRIGGERS
                or (match.group(1) in ADDRESSING_WORDS and THANKED_AFTER.match(text, match.end(2)))):
            spans.add(match.span(2))
        else:
            continue
        listed = LOWER_LISTED_BEFORE.search(text, max(0, match.start() - 30), match.start(2))
        if listed and _lower_first_name(listed.group(1), lexicon):
            names.add(listed.group(1))
    names.update(m.group(1) for m in LOWER_ADDRESSED.finditer(text) if _lower_first_name(m.group(1), lexicon))
    # after a role or addressed by name, a first name that is also a word too ('erzieherin jasmin', 'dich kai!')
    for match in (m for pattern in (LOWER_ROLE_NAME, LOWER_CALLED) for m in pattern.finditer(text)):
        name = match.group(match.lastindex or 1)
        if _lower_first_name(name, lexicon):
            names.add(name)
        elif name.capitalize() in lexicon.first_names:
            spans.add(match.span(match.lastindex or 1))
    # signing off after a greeting or with an age, even an ambiguous one: 'lg vom hof, lasse', 'ben (5)'; an
    # ambiguous one only there ('lg will vom empfang', not 'wer will kann mitkommen')
    signed = (LOWER_SIGN_OFF, LOWER_SIGN_OFF_LINE, LOWER_LAST_LINE, LOWER_AGED)
    for match in (m for pattern in signed for m in pattern.finditer(text)):
        if _lower_first_name(match.group(1), lexicon):
            names.add(match.group(1))
        elif match.group(1).capitalize() in lexicon.first_names:
            spans.add(match.span(1))
    if ANIMAL_EMOJI.isdisjoint(text) and not ANIMAL_STEM.search(text):  # 'luna, bruno und frau holle 🐕🐕'
        names.update(name for m in LOWER_PAIR.finditer(text) if all(_lower_first_name(n, lexicon) for n in m.groups())
                     for name in m.groups())
    spans.update(span for name in names for span in whole_word_spans(text, name, "_@#.-", "_@-"))
    return [Hit("PERSON", start, end, 0.6, "Vorname (klein geschrieben)") for start, end in sorted(spans)]


def _lower_first_name(word: str, lexicon: Lexicon) -> bool:
    return lexicon.is_first_name(word.split("-")[0].capitalize())


def _lower_surname(word: str, lexicon: Lexicon) -> bool:
    name = word.capitalize()
    return (name in lexicon.surnames or (len(name) > 5 and name.endswith(SURNAME_ENDINGS))) and (
        name not in lexicon.common_words)
