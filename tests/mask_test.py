"""Masking personal data for reports: per entity type, and every occurrence in free text."""

from __future__ import annotations

import pytest

from dsgvo_check.mask import Masker, mask_value


@pytest.mark.parametrize(("value", "entity", "masked"), [
    ("Anna Müller", "PERSON", "A*** M*****"),
    ("anna.mueller@example.de", "EMAIL", "anna.m***@***.de"),
    ("a@b.de", "EMAIL", "a***@***.de"),
    ("DE89 3704 0044 0532 0130 00", "IBAN", "DE89 **** **** **** **** 00"),
    ("+49 171 2345678", "PHONE", "+49 1** *****78"),
    ("4111 1111 1111 1111", "CREDIT_CARD", "**** **** **** 1111"),
    ("192.168.10.20", "IP_ADDRESS", "192.***.**.**"),
    ("12.03.1985", "DATE_OF_BIRTH", "**.**.****"),
    ("M-AB 1234", "LICENSE_PLATE", "M-** ****"),
    ("Musterstraße 12", "ADDRESS", "M*********** **"),
    ("Musterstraße 12", None, "M*********** **"),
])
def test_each_entity_type_is_masked_its_own_way(value: str, entity: str | None, masked: str) -> None:
    assert mask_value(value, entity) == masked


def test_masker_masks_every_occurrence_and_name_parts() -> None:
    mask = Masker.build([("Anna Müller", "PERSON"), ("anna.mueller@example.de", "EMAIL")])
    text = "Anna Müller (anna.mueller@example.de) dankt Frau Müller. Annahme bleibt."
    assert mask(text) == "A*** M***** (anna.m***@***.de) dankt Frau M*****. Annahme bleibt."


def test_masker_disabled_shows_values_in_clear() -> None:
    mask = Masker.build([("Anna Müller", "PERSON")], enabled=False)
    assert mask("Anna Müller") == "Anna Müller"
    assert mask.value("anna@example.de", "EMAIL") == "anna@example.de"


def test_masker_without_values_leaves_text_alone() -> None:
    assert Masker.build([])("Hallo <b>Welt</b>") == "Hallo <b>Welt</b>"
