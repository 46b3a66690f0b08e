"""The consent register (`consents.yaml`): strict, since it is configuration, not content."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import yaml

from dsgvo_check import yamlfile
from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import CONSENT_SCOPES, Consent, ConsentRegister

CONSENT_KEYS = frozenset({"id", "person", "scope", "channels", "granted_at", "expires_at", "withdrawn_at",
                          "minor", "guardian", "note", "document"})


def parse_consents(path: str, text: str) -> ConsentRegister:
    """Read a register; DsgvoCheckError with file and line for anything malformed."""
    try:
        root = yamlfile.compose(text)
    except yamlfile.YamlSyntaxError as exc:
        raise DsgvoCheckError(exc.message, path, exc.line, exc.column) from None
    entries = yamlfile.get(root, "consents")
    if root is not None and entries is None:
        raise DsgvoCheckError("Einwilligungsregister braucht eine Liste 'consents:'", path, 1, 1)
    if entries is not None and not isinstance(entries, yaml.SequenceNode | yaml.ScalarNode):
        raise _error(path, entries, "'consents' muss eine Liste sein")
    consents: dict[str, Consent] = {}
    for node in yamlfile.items(entries):
        consent = _consent(path, node)
        if consent.id in consents:
            raise _error(path, node, f"Einwilligungs-ID '{consent.id}' doppelt vergeben")
        consents[consent.id] = consent
    return ConsentRegister(path, consents)


def _error(path: str, node: yaml.Node, message: str) -> DsgvoCheckError:
    return DsgvoCheckError(message, path, node.start_mark.line + 1, node.start_mark.column + 1)


def _consent(path: str, node: yaml.Node) -> Consent:
    if not isinstance(node, yaml.MappingNode):
        raise _error(path, node, "ein Eintrag muss eine Zuordnung mit id und person sein")
    for key, line, column in yamlfile.keys(node):
        if key not in CONSENT_KEYS:
            raise DsgvoCheckError(f"unbekannter Schlüssel '{key}' (erlaubt: {', '.join(sorted(CONSENT_KEYS))})",
                                  path, line, column)
    value = _field_reader(path, node)
    consent_id, person = value("id", str), value("person", str)
    if not consent_id or not person:
        raise _error(path, node, "Eintrag braucht 'id' und 'person'")
    scope = tuple(value("scope", list) or ())
    unknown = [s for s in scope if s not in CONSENT_SCOPES]
    if unknown:
        raise _error(path, yamlfile.get(node, "scope") or node,
                     f"unbekannter Umfang {unknown} (erlaubt: {', '.join(CONSENT_SCOPES)})")
    return Consent(id=str(consent_id), person=str(person), line=node.start_mark.line + 1, scope=scope,
                   channels=tuple(str(c).lower() for c in value("channels", list) or ()),
                   granted_at=value("granted_at", date), expires_at=value("expires_at", date),
                   withdrawn_at=value("withdrawn_at", date), minor=bool(value("minor", bool)),
                   guardian=value("guardian", str))


def _field_reader(path: str, node: yaml.Node) -> Any:
    """A function reading one key of the entry, checked against the expected type."""
    def read(key: str, kind: type) -> Any:
        value_node = yamlfile.get(node, key)
        if value_node is None:
            return None
        try:
            value = yamlfile.to_python(value_node)
        except yamlfile.YamlSyntaxError as exc:
            raise DsgvoCheckError(exc.message, path, exc.line, exc.column) from None
        if value is None:
            return None
        if kind is str and isinstance(value, str | int | float):
            return str(value)
        if kind is date and isinstance(value, datetime):
            return value.date()
        if kind is list and isinstance(value, str):
            return [value]
        if not isinstance(value, kind):
            expected = {str: "ein Text", date: "ein Datum (JJJJ-MM-TT)", list: "eine Liste",
                        bool: "true oder false"}[kind]
            raise _error(path, value_node, f"'{key}' muss {expected} sein, nicht {value!r}")
        return value
    return read
