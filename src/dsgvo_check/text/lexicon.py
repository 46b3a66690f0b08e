"""The scanner's word lists: shipped name gazetteers (data/) and the German context words written here."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from dsgvo_check.wordtrie import trie_pattern

# Words before a name that make the following capitalised word(s) a person's name; left out of the span.
TITLES = frozenset("""Herr Herrn Frau Fr. Hr. Dr. Prof. Familie Fam. Kollege Kollegin Kolleg:in Kunde Kundin Kundinnen
Azubi Auszubildende Auszubildender Praktikant Praktikantin Trainer Trainerin Coach Pastor Pastorin Pfarrer Pfarrerin
Diakon Diakonin Kaplan Oma Opa Tante Onkel Mama Papa Mutter Vater Sohn Tochter Enkel Enkelin Bruder Schwester Cousin
Cousine Nachbar Nachbarin Chef Chefin Inhaber Inhaberin Meister Meisterin Geselle Gesellin Lehrer Lehrerin Erzieher
Erzieherin Hebamme Arzt Ärztin Zahnarzt Zahnärztin Physiotherapeut Physiotherapeutin Therapeut Therapeutin Kandidat
Kandidatin Bürgermeister Bürgermeisterin Stadtrat Stadträtin Moderator Moderatorin Gewinner Gewinnerin Siegerin Sieger
Mitarbeiter Mitarbeiterin Mitglied Vorsitzende Vorsitzender Sprecher Sprecherin Leiter Leiterin Influencer
Influencerin Fotograf Fotografin Sänger Sängerin Spieler Spielerin Torwart Kapitän Kapitänin Autor Autorin Gast
Gründer Gründerin Geschäftsführer Geschäftsführerin Küchenchef Küchenchefin Friseurin Friseur Stylistin Stylist
Verkäuferin Verkäufer Filialleiterin Filialleiter Bäckermeister Bäckermeisterin Konditorin Konditor Betreuerin
Betreuer Ansprechpartner Ansprechpartnerin Kontakt Patient Patientin Bewohner Bewohnerin Jubilar Jubilarin
Braut Bräutigam Baby Neffe Nichte Freund Freundin Model Referent Referentin Dozent Dozentin Kursleiterin Kursleiter
Ehrenamtliche Ehrenamtlicher Schüler Schülerin Fahrlehrer Fahrlehrerin DJ DJane""".split())
# Titles that also stand before a surname alone ('Frau Koch'): the next word is a name even if it is a common word.
STRONG_TITLES = frozenset("Herr Herrn Frau Fr. Hr. Dr. Prof. Familie Fam.".split())
# Academic and honorific parts between a title and the name ('Frau Dr. med. Wendland').
INNER_TITLES = frozenset("Dr. Prof. med. dent. vet. rer. nat. phil. jur. habil. Dipl.-Ing. Dipl. h.c. Mag.".split())
# A business word right before a name makes it a company ('Bäckerei Kramer', 'Autohaus Schmidt').
BUSINESS_WORDS = frozenset("""Bäckerei Konditorei Metzgerei Fleischerei Autohaus Café Cafe Salon Friseursalon Hotel
Gasthaus Gasthof Restaurant Pizzeria Apotheke Firma Weingut Hof Verlag Brauerei Schreinerei Tischlerei Zimmerei
Malerbetrieb
Studio Kanzlei Steuerbüro Galerie Boutique Modehaus Blumenladen Buchhandlung Reisebüro Fahrschule Stiftung Haus
Autowerkstatt Werkstatt Optiker Schuhhaus Möbelhaus Landgasthof Brauhaus Kiosk Eisdiele Eiscafé Imbiss Bistro
Manufaktur Gärtnerei Baumschule Reiterhof Hofladen Mühle Sägewerk Druckerei Elektro Sanitär Bestattungen Blumen
Getränke Reifen Mode Moden Glaserei Dachdeckerei Spenglerei Schlosserei Klempnerei Polsterei Wäscherei Reinigung
Hausverwaltung Ingenieurbüro Architekturbüro Planungsbüro Steuerkanzlei Schreibwaren Goldschmiede Raumausstatter
Fliesenleger Heizungsbau Sanitärtechnik Elektrotechnik""".split())
# Words after which a name is a place, ruler or saint, not a private person ('Sankt Martin', 'Kaiser Karl').
NOT_PERSON_BEFORE = frozenset("Band Sankt St. Kaiser Kaiserin König Königin Papst Prophet Propheten Prophetin Erzengel "
                              "Heilige Heiliger Heiligen heilige heiliger heiligen Prinz Schutzpatron Schutzpatronin "
                              "Namenspatron Namenspatronin "
                              # car makes: 'Opel Adam', 'Seat Leon', 'Dacia Logan', 'Renault Zoe'
                              "Opel Seat Dacia Renault Skoda Škoda VW Ford Fiat Toyota Kia Hyundai Peugeot Citroën "
                              "Nissan Mazda Honda Cupra Smart Mini Lancia "
                              "Prinzessin "
                              "Graf Gräfin Herzog Herzogin Kurfürst Zar Zarin "
                              # ships and boats: 'an Bord der MS Johanna'
                              "MS MY SY Motorschiff Segelyacht Yacht Kutter Fähre "
                              # varieties: 'Kartoffeln der Sorte Linda'
                              "Sorte Rebsorte Apfelsorte Rosensorte".split())
# Endings of role words (compounds too) right before a name: 'Pflegerin Mai', 'Bratscher Mark', 'Stationsleitung
# Iris'; matched on lower case.
ROLE_ENDINGS = ("erin", "istin", "antin", "entin", "eurin", "andin", "arin", "fachfrau", "fachmann", "kauffrau",
                "chefin", "ärztin", "köchin", "pfleger", "techniker", "meister", "leiter", "leitung", "trainer",
                "lehrer", "berater", "helfer", "fahrer", "sänger", "spieler", "geiger", "bratscher", "cellist",
                "pianist", "solist", "florist", "artist", "maschinist", "therapeut", "praktikant", "dozent",
                "student", "redakteur", "fotograf", "designer", "guide", "koch", "kellner", "gärtner", "winzer",
                "tischler", "schreiner", "maler", "bäcker", "metzger", "friseur", "barista")
# Parts of a hyphenated compound that make it a street, school, building or prize ('Albert-Schweitzer-Schule').
PLACE_PARTS = frozenset("""Straße Strasse Str. Weg Allee Platz Ring Damm Gasse Ufer Brücke Schule Grundschule Realschule
Gymnasium Gesamtschule Oberschule Mittelschule Hauptschule Berufsschule Kita Kindergarten Haus Halle Stadion Arena Park
Stift Preis Kirche Kapelle Klinik Klinikum Krankenhaus Zentrum Institut Museum Bibliothek Saal Turm Hütte Bad Heim
Stiftung Universität Hochschule Campus Denkmal Quelle Steig Pfad Markt Siedlung Viertel Bahnhof Apotheke
Center""".split())
# Animal words: a name right after one of them (or in apposition) is a pet's ('unser Bürohund Luna').
ANIMAL_STEMS = ("hund", "hündin", "dackel", "labrador", "retriever", "terrier", "pudel", "mops", "welpe", "katze",
                "kater", "kätzchen", "pferd", "pony", "stute", "hengst", "wallach", "kaninchen", "hase", "häsin",
                "meerschwein", "hamster", "wellensittich", "papagei", "vogel", "fellnase", "vierbeiner",
                "maskottchen", "schildkröte", "alpaka", "lama", "esel", "ziege", "kuh", "schwein", "huhn", "hühner",
                "henne", "hahn",
                "mischling", "rüde", "löwe", "plüsch", "teddy", "kuscheltier", "stofftier",
                "sennenhund", "schäferhund", "collie", "spaniel", "beagle", "husky", "pinscher",
                "schnauzer", "dogge", "bulldogge", "chihuahua", "kater", "tier", "haustier", "hofkatze", "stubentiger",
                "haflinger", "fohlen", "trakehner", "shetty", "kalb", "ferkel", "whippet", "windspiel", "greyhound",
                "podenco", "galgo", "setter", "pointer", "weimaraner", "bracke", "malteser", "havaneser", "spitz",
                # zoo and farm animals: 'Giraffe Luise', 'Pinguin Frank', 'unseren Schafen Heidi, Bärbel und Gustav'
                "giraffe", "elefant", "pinguin", "erdmännchen", "eisbär", "braunbär", "kamel", "schaf", "zebra",
                "nashorn", "flamingo", "robbe", "otter", "gorilla", "schimpanse", "tiger", "papagei", "storch")
# Searched in lower-cased text (IGNORECASE on an alternation is slow in `re`): a stem anywhere, or an animal
# word ending a word ('bürohund', 'praxiskatze', 'hundedame'; not 'tierärztin').
ANIMAL_STEM = re.compile(trie_pattern(ANIMAL_STEMS))
ANIMAL_WORD = re.compile(rf"{ANIMAL_STEM.pattern}(?:e|en|n|s|in|chen|dame|damen|endamen|herr|mädchen|junge|bock|opa|"
                         rf"oma|senior|seniorin|baby)?\b")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember", "Jan.", "Feb.", "Febr.", "Mär.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.",
          "Nov.", "Dez.")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag")
# Months and weekdays: no surname after a first name ('Anna Montag'), but one after 'Frau' ('Frau Mai').
CALENDAR_WORDS = frozenset(MONTHS + WEEKDAYS)
# Endings of abstract and collective nouns: 'Kontakt Jugendabteilung' names no person.
NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "ität", "ismus", "tag", "fest", "feier", "party")
# Words after a first name that end the name rather than extend it (also Turkish honorifics: 'Necati Amca').
NOT_SURNAMES = frozenset("""Und Oder Aber Team
Danke Hallo Liebe Lieber Herzlich Herzlichen Willkommen Glückwunsch Happy Alles Gute Viel Viele Von Vom Mit Bei Aus
Auf Im In Am Zum Zur Für Über Unter Vor Nach Ich Du Er Sie Es Wir Ihr Der Die Das Den Dem Ein Eine Einer Eines
Ihnen Ihre Ihren Ihrem Ihrer Ihres Euch Euer Eure Dich Dir Dein Deine Mich Mir Uns Unser Unsere
Hier Jetzt Heute Morgen Gestern Bald Nun Dann Doch Ja Nein Bitte Foto Fotos Bild Video Reel Story Post Link
Bio Amca Abi Abla Teyze Hoca Hocam Bey Hanım Hanim""".split()) | CALENDAR_WORDS
# A word before a lone first or last name that makes it a word or a date, not the person: 'Im Ernst',
# 'seit Anfang Mai', 'der Frank' (the currency), 'am Sonntag', 'Rosen in Rosa'.
NOT_NAME_BEFORE = frozenset("""im am vom zum zur beim ins der die das den dem des ein eine einen einem einer anfang
ende mitte seit bis ab ganz mit in""".split())


def previous_word(text: str, start: int) -> str:
    """The word right before `start`, lower-cased ('' at the start of the text)."""
    before = text[max(0, start - 20):start].split()
    return before[-1].lower() if before else ""


def used_as_word(text: str, start: int) -> bool:
    """A name that is also a word stands as one after an article or preposition ('im Ernst', 'mit Ernst')."""
    return previous_word(text, start) in NOT_NAME_BEFORE
# Greetings a name is addressed with: 'liebe Rosa!', 'Danke, Iris', 'hallo mark, …'.
ADDRESSING_WORDS = frozenset("liebe lieber hallo hi hey danke servus moin".split())
# Endings of family names in the languages spoken in Germany ('Kaminski', 'Hoffmann', 'Petrović', 'Yılmazoğlu').
SURNAME_ENDINGS = ("ski", "ska", "wicz", "czyk", "mann", "ović", "ovic", "oglu", "oğlu", "escu", "opoulos", "enko",
                   "nyk", "chuk", "czuk")
# Particles inside a name ('Ursula von Bergen', 'Jan de Vries').
PARTICLES = frozenset("von van de zu ter ten da di del della dos du le la bin ibn al".split())
CAPITAL_PARTICLES = frozenset("De Di Da Del Della Van Dos Du Le La Al El".split())


def _fold_table() -> dict[int, str]:
    """Latin letters with a diacritic other than the German umlauts -> their base letter ('ł' -> 'l', 'ễ' -> 'e')."""
    table = {ord(special): base for special, base in zip("łŁđĐøØı", "lLdDoOi", strict=True)}
    for code in itertools.chain(range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[0]
        if char not in "äöüÄÖÜ" and base != char and base.isascii() and base.isalpha():
            table[code] = base
    return table


def _char_class(codes: list[int]) -> re.Pattern[str]:
    """A regex class of these code points, written as ranges (a long list of single characters is slower)."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" if a < b else chr(a) for a, b in ranges) + "]")


_FOLD = _fold_table()
_NEEDS_FOLD = _char_class(list(_FOLD))


def fold(text: str) -> str:
    """The text with one base letter for each accented letter (same length, so spans stay valid): names are
    looked up without their accents, as Faker and German texts often drop them ('Małgorzata', 'Nguyễn').
    German umlauts stay: 'Jürgen' and 'Jurgen' are different names in the lists."""
    return text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text


_LOWER = "a-zäöüßàáâãåæçèéêëìíîïñòóôõøùúûýÿāăąćčďēėęěğīįıķĺľłńňőœŕřśşšţťūůűųźżž"
# Regex parts: a capitalised name word ('Jürgen', 'O’Brien'), and the gap between the names of a list.
#: A capital letter of the Latin alphabets of names spoken in Germany.
CAPITAL = "[A-ZÄÖÜÀ-ÖØ-ÞĆČĐŁŃŚŠŞŽŹŻ]"
NAME_WORD = rf"{CAPITAL}[{_LOWER}'’]*[{_LOWER}]"
LIST_GAP = r"[ \t]*(?:,|&|\+|und|sowie)[ \t]+"
# Capitalised words (hyphenated compounds whole): every anchor of a name is one.
CAPITALISED = re.compile(rf"{CAPITAL}[\w-]*")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The shipped gazetteers (see data/README.md for sources and licences)."""

    first_names: frozenset[str]
    ambiguous: frozenset[str]
    surnames: frozenset[str]
    common_words: frozenset[str]
    not_persons: dict[str, tuple[str, ...]]
    anchors: frozenset[str]
    #: 'f' or 'm' for first names given to one gender only (for the same-gender couple test of the rules).
    genders: Mapping[str, str]

    def is_first_name(self, word: str) -> bool:
        return word in self.first_names and word not in self.ambiguous

    def phrases_with(self, name: str) -> tuple[str, ...]:
        """The listed non-person phrases that contain `name` ('Harry' -> 'Harry Potter'), also in the genitive."""
        stem = name[:-1] if name.endswith("s") else name
        first = name.split()[0]
        # a genitive hit ('Jacob') is looked up with its s too ('Jacobs Krönung')
        candidates = self.not_persons.get(first, ()) + self.not_persons.get(f"{first}s", ())
        return tuple(p for p in candidates if stem in p)

    def anchor_words(self, text: str) -> set[str]:
        """The words of `text` (folded) a name can start at (titles without their dot): set operations."""
        words = capitalised_words(text)
        found = set(words & self.anchors)
        if "-" in text:
            found.update(w for w in words if "-" in w and self.is_anchor(w))
        return found

    def is_anchor(self, word: str) -> bool:
        """Can a person's name start at this capitalised word (a title, a first name, its genitive)?"""
        return word in self.anchors or ("-" in word and word.split("-", 1)[0] in self.first_names)


@functools.lru_cache(maxsize=256)
def capitalised_words(text: str) -> frozenset[str]:
    """The capitalised words of `text` (cached: the person finder asks twice per text)."""
    return frozenset(CAPITALISED.findall(text))


def _read(name: str) -> list[str]:
    """The lines of a word list."""
    text = resources.files("dsgvo_check.text").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _folded(words: list[str], common_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words folded like the texts they are compared with; a name that only folded becomes a common or
    a short word ('Līga' -> 'Liga', 'Åge' -> 'Age') is left out."""
    return frozenset(folded for folded, word in zip(map(fold, words), words, strict=True)
                     if folded == word or (len(folded) > 3 and folded not in common_words))


def _by_word(phrases: list[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for phrase in phrases:
        for word in set(phrase.replace(",", " ").split()):
            index.setdefault(word, []).append(phrase)
    return {word: tuple(found) for word, found in index.items()}


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    common_words = _folded(_read("common_words.txt"))
    first_names = _folded(_read("first_names.txt"), common_words)
    return Lexicon(
        first_names=first_names,
        ambiguous=_folded(_read("ambiguous_names.txt")),
        surnames=_folded(_read("surnames.txt"), common_words),
        common_words=common_words,
        not_persons=_by_word([fold(phrase) for phrase in _read("not_persons.txt")]),
        anchors=TITLES | first_names | {f"{name}s" for name in first_names} | {t.rstrip(".") for t in TITLES},
        genders=dict(fold(line).split() for line in _read("name_genders.txt")),
    )
