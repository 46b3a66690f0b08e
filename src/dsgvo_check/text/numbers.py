"""Numbers with a checksum or a fixed shape: IBAN, payment cards, national ids, IP addresses, licence plates."""

from __future__ import annotations

import ipaddress
import itertools
import re
import string

from stdnum import iban, luhn, numdb
from stdnum.at import vnr as at_vnr
from stdnum.ch import ssn as ch_ssn
from stdnum.de import idnr
from stdnum.iso7064 import mod_97_10

from dsgvo_check.text.hits import Hit, has_digit, has_long_number, lowered, window

IBAN = re.compile(r"[A-Z](?<![\w][A-Z])[A-Z]\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\w])")
CARD = re.compile(r"[2-6](?<![\w.,/-][2-6])\d{3}(?:[ -]?\d){9,15}(?![\w-]|[.,]\d)")
TAX_ID = re.compile(r"[1-9](?<![\w.,/-][1-9])\d(?: ?\d{3}){3}(?![\w/-]|[.,]\d)")
# Upper case for ASCII letters only: the same length as the text, so positions stay valid ('ß'.upper() is 'SS').
ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
IBAN_BEFORE = re.compile(r"[A-Z]{2}\d{2} ?$")
# 'Ausweisnummer: …', 'Personalausweis mit der Nummer …', 'Reisepass verloren? Nummer …'.
ID_CARD = re.compile(r"(?i:ausweis|reisepass|(?<![^\W\d_])pass)(?i:-?nummer|-?nr\.?)?"
                     r"(?:[^\n]{0,40}?(?<![^\W\d_])(?i:nummer|nr\.?))?:?\s{1,3}"
                     r"(?:(?i:lautet|ist)\s)?([CFGHJKLMNPRTVWXYZ0-9]{9}\d?)(?![\w])")
SOCIAL_SECURITY = re.compile(r"[0-9](?<![\w][0-9])\d ?\d{6} ?[A-Z] ?\d{2} ?\d(?![\w])")
# Context words, searched in lower-cased windows (IGNORECASE alternations are slow in `re`).
SOCIAL_SECURITY_CONTEXT = re.compile(r"(sozialversicherung|rentenversicherung|sv-?nummer|sv-?nr|rv-?nummer)")
# The Swiss AHV number (756 and a check digit: '756.4829.1736.02') and the Austrian social security number (four
# digits with a check digit and the birth date: '4726 140385'), the latter only after a social security word.
SWISS_AHV = re.compile(r"756(?<![\w.]756)[. ]?\d{4}[. ]?\d{4}[. ]?\d{2}(?![\w]|[.,]\d)")
AUSTRIAN_SVNR = re.compile(r"[1-9](?<![\w.,/-][1-9])\d{3} ?\d{6}(?![\w/-]|[.,]\d)")
IPV4 = re.compile(r"\d(?<![\w.]\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?![\w]|\.\d)")
# Cheap first tests, starting with what they look for so `re` skips ahead: three dots between digits (every
# IPv4 address has them), two colons with at most four hex digits between (every IPv6 address), a capital
# letter right before a digit or one space or dash before it (every plate).
IPV4_HINT = re.compile(r"\.\d{1,3}\.\d{1,3}\.\d")
IPV6_HINT = re.compile(r":[0-9A-Fa-f]{0,4}:")
PLATE_HINT = re.compile(r"[1-9](?:(?<=[A-ZÄÖÜ][1-9])|(?<=[A-ZÄÖÜ][ -][1-9]))")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
VERSION_CONTEXT = re.compile(r"(?:version|vers\.|v|release|update|patch|build|firmware|software|app|ios|android)\s*$")
PLATE = re.compile(r"([A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[A-ZÄÖÜ]{0,2})([- ])([A-ZÄÖÜ]{1,2})[ -]?([1-9]\d{0,3})[EH]?"
                   r"(?![\w-]|[.,]\d)")
# Letters before a plate that are brands or units, not a district code ('BMW X 5', 'PS 150').
NOT_DISTRICTS = frozenset("DIN ISO EN BMW VW KIA MAN DAF AMG GTI PS KW CO NR ID TV DJ UV GPS USB SUV LKW PKW EU UK "
                          "US".split())
PLATE_CONTEXT = re.compile(r"(?:kennzeichen|auto|wagen|fahrzeug|kfz|pkw|lkw|transporter|parkt|geparkt|"
                           r"motorrad|roller|nummernschild)")
#: The country codes of the IBAN registry.
IBAN_COUNTRIES = frozenset(prefix[1] for prefix in numdb.get("iban").prefixes)
# Codes of the largest districts: a plate written with a space only ('HH AB 123') needs one of them or context.
BIG_DISTRICTS = frozenset("B HH M K F S D N HB H L DD E DO DU KA MA HD A R BN AC WI MZ KI HL LU FR OS MS BI".split())


def find_ibans(text: str) -> list[Hit]:
    """IBANs with a valid mod-97 checksum, spaced or not (the longest valid prefix of a match); in a text all in
    lower case also a lower-case one ('auf de43 8984 …')."""
    if not has_long_number(text):
        return []
    hits = []
    for match in IBAN.finditer(text.translate(ASCII_UPPER) if text.islower() else text):
        prefixes = list(itertools.accumulate(match.group().split(" "), lambda left, right: f"{left} {right}"))[::-1]
        candidate = next((p for p in prefixes if iban.is_valid(p)), None)
        if candidate is not None:
            hits.append(Hit("IBAN", match.start(), match.start() + len(candidate), 0.99, "IBAN (Prüfsumme gültig)"))
        elif (candidate := next((p for p in prefixes if _checksum_only(p)), None)) is not None:
            hits.append(Hit("IBAN", match.start(), match.start() + len(candidate), 0.9,
                            "IBAN (Prüfsumme gültig, Länge untypisch für das Land)"))
    return hits


def _checksum_only(candidate: str) -> bool:
    """A valid mod-97 checksum with a country code of the IBAN registry but the wrong length for that country
    ('DE21 2505 0135 0098 1234', two digits short): a mistyped or shortened account a reader can still use."""
    compact = candidate.replace(" ", "")
    return len(compact) >= 16 and compact[:2] in IBAN_COUNTRIES and mod_97_10.is_valid(compact[4:] + compact[:4])


def find_cards(text: str) -> list[Hit]:
    """Payment card numbers of 13-19 digits that pass the Luhn check."""
    if not has_long_number(text):
        return []
    hits = []
    for match in CARD.finditer(text):
        digits = re.sub(r"[ -]", "", match.group())
        if _card_shape(digits) and luhn.is_valid(digits) and not IBAN_BEFORE.search(text, 0, match.start()):
            hits.append(Hit("CREDIT_CARD", match.start(), match.end(), 0.95, "Kartennummer (Luhn gültig)"))
    return hits


def _card_shape(digits: str) -> bool:
    """Length and issuer prefix of Visa, Mastercard, American Express, Discover/UnionPay cards."""
    return ((digits[0] == "4" and len(digits) in (13, 16, 19))
            or (digits[:2] in ("34", "37") and len(digits) == 15)
            or (("51" <= digits[:2] <= "55" or "2221" <= digits[:4] <= "2720") and len(digits) == 16)
            or (digits[:1] == "6" and 16 <= len(digits) <= 19))


def find_national_ids(text: str) -> list[Hit]:
    """Steuer-IdNr. with a valid checksum, ID card numbers given as such, social security numbers."""
    if not has_digit(text):
        return []
    long_number = has_long_number(text)
    hits = [Hit("NATIONAL_ID", m.start(), m.end(), 0.95, "Steuer-Identifikationsnummer (Prüfziffer gültig)")
            for m in (TAX_ID.finditer(text) if long_number else ()) if idnr.is_valid(m.group().replace(" ", ""))]
    lower = lowered(text)
    if "ausweis" in lower or "pass" in lower:
        hits += [Hit("NATIONAL_ID", m.start(1), m.end(1), 0.85, "Ausweisnummer") for m in ID_CARD.finditer(text)
                 if any(ch.isdigit() for ch in m.group(1))]
    for match in SOCIAL_SECURITY.finditer(text) if long_number else ():
        before, _ = window(text, match.start(), match.end(), 40)
        if SOCIAL_SECURITY_CONTEXT.search(before.lower()) or _social_security_valid(match.group()):
            hits.append(Hit("NATIONAL_ID", match.start(), match.end(), 0.9, "Sozialversicherungsnummer"))
    if "756" in text:
        hits += [Hit("NATIONAL_ID", m.start(), m.end(), 0.9, "AHV-Nummer (Prüfziffer gültig)")
                 for m in SWISS_AHV.finditer(text) if ch_ssn.is_valid(m.group())]
    if long_number and SOCIAL_SECURITY_CONTEXT.search(lower):
        hits += [Hit("NATIONAL_ID", m.start(), m.end(), 0.85, "Sozialversicherungsnummer (Österreich)")
                 for m in AUSTRIAN_SVNR.finditer(text) if at_vnr.is_valid(m.group())
                 and SOCIAL_SECURITY_CONTEXT.search(window(text, m.start(), m.end(), 80)[0].lower())]
    return hits


def _social_security_valid(number: str) -> bool:
    """The check digit of a German Rentenversicherungsnummer (the letter counts as its two-digit position)."""
    compact = number.replace(" ", "")
    digits = compact[:8] + f"{ord(compact[8]) - ord('A') + 1:02d}" + compact[9:11]
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum(sum(divmod(int(d) * w, 10)) for d, w in zip(digits, weights, strict=True))
    return total % 10 == int(compact[11])


def find_ips(text: str) -> list[Hit]:
    """IPv4 and IPv6 addresses; version numbers and times are not."""
    if not has_digit(text):
        return []
    hits = []
    for pattern, version in ((IPV4, 4), (IPV6, 6)):
        if not (IPV4_HINT if version == 4 else IPV6_HINT).search(text):
            continue
        for match in pattern.finditer(text):
            before, _ = window(text, match.start(), match.end(), 12)
            if _is_ip(match.group(), version) and not VERSION_CONTEXT.search(before.lower()):
                hits.append(Hit("IP_ADDRESS", match.start(), match.end(), 0.95, f"IPv{version}-Adresse"))
    return hits


def _is_ip(candidate: str, version: int) -> bool:
    try:
        address = ipaddress.ip_address(candidate)
    except ValueError:
        return False
    return address.version == version and (version == 4 or any(c.isalpha() for c in candidate) or "::" in candidate)


def find_plates(text: str) -> list[Hit]:
    """German registration plates ('M-AB 1234', 'N-ÜS 417'); model names, team and licence classes are not."""
    if not has_digit(text) or not PLATE_HINT.search(text):
        return []
    hits = []
    for match in PLATE.finditer(text):
        district, separator = match.group(1), match.group(2)
        if district in NOT_DISTRICTS and separator != "-":  # 'DIN A 4', but 'DIN-NB 1987' (Dinslaken)
            continue
        before, after = window(text, match.start(), match.end(), 60, 30)
        context = bool(PLATE_CONTEXT.search(before.lower()) or PLATE_CONTEXT.search(after.lower()))
        if separator == "-" or context or district in BIG_DISTRICTS:
            hits.append(Hit("LICENSE_PLATE", match.start(), match.end(), 0.9 if context else 0.75, "Kfz-Kennzeichen"))
    return hits
