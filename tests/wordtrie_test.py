"""Word lists as regex tries: a trie matches exactly the words it was built from."""

from __future__ import annotations

import random
import re

from dsgvo_check.wordtrie import trie_pattern


def test_a_trie_matches_its_words_and_nothing_else() -> None:
    pick = random.Random(5)
    letters = "aäbcdeß.-"
    words = {"".join(pick.choice(letters) for _ in range(pick.randint(1, 6))) for _ in range(300)}
    trie = re.compile(trie_pattern(words))
    others = {"".join(pick.choice(letters) for _ in range(pick.randint(1, 7))) for _ in range(3000)} - words
    assert all(trie.fullmatch(word) for word in words)
    assert not any(trie.fullmatch(other) for other in others)


def test_a_trie_prefers_the_longest_word_at_a_position() -> None:
    trie = re.compile(trie_pattern(["hund", "hunde", "hündin", "huhn"]))
    assert [m.group() for m in trie.finditer("hundehalter, hündin, huhn, hun")] == ["hunde", "hündin", "huhn"]
