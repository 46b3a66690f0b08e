"""The finder chain: one function per entity type over plain text, in a fixed order, without spaCy.

The spaCy pipeline (pipeline.py) runs each finder as a component; `find_all` runs the same chain on a
string for small batches, where importing spaCy would cost more than the whole check (see detect()).
Both keep a hit only when it overlaps no earlier one (an IBAN is not also a card, a name inside an
e-mail address is no name), so both give the same hits.
"""

from __future__ import annotations

from collections.abc import Callable

from dsgvo_check.text.address import find_addresses
from dsgvo_check.text.birthdate import find_birthdates
from dsgvo_check.text.contact import find_emails, find_phones
from dsgvo_check.text.hits import Hit, overlaps_any
from dsgvo_check.text.lexicon import lexicon
from dsgvo_check.text.numbers import find_cards, find_ibans, find_ips, find_national_ids, find_plates
from dsgvo_check.text.persons import find_persons

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


def new_hits(found: list[Hit], hits: list[Hit], source: str) -> list[Hit]:
    """The hits that overlap neither `found` nor each other (earlier wins), labelled with their finder."""
    kept: list[Hit] = []
    if not hits:
        return kept
    for hit in hits:
        if not overlaps_any(found, hit.start, hit.end) and not overlaps_any(kept, hit.start, hit.end):
            kept.append(Hit(hit.entity, hit.start, hit.end, hit.score, hit.reason, source))
    return kept


def find_all(text: str) -> list[Hit]:
    """Every hit of the chain in `text`, as the spaCy pipeline finds them."""
    found: list[Hit] = []
    for name, finder in FINDERS.items():
        found += new_hits(found, finder(text, found), name)
    return found
