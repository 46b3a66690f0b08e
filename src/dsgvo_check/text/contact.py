"""E-mail addresses and phone numbers (validated with phonenumbers, region DE)."""

from __future__ import annotations

import functools
import re

import phonenumbers

from dsgvo_check.text.hits import Hit, has_long_number, may_spell_email, overlaps_any, window

# The part of an address from its '@' (searched from the '@': a leading character class would be tried at
# every letter of the text); the local part before it is found by walking back (_local_start).
EMAIL_DOMAIN = re.compile(r"@(?:[\w-]+\.)+[A-Za-z]{2,24}(?![\w-])")
LOCAL_PUNCTUATION = frozenset("_.+-")
# 'info(at)example.de', 'anna [at] example [dot] de': an address written out against spam bots.
SPELLED_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]*\w ?[(\[] ?(?:at|ät) ?[)\]] ?"
                           r"(?:[\w-]+ ?(?:\.|[(\[] ?(?:dot|punkt) ?[)\]]|(?<= )(?:dot|punkt)(?= )) ?)+"
                           r"[A-Za-z]{2,24}(?![\w-])", re.IGNORECASE)
# ... and without brackets, in words: 'max.hofer ät gasthof-linde punkt at', 'info at beispiel dot de'.
SPOKEN_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]*\w (?:at|ät) (?:[\w-]+ (?:punkt|dot) )+[a-z]{2,24}(?![\w-])",
                          re.IGNORECASE)
# A number that starts like a phone number: +49, 0049, (030), (0 62 21) or 0, also '0 30 / …' with spaced digits;
# digits with spaces, slashes, dots, dashes.
PHONE = re.compile(r"[+(0](?<![\w+/.,-][+(0])(?:(?<=\+)\d{1,3}|(?<=0)0\d{2,3}|(?<=\()0(?: ?\d){1,5} ?\)|(?<=0) ?\d)"
                   r"(?:[ \t/().\u2013-]{0,3}\d){5,18}"
                   r"(?:\s?-\s?\d{1,5}\b)?")
# The EU's harmonised service numbers ('116 117', the medical on-call service; '116 111', the child helpline;
# '116 116', the card blocking line).
HOTLINE = re.compile(r"(?<![\w+/.,-])116 ?(?:006|016|111|116|117|123)(?![\w]|[ /.-]?\d)")
# A WhatsApp click-to-chat link: the number in international form without '+' ('wa.me/4915112345678').
WHATSAPP_LINK = re.compile(r"wa\.me/(\d{8,15})(?!\d)")
# Numbers with dots as separators ('0171.234.56.78'): the shared 7-digit gate leaves dots out (dates, prices).
DOTTED_NUMBER = re.compile(r"[+0]\d{1,4}\.\d{2,}\.\d{2}")
DATE_LIKE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})|\d{1,2}\.\d{1,2}\.? ?-? ?\d{1,2}\.\d{1,2}\.(?:\d{2,4})?")
# A phone-like tail of a longer digit group ('4532 0151 1283 0367', a gift card) is no phone number.
INSIDE_NUMBER = re.compile(r"\d[ \t]$")
EXTENSION = re.compile(r"(?<=\d)\s?-\s?\d{1,5}$")
NOT_DIGITS = re.compile(r"\D")
# Context words, searched in lower-cased windows (IGNORECASE alternations are slow in `re`).
PHONE_CONTEXT = re.compile(r"\b(?:tel|telefon|fon|fax|handy|mobil|whats ?app|signal|anruf|ruf|hotline|erreichbar|"
                           r"durchwahl|sms|kontakt)")
NOT_PHONE_CONTEXT = re.compile(r"(?:bestell(?!en|t\b|ung(?:en)?[ \t]+(?:unter|per|telefonisch))|drucksache|auftrag|"
                               r"artikel|art\.-?nr|ersatzteil|teilenummer|"
                               r"kunden-?(?:n(?:umme)?r|konto|karte|id)|sendung|tracking|rechnung|vertrag|"
                               r"mitglied|fahrgestell|serien|order|ticket|gutschein|voucher|iban|bic|konto|steuer|"
                               r"aktenzeichen|az\.|vorgang|los-?nr|chargen|referenz|ref\.|plz)[^\n]{0,20}$")


def find_emails(text: str) -> list[Hit]:
    """Every e-mail address, also inside a link's query, and those written against spam ('info(at)example.de')."""
    hits = []
    for match in EMAIL_DOMAIN.finditer(text) if "@" in text else ():
        start = _local_start(text, match.start())
        if start is not None:
            hits.append(Hit("EMAIL", start, match.end(), 0.99, "E-Mail-Adresse"))
    if may_spell_email(text):
        hits += [Hit("EMAIL", m.start(), m.end(), 0.9, "E-Mail-Adresse (umschrieben)")
                 for m in SPELLED_EMAIL.finditer(text)]
        hits += [Hit("EMAIL", m.start(), m.end(), 0.85, "E-Mail-Adresse (in Worten)")
                 for m in SPOKEN_EMAIL.finditer(text) if not overlaps_any(hits, m.start(), m.end())]
    return hits


def _local_start(text: str, at: int) -> int | None:
    """Start of the local part before the '@' at `at`: letters, digits and ._+- ending in a letter or digit."""
    start = at
    while start and (text[start - 1].isalnum() or text[start - 1] in LOCAL_PUNCTUATION):
        start -= 1
    last = text[at - 1] if at else ""
    return start if last.isalnum() or last == "_" else None


def find_phones(text: str) -> list[Hit]:
    """Phone and fax numbers as written (+49, (0), '/', extension); order numbers, dates and prices are not."""
    hits = [Hit("PHONE", m.start(), m.end(), 0.9, "Hotline (116 …)") for m in HOTLINE.finditer(text)] if (
        "116" in text) else []
    if "wa.me/" in text:
        hits += [Hit("PHONE", m.start(1), m.end(1), 0.95, "WhatsApp-Nummer") for m in WHATSAPP_LINK.finditer(text)
                 if _phone_score(f"+{m.group(1)}", True)]
    if not (has_long_number(text) or ("." in text and DOTTED_NUMBER.search(text))):
        return hits
    for match in PHONE.finditer(text):
        start, end = match.start(), _trim(match.group(), match.end())
        if DATE_LIKE.fullmatch(text[start:end]) or INSIDE_NUMBER.search(text, max(0, start - 2), start):
            continue
        before = window(text, start, end, 30)[0].lower()
        if _not_a_phone(before):
            continue
        score = _phone_score(text[start:end], bool(PHONE_CONTEXT.search(before)))
        if score:
            hits.append(Hit("PHONE", start, end, score, "Telefonnummer"))
    return hits


def _not_a_phone(before: str) -> bool:
    """An order, customer or ticket number ('Bestellnr. 0301234567'), unless a phone word follows that word
    or leads its compound ('Kundennummer 4711, Tel. 030 …', 'Fax-Bestellungen an 089 …'); `before` lower-cased."""
    found = NOT_PHONE_CONTEXT.search(before)
    if found is None:
        return False
    word_start = max(before.rfind(" ", 0, found.start()), before.rfind("\n", 0, found.start())) + 1
    return PHONE_CONTEXT.search(before, word_start) is None


def _trim(number: str, end: int) -> int:
    """End of the number without trailing separators and an unbalanced ')'."""
    stripped = number.rstrip(" \t/.-\u2013")
    if stripped.endswith(")") and stripped.count("(") < stripped.count(")"):
        stripped = stripped[:-1].rstrip()
    return end - (len(number) - len(stripped))


@functools.lru_cache(maxsize=4096)
def _phone_score(number: str, context: bool) -> float:
    """0.95 for a valid German or international number, 0.7 for a possible one next to a phone word, else 0."""
    digits = number.replace("(0)", "")
    main = EXTENSION.sub("", digits)
    for candidate in (digits, main):
        parsed = _parsed(candidate)
        if parsed is None:
            continue
        if phonenumbers.is_valid_number(parsed):
            return 0.95
        if context and phonenumbers.is_possible_number(parsed):
            return 0.7
    return 0.0


def _parsed(number: str) -> phonenumbers.PhoneNumber | None:
    """The number as phonenumbers reads it in region DE. A German number ('0…', '+49 …', '0049 …') is built
    directly, as parse() would read it: its text-level normalising takes three times as long as the validation."""
    digits = NOT_DIGITS.sub("", number)
    if number.lstrip("(")[:1] == "0" and digits[1:2] not in ("0", "") and len(digits) <= 18:
        return phonenumbers.PhoneNumber(country_code=49, national_number=int(digits[1:]))
    national = digits[2:] if number[:3] == "+49" else digits[4:] if digits[:4] == "0049" else ""
    if national[:1] not in ("0", "") and len(national) <= 17:
        return phonenumbers.PhoneNumber(country_code=49, national_number=int(national))
    try:
        return phonenumbers.parse(number, "DE")
    except phonenumbers.NumberParseException:
        return None
