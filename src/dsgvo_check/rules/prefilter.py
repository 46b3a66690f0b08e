"""Literal prefilters of regexes: strings one of which every match contains, so a text without them is skipped."""

from __future__ import annotations

import importlib
import re
import warnings
from typing import Any

#: The standard library's regex parser (no public name; typed loosely on purpose).
_parser: Any = importlib.import_module("re._parser")
C: Any = importlib.import_module("re._constants")

#: At most this many requirements are tested per regex and text.
MAX_SETS = 3
#: A Unicode property class of the `regex` module (`\p{Lu}`, `\P{L}`; not after an escaped backslash).
PROPERTY_CLASS = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP]\{[^{}]*\}")
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


#: One requirement: a match contains one of these strings; (True, s): `s` as written (a case-sensitive part
#: of the regex), (False, s): `s` case-folded (compare with text.casefold()).
Requirement = frozenset[tuple[bool, str]]


def required_literals(expression: str) -> tuple[Requirement, ...] | None:
    """Requirements that every match of the regex meets (all of them); the MAX_SETS most selective.

    A Unicode property class (`\\p{Lu}`) is read as `\\w`: a class yields no requirement either way.
    None when nothing is known: other syntax only the `regex` module reads, a bracket or brace that `re` reads
    as a literal (the `regex` module may read `{e<=1}` as fuzzy matching, `[[:alpha:]]` as a class), or
    no literal at all.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "possible nested set": the regex module's syntax, see above
            parsed = _parser.parse(PROPERTY_CLASS.sub(r"\1\\w", expression), re.IGNORECASE)
    except (re.error, OverflowError, RecursionError, ValueError):
        return None
    if _has_bracket(list(parsed)):
        return None
    found = sorted(set(_sequence(list(parsed), False)), key=lambda group: (-_shortest(group), sorted(group)))
    return tuple(found[:MAX_SETS]) or None


def meets(requirements: tuple[Requirement, ...], text: str, folded: str) -> bool:
    """True when the text (and its casefold()) meets every requirement."""
    for group in requirements:
        for exact, need in group:
            if need in (text if exact else folded):
                break
        else:
            return False
    return True


def _shortest(group: Requirement) -> int:
    return min(len(need) for _, need in group)


def _sequence(items: list[tuple[Any, Any]], exact: bool) -> list[Requirement]:
    """What every element of a sequence requires (each element must match, so all of it holds)."""
    found: list[Requirement] = []
    run: list[str] = []
    for op, value in [*items, (None, None)]:
        if op is C.LITERAL:
            run.append(chr(value))
            continue
        if run:
            found.append(frozenset({(exact, _literal(run, exact))}))
        run = []
        found += _element(op, value, exact)
    return found


def _literal(chars: list[str], exact: bool) -> str:
    joined = "".join(chars)
    return joined if exact else joined.casefold()


def _element(op: Any, value: Any, exact: bool) -> list[Requirement]:
    """What one non-literal element requires."""
    if op is C.SUBPATTERN:  # (?-i:...) makes its literals exact, (?i:...) case-insensitive again
        _group, add, remove, pattern = value
        return _sequence(list(pattern), (exact or bool(remove & re.IGNORECASE)) and not add & re.IGNORECASE)
    if op is C.ATOMIC_GROUP:
        return _sequence(list(value), exact)
    if op in REPEATS and value[0] >= 1:
        return _sequence(list(value[2]), exact)
    if op is C.BRANCH:  # one string of the most selective requirement of each branch
        branches = [max(_sequence(list(branch), exact), key=_shortest, default=None) for branch in value[1]]
        return [frozenset().union(*branches)] if all(branches) else []  # type: ignore[arg-type]
    if op is C.IN and value and all(kind is C.LITERAL for kind, _ in value):
        return [frozenset((exact, _literal([chr(code)], exact)) for _, code in value)]
    return []


def _has_bracket(items: list[tuple[Any, Any]]) -> bool:
    """True when `re` read a bracket or brace as a literal anywhere in the pattern."""
    for op, value in items:
        if op is C.LITERAL and chr(value) in "{}[]":
            return True
        nested: list[Any] = []
        if op is C.SUBPATTERN:
            nested = [list(value[-1])]
        elif op is C.ATOMIC_GROUP or op in (C.ASSERT, C.ASSERT_NOT):
            nested = [list(value if op is C.ATOMIC_GROUP else value[1])]
        elif op in REPEATS:
            nested = [list(value[2])]
        elif op is C.BRANCH:
            nested = [list(branch) for branch in value[1]]
        elif op is C.GROUPREF_EXISTS:
            nested = [list(part) for part in value[1:] if part is not None]
        if any(_has_bracket(part) for part in nested):
            return True
    return False
