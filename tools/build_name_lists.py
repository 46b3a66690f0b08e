"""Build the scanner's name lists in src/dsgvo_check/text/data/ from Faker and spacy-lookups-data.

Run once when the sources change (both are build-time only, neither is needed at run time):

    .venv/bin/pip install faker spacy-lookups-data
    .venv/bin/python tools/build_name_lists.py

Writes:
- first_names.txt     first names of the locales below (Faker, MIT licence), Cyrillic ones transliterated
- ambiguous_names.txt those first names that are also frequent German words ("Rosa", "Ernst", "Mai"):
                      the scanner wants more evidence for them (a title before, a surname after)
- surnames.txt        last names of the same locales
- common_words.txt    frequent capitalised German words (spacy-lookups-data de_lexeme_prob, MIT) that are
                      neither first nor last names: a capitalised word after a first name that is in this
                      list is not taken as a surname ("Anna Kuchen" -> "Anna")
"""

from __future__ import annotations

import gzip
import importlib
import json
import os
import re
from collections.abc import Iterable

LOCALES = ("de_DE", "de_AT", "de_CH", "tr_TR", "pl_PL", "it_IT", "hr_HR", "en_US", "en_GB", "fr_FR", "nl_NL",
           "es_ES", "pt_PT", "ro_RO", "cs_CZ", "sk_SK", "hu_HU", "sv_SE", "da_DK", "fi_FI", "el_GR", "ru_RU",
           "uk_UA", "bg_BG", "sl_SI", "lt_LT", "lv_LV", "et_EE", "no_NO")
# Common in Germany, missing from the Faker locales above (Arabic, Persian, Kurdish, Vietnamese names in
# their usual German spelling).
EXTRA_FIRST_NAMES = """Mohammed Mohamed Muhammad Ahmed Ahmad Ali Omar Yusuf Youssef Hassan Hussein Karim Samir Tarek
Khaled Walid Nabil Rami Bilal Hamza Ibrahim Mahmoud Mustafa Amir Omid Reza Dariush Kian Aras Rojin Dilan Zana
Fatima Aisha Aischa Layla Leila Rania Nour Noor Yasmin Jasmin Amira Samira Hiba Mariam Maryam Zeynep Shirin Nasrin
Linh Minh Thanh Huong Lan Trang Thu Hoa Anh Duc Quang Tuan Hung Khanh Phuong Ngoc
Emilia Mia Hannah Emma Sofia Lina Mila Ella Clara Lea Leni Marie Lia Frieda Ida Matilda Lotta Nele Jule Thea Greta
Paula Luisa Mira Malia Lena Juna Romy Zoe Finja Smilla Ronja Pia Merle Maja Tilda Carla Elisa Liv Alma Hedda Jana
Noah Leon Paul Ben Finn Elias Felix Henry Luis Emil Theo Jonas Matteo Anton Leo Jakob Milan Mats Ole Fiete Hannes
Jannik Luca Lukas Moritz Julian Malte Piet Bjarne Till Levi Mika Niklas Nils Kian Levin Linus Samuel Johann Oskar
Konstantin Korbinian Vincent Valentin Lasse Lennard Lenny Jonte Janne Jasper Bruno Arne Björn Sönke Kalle Fynn
Steffi Susi Uschi Gabi Conny Micha Olli Flo Basti Tobi Chrissi Jojo Lulu Pauli Lilly Maxi Benni Caro Kathi Lenchen
Yasemin Elif Emre Deniz Mert Berkay Ayşe Aylin Melek Selin Burak Cem Murat Kemal Leyla Derya
Merve Furkan Kerem Baran Eren Emir Ömer Hüseyin Mehmet Ahmet Hakan Serkan Volkan Tolga Onur Okan Gökhan Özlem Esra
Büşra Tuğba Sibel Hatice Emine Songül Kübra Rabia Sude Ecem Irem Nisa Defne Eylül Azra Zehra Berat Yiğit Arda Kaan
Efe Umut Cansu Ceren Abdullah Osama Anas Yazan Qusai Hala Rasha Dima Raghad Shahed Bayan Sidra Ghaith Mohannad Mazen
Fadi Jamal Mohammad Zahra Sahar Mursal Farid Sohrab Kateryna Oleksandr Oleksij Mykola Andrij Jurij Serhij Taras
Bohdan Olena Iryna Oksana Tetjana Julija Natalija Switlana Kasia Gosia Basia Magda Ania Tomek Bartek
Hinnerk Hauke Tjark Okke Momme Ocke Kerrin Rieke Wilke Fokko Jörn Broder Onno Ubbo Gesa Wiebke Imke Tomke Keno Enno
Eike Frerk Hanne Antje Heike Maike Meike Frauke Birte Birthe Telse Inken Ilka Thore Sönke Fenja Swantje Tjorven
Sepp Jupp Vroni Resi Wastl Hias Burgi Zenzi Quirin Vitus Xaver Hanka Meto Andi Moni Bine Pit Rike Manu Dani Sandy
Mandy Nicki Vicky Jessy Sanne Ulli Uli Rudi Willi Fritzi Hansi Afra Levent Kenan Cengiz Erkan Ercan Sinan Tayfun
Bülent Engin Caner Selim Orhan Kwame Kofi Akua Kwabena Emeka Chinedu Chiamaka Ngozi Obinna Ifeoma Adaeze Tunde Ayodele
Folake Amadou Moussa Fatou Aminata Mamadou Ousmane Nkechi Chidi Chukwuemeka Olumide Oluwaseun Adebayo Temitope
Funmilayo Babatunde Yetunde Rojda Rojin Berfin Dilan Zilan Baran Azad Şivan Rêber Hêvî Jiyan Newroz Zozan Delal Bartosz
Zuzanna Oliwia Wiktoria Franciszek Antoni Thuy Thao Trang Huong Linh Minh Tuan Quang Hieu Khanh Phuong Nhung Mai
Paule Hanne Kalle Ole Jule Kostas Giorgos Nikos Dimitris Yannis Vasilis Stavros Panagiotis Siobhan Niamh Aoife
Saoirse Ciara Sinead Aisling Caoimhe Oisin Padraig Nnamdi Chinonso Ylvi Ylva Tuva Solveig Sigrid Ingvild Hevîn Berivan
Rozerin Welat Diyar Zinar Bawer Rezan Helin Sevgi Ebru Jorinde Spyros Tetiana Oleksii Oleksandra Yulia Viktoriia
Anastasiia Mykhailo Dmytro Andrii Serhii Yurii Nataliia Olha Halyna Liudmyla Svitlana Vitalii Bohdana Will Jette
Jannes Dragoș Ionuț Ioana Florin Mihaela Andreea Hope Sonne Sunny Dahlia Olu Ama Abena Farida""".split()
# Vietnamese surnames, and frequent German surnames that Faker's de_DE list (404 names) lacks.
EXTRA_SURNAMES = """Nguyen Tran Le Pham Hoang Vu Vo Dang Bui Do Ho Ngo Duong Ly
Ahrens Behrens Brinkmann Bruns Busch Böhme Böttcher Dreyer Ehlers Engelhardt Funk Hanke Heinemann Hildebrandt Hinz
Hoppe Keil Kretschmer Krämer Krüger Kuhlmann Kühn Kühne Lindemann Meißner Menzel Merkel Naumann Niemann Nolte Pietsch
Popp Rau Reichert Riedel Rothe Runge Rösler Schade Schick Schilling Schlegel Schmitz Schuhmacher Schulte Schulze
Schürmann Schütte Siebert Stahl Theis Thiel Thiele Vetter Voigt Voß Wegner Weis Wendler Wiegand Wiese Winkelmann Wolff
Zander Brandes""".split()
# First names that are ordinary German words or places whatever their frequency says.
ALWAYS_AMBIGUOUS = """Mai August April Juni Juli Sonne Stern Rose Rosa Lilie Jasmin Erika Iris Viola Flora Dahlia
Will May Mark Art Guy Rock Earl Hope Grace Faith Joy Sunny Summer Golf Paris Florence Sydney Adelaide Victoria
Charlotte Berlin Wien Fatima Mercedes Melitta Nikolaus Martin Christian Weiß Klein Lang Bach
Lage Tor Tore Roman Job Stein Kino Wolf Tode Wille Kader Gabel Agent Kick Urban Junior Santa Pastor Panda Diamond
Soja Ruin Ritt Saar Line Marine German Romane Rosen Lot Made Aura Olympia Jet Crystal Sol Bali Saga Gala Hagen
Linde Heide Mentor Beat Sep Ebbe Lex Nova Kit Cruz Silva Dawn Hunter Parker Taylor Jordan Wilson Nelson Grant
Corona Nonna Ramadan Silvester Mio Bob Logan Newroz Tora Abraham Sude Brett Ramazan Bayram Medina Kete""".split()
# Names given to girls and boys in Germany, whatever one Faker locale says.
UNISEX = """Luca Luka Kim Robin Alex Sascha Toni Charlie Noa Mika Maxi Micha Jo Chris Sam Eike Kai Joscha Jona Jonna
Nicola Nikola Andrea Simone Gabriele Jasmin Birgit Dominique Deniz Maria Elia Ari Yuki Lou Sunny
Jesse Jean Marian Michele Renée Rene""".split()
# Genders Faker does not know: North German, Turkish and Kurdish names, short forms.
EXTRA_FEMALE = """Finnja Amara Hina Yui Aoi Sakura Yuna Melis Miri Jule Smilla Defne Ecem Hanne Fenja Frauke Wiebke
Imke Gesa Rieke Tomke Nele Elin""".split()
EXTRA_MALE = """Haruto Yuto Sota Riku Takumi Kenji Hiroshi Takeshi Jonte Hauke Tjark Fiete Baran Onno Hinnerk Keno
Jannes Thore Ocke Arne Kalle Matz""".split()
# Faker's names that are words or places in German posts and never names there ('Einer, der …', Polish 'Bóg
# zapłać', 'in Alexandria').
NOT_FIRST_NAMES = "Einer Bóg Bog Alexandria".split()
# Frequent nouns that spacy-lookups-data's lemma table lacks (plural-only words, drinks): no surname after a name
# ('in der Scheune von Henriks Eltern').
EXTRA_COMMON_WORDS = """Eltern Großeltern Schwiegereltern Ferien Kaffee Milch Tickets Geschwister Leute Online Offline
Digital Portal Service Shop Live""".split()
# A few would-be ambiguous names that are unmistakably first names in German posts.
NEVER_AMBIGUOUS = "Anna Peter Paul Hans Maria Thomas Michael Andreas Stefan Jan Max Eva Lisa Sarah".split()
CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ", [
    "a", "b", "w", "g", "d", "e", "jo", "sch", "s", "i", "j", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
    "f", "ch", "z", "tsch", "sch", "schtsch", "", "y", "", "e", "ju", "ja", "i", "ji", "je", "g"], strict=True))
LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿāăąćčďēėęěğīįıķĺľłńňőœŕřśşšţťūůűųźżž]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?")
COMMON_WORD_MIN_LOGPROB = -14.5
AMBIGUOUS_MIN_LOGPROB = -12.6
DATA_DIR = os.path.join(os.path.dirname(__file__), "..", "src", "dsgvo_check", "text", "data")


def transliterate(name: str) -> str:
    """German transliteration of a Cyrillic name ('Наталья' -> 'Natalja'); Latin names pass unchanged."""
    latin = "".join(CYRILLIC.get(ch.lower(), ch.lower()) for ch in name)
    return latin[:1].upper() + latin[1:] if name[:1].isupper() else latin


def faker_names(attribute: str) -> set[str]:
    names: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for name in getattr(provider, attribute, ()):
            names.update(_latin_words(transliterate(name)))
    return names


def _latin_words(name: str) -> Iterable[str]:
    return (word for word in name.split() if LATIN_NAME.fullmatch(word))


def lookup_table(name: str) -> dict[str, object]:
    import spacy_lookups_data

    path = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data", f"{name}.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table: dict[str, object] = json.load(handle)
    return table


def word_logprobs() -> dict[str, float]:
    return {word: float(p) for word, p in lookup_table("de_lexeme_prob").items()}  # type: ignore[arg-type]


def german_vocabulary() -> set[str]:
    """Word forms and lemmas of spaCy's German lemma table: real words, hardly any family names."""
    lemmas = lookup_table("de_lemma_lookup")
    return set(lemmas) | {str(lemma) for lemma in lemmas.values()}


def ambiguous(first_names: set[str], logprob: dict[str, float]) -> set[str]:
    """First names whose lower-case form is a frequent German word, plus the fixed list."""
    frequent = {n for n in first_names if logprob.get(n.lower(), -99.0) > AMBIGUOUS_MIN_LOGPROB}
    return (frequent | (set(ALWAYS_AMBIGUOUS) & first_names) | set(ALWAYS_AMBIGUOUS)) - set(NEVER_AMBIGUOUS)


def common_words(names: set[str], logprob: dict[str, float], vocabulary: set[str]) -> set[str]:
    """Frequent capitalised words of the German lemma table (nouns, greetings...) that are no names."""
    return {w for w, p in logprob.items() if p > COMMON_WORD_MIN_LOGPROB and w in vocabulary
            and LATIN_NAME.fullmatch(w) and "-" not in w and w not in names}


def genders() -> dict[str, str]:
    """'f' or 'm' for first names that Faker lists under one gender only, in every locale ('Andrea', 'Kim' and
    the names of UNISEX have none)."""
    female, male = faker_names("first_names_female"), faker_names("first_names_male")
    either = female & male | set(UNISEX)
    found = {**{n: "f" for n in female - either}, **{n: "m" for n in male - either}}
    return found | {n: "f" for n in EXTRA_FEMALE} | {n: "m" for n in EXTRA_MALE}


def write(name: str, words: Iterable[str], header: str) -> None:
    with open(os.path.join(DATA_DIR, name), "w", encoding="utf-8") as handle:
        handle.write(f"# {header}\n")
        handle.writelines(f"{word}\n" for word in sorted(words))


def main() -> None:
    first = (faker_names("first_names") | faker_names("first_names_female") | faker_names("first_names_male")
             | set(EXTRA_FIRST_NAMES) | set(EXTRA_FEMALE) | set(EXTRA_MALE)) - set(NOT_FIRST_NAMES)
    last = (faker_names("last_names") | set(EXTRA_SURNAMES)) - first
    logprob = word_logprobs()
    source = "built by tools/build_name_lists.py from Faker (MIT)"
    write("first_names.txt", first, source)
    write("ambiguous_names.txt", ambiguous(first, logprob), source + " and spacy-lookups-data (MIT)")
    write("surnames.txt", last, source)
    write("name_genders.txt", (f"{name} {gender}" for name, gender in genders().items()),
          "first name and its gender (f/m) where Faker lists it under one only; " + source)
    write("common_words.txt", common_words(first | last, logprob, german_vocabulary()) | set(EXTRA_COMMON_WORDS),
          "built by tools/build_name_lists.py from spacy-lookups-data de_lexeme_prob and de_lemma_lookup (MIT)")
    print(f"{len(first)} first names, {len(last)} surnames")


if __name__ == "__main__":
    main()
