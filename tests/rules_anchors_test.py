"""The anchor index: one search per text decides which phrases run, and finds exactly what each phrase finds."""

from __future__ import annotations

import random

import pytest

from dsgvo_check import load
from dsgvo_check.rules import RuleSet, load_rules
from dsgvo_check.rules.anchors import AnchorIndex, rule_lexicons
from dsgvo_check.rules.phrases import Lexicon


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_rules()


def lexicons_of(ruleset: RuleSet) -> list[Lexicon]:
    return rule_lexicons(*ruleset.lexicons.values(), *(p for rule in ruleset.rules for p in (rule.check, rule.when)))


def example_texts(ruleset: RuleSet) -> list[str]:
    texts = []
    for rule in ruleset.rules:
        for example in (*rule.fires, *rule.passes):
            loaded = (load.parse_yaml("c.yaml", example.text) if example.campaign
                      else load.parse_post("p.md", example.text))
            texts += [field.text for item in loaded.items for field in item.fields]
    return texts


def tricky_texts(ruleset: RuleSet, texts: list[str]) -> list[str]:
    """Every anchor inside a word, at a word start, after a hyphen, next to characters whose lower case is longer."""
    anchors = sorted({a for lexicon in lexicons_of(ruleset) for found, _ in lexicon.phrases for a in found or ()})
    tricky = [f"x{a}y {a.upper()}-{a} İ{a} _{a} 9{a}. {a}ß\n{a}!" for a in anchors]
    words = [w for text in texts for w in text.split()] + anchors
    pick = random.Random(7)
    tricky += [" ".join(pick.choice(words) for _ in range(pick.randint(2, 30))) for _ in range(600)]
    return tricky


def test_found_with_the_index_is_found_without_it(ruleset: RuleSet) -> None:
    assert ruleset.plan is not None
    index = ruleset.plan.index
    texts = example_texts(ruleset)
    lexicons = lexicons_of(ruleset)
    compared = matched = 0
    for text in texts + tricky_texts(ruleset, texts):
        lower = text.lower()
        present = index.active(lower)
        for lexicon in lexicons:
            plain = lexicon.find(text, lower) if lexicon.possible(lower) else []
            assert lexicon.find(text, lower, present) == plain, (text, lexicon.source[:3])
            compared += 1
            matched += bool(plain)
    assert compared > 20_000 and matched > 500


def test_word_start_and_inside_anchors() -> None:
    plain = Lexicon.build(["verlos*"], [])
    inside = Lexicon.build(["*verlosung"], [])
    index = AnchorIndex.build([plain, inside])
    assert index.active("die herbstverlosung") == {"*verlosung"}
    assert index.active("herbst-verlosung") == {"*verlosung", "verlos*"}
    assert index.active("wir verlosen") == {"verlos*"}
    assert index.active("ein ganz normaler satz") == frozenset()


def test_prefix_anchors_are_found_through_the_longest() -> None:
    lexicons = [Lexicon.build(["gewinn*"], []), Lexicon.build(["gewinnspiel"], []), Lexicon.build(["ge"], [])]
    index = AnchorIndex.build(lexicons)
    assert index.active("zum gewinnspiel") == {"gewinn*", "gewinnspiel", "ge"}
    assert index.active("zum gewinnen") == {"gewinn*", "ge"}


def test_loading_and_unpickling_compile_no_pattern() -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(load_rules()))
    assert copy.plan is not None and not copy.plan.index.compiled
    assert all(not lexicon.compiled for lexicon in lexicons_of(copy))
