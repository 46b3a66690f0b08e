"""Word lists as regex tries: `re` tries the branches of an alternation one by one at every position, so a
list of words is written with shared prefixes factored out ('hund|hündin|huhn' -> 'h(?:u(?:hn|nd)|ündin)')."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation matching exactly `words` (matched as written: give lower-cased words and search
    lower-cased text; IGNORECASE makes `re` slower by an order of magnitude on alternations)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(root)


def _branch(node: dict[str, Any]) -> str:
    alternatives = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not alternatives:
        return ""
    if "" not in node:
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    return f"(?:{'|'.join(alternatives)})?"
