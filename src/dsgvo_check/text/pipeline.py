"""The spaCy pipeline: spacy.blank("de") (or a user's trained pipeline) plus one component per concern.

Every component adds spans to the doc's span group `dsgvo`; the Hits behind them (exact character
offsets, confidence, reason, component) are kept in the same order in `doc.user_data["dsgvo_hits"]`.
Components run in the order below and skip what overlaps an earlier finding (an IBAN is not also a
card, a name inside an e-mail address is no name).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from dsgvo_check.text.address import find_addresses
from dsgvo_check.text.birthdate import find_birthdates
from dsgvo_check.text.contact import find_emails, find_phones
from dsgvo_check.text.hits import Hit, overlaps_any
from dsgvo_check.text.lexicon import lexicon
from dsgvo_check.text.numbers import find_cards, find_ibans, find_ips, find_national_ids, find_plates
from dsgvo_check.text.persons import find_persons

SPAN_GROUP = "dsgvo"
HITS_KEY = "dsgvo_hits"
TEXT_KEY = "dsgvo_text"
Finder = Callable[[str, list[Hit]], list[Hit]]

FINDERS: dict[str, Finder] = {
    "dsgvo_email": lambda text, found: find_emails(text),
    "dsgvo_iban": lambda text, found: find_ibans(text),
    "dsgvo_card": lambda text, found: find_cards(text),
    "dsgvo_national_id": lambda text, found: find_national_ids(text),
    "dsgvo_ip": lambda text, found: find_ips(text),
    "dsgvo_birthdate": lambda text, found: find_birthdates(text),
    "dsgvo_phone": lambda text, found: find_phones(text),
    "dsgvo_plate": lambda text, found: find_plates(text),
    "dsgvo_address": lambda text, found: find_addresses(text),
    "dsgvo_person": lambda text, found: find_persons(text, found, lexicon()),
}
TRAINED_LABELS = frozenset({"PER", "PERSON"})


def hits_of(doc: Doc) -> list[Hit]:
    """The findings of the components that ran on `doc`, in the order they were added."""
    hits: list[Hit] = doc.user_data.get(HITS_KEY, [])
    return hits


def text_of(doc: Doc) -> str:
    """The doc's text as the tokenizer got it (Doc.text rebuilds it from the tokens on every access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


class TextKeepingTokenizer:
    """The pipeline's tokenizer, remembering each doc's text for the components."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc


def _add(doc: Doc, hits: list[Hit], source: str) -> None:
    if not hits:
        return
    found: list[Hit] = doc.user_data.setdefault(HITS_KEY, [])
    for hit in hits:
        if overlaps_any(found, hit.start, hit.end):
            continue
        span = doc.char_span(hit.start, hit.end, label=hit.entity, alignment_mode="expand")
        if span is not None:
            if SPAN_GROUP not in doc.spans:
                doc.spans[SPAN_GROUP] = SpanGroup(doc, name=SPAN_GROUP)
            doc.spans[SPAN_GROUP].append(span)
            found.append(Hit(hit.entity, hit.start, hit.end, hit.score, hit.reason, source))


class FinderComponent:
    """A pipeline component that runs one finder over the doc's text."""

    def __init__(self, name: str, finder: Finder) -> None:
        self.name = name
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        _add(doc, self.finder(text_of(doc), hits_of(doc)), self.name)
        return doc


def _trained_persons(doc: Doc) -> Doc:
    """PER/PERSON entities of a trained pipeline's NER, where the user configured one."""
    _add(doc, [Hit("PERSON", ent.start_char, ent.end_char, 0.8, f"NER ({ent.label_})")
               for ent in doc.ents if ent.label_ in TRAINED_LABELS], "dsgvo_trained_person")
    return doc


def _register() -> None:
    for name, finder in FINDERS.items():
        if not Language.has_factory(name):
            Language.factory(name, func=lambda nlp, name, finder=finder: FinderComponent(name, finder))
    if not Language.has_factory("dsgvo_trained_person"):
        Language.component("dsgvo_trained_person", func=_trained_persons)


@functools.cache
def build(model: str | None = None) -> Language:
    """The pipeline, built once per process and model: blank German, or `model` with its NER first."""
    import spacy

    _register()
    if model is None:
        nlp = spacy.blank("de")
    else:
        nlp = spacy.load(model, exclude=["parser", "lemmatizer", "tagger", "morphologizer", "attribute_ruler"])
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    for name in FINDERS:
        nlp.add_pipe(name)
    if model is not None:
        nlp.add_pipe("dsgvo_trained_person")
    lexicon()
    return nlp
