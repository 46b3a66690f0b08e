"""The spaCy pipeline: spacy.blank("de") (or a user's trained pipeline) plus one component per finder.

Every component adds spans to the doc's span group `dsgvo`; the Hits behind them (exact character
offsets, confidence, reason, component) are kept in the same order in `doc.user_data["dsgvo_hits"]`.
Components run in the order of finders.FINDERS and skip what overlaps an earlier finding (an IBAN is
not also a card, a name inside an e-mail address is no name).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from dsgvo_check.text.finders import FINDERS, Finder, new_hits
from dsgvo_check.text.hits import Hit
from dsgvo_check.text.lexicon import lexicon

SPAN_GROUP = "dsgvo"
HITS_KEY = "dsgvo_hits"
TEXT_KEY = "dsgvo_text"
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
    for hit in new_hits(found, hits, source):
        span = doc.char_span(hit.start, hit.end, label=hit.entity, alignment_mode="expand")
        if span is not None:
            if SPAN_GROUP not in doc.spans:
                doc.spans[SPAN_GROUP] = SpanGroup(doc, name=SPAN_GROUP)
            doc.spans[SPAN_GROUP].append(span)
            found.append(hit)


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
        # The components read the text, not the tokens' lexical attributes (shape, prefix, like_num...): not
        # computing them for every new word saves a sixth of the tokenizer's time on a scan's fresh vocabulary.
        nlp.vocab.lex_attr_getters = {}  # type: ignore[attr-defined]
    else:
        nlp = spacy.load(model, exclude=["parser", "lemmatizer", "tagger", "morphologizer", "attribute_ruler"])
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    for name in FINDERS:
        nlp.add_pipe(name)
    if model is not None:
        nlp.add_pipe("dsgvo_trained_person")
    lexicon()
    return nlp
