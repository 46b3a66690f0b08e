"""The baseline file: accepted findings keyed by content (never by line), with who, when and why."""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import Finding

FILE_NAME = ".dsgvo-check-baseline.json"
SCHEMA = "dsgvo-check/baseline/v1"
NOT_BASELINED = frozenset({"PARSE-ERROR", "SUPPRESSION-NO-REASON", "SUPPRESSION-UNUSED"})
ENTRY_KEYS = ("fingerprint", "rule", "path", "reason", "accepted_by", "accepted_at")


@dataclass(frozen=True, slots=True)
class Entry:
    """One accepted finding: its fingerprint, rule and path in clear, and the decision."""

    fingerprint: str
    rule: str
    path: str
    reason: str
    accepted_by: str
    accepted_at: str

    def as_dict(self) -> dict[str, str]:
        return {key: getattr(self, key) for key in ENTRY_KEYS}


@dataclass(frozen=True, slots=True)
class Baseline:
    """A baseline file: `path` where it was read, entries by fingerprint."""

    path: str
    entries: Mapping[str, Entry] = field(default_factory=dict)


def eligible(finding: Finding) -> bool:
    """Unreadable files and comments about suppressions cannot be accepted once and for all."""
    return finding.rule not in NOT_BASELINED


def normalise(text: str) -> str:
    """The matched text as compared: NFKC, case-folded, without any whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).casefold())


def relative_path(path: str, base: str) -> str:
    """`path` relative to the baseline's folder, with forward slashes."""
    return os.path.relpath(os.path.abspath(path), os.path.abspath(base)).replace(os.sep, "/")


def fingerprint(finding: Finding, base: str) -> str:
    """sha256(rule | path | normalised text), or rule | path | item | field for item findings."""
    path = relative_path(finding.path, base)
    if finding.text:
        parts = [finding.rule, path, normalise(finding.text)]
    else:
        item = (finding.item or "").partition("#")[2]
        parts = [finding.rule, path, item, finding.field or ""]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def find(root: str) -> str | None:
    """The baseline file at `root` or above it, up to the top of the git work tree."""
    folder = os.path.abspath(root)
    while True:
        candidate = os.path.join(folder, FILE_NAME)
        if os.path.isfile(candidate):
            return candidate if os.path.isabs(root) else os.path.relpath(candidate)
        parent = os.path.dirname(folder)
        if parent == folder or os.path.exists(os.path.join(folder, ".git")):
            return None
        folder = parent


def default_location(root: str) -> str:
    """Where a new baseline goes: the top of the git work tree holding `root`, else `root`."""
    folder = os.path.abspath(root)
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return os.path.join(root, FILE_NAME)
        folder = parent
    return os.path.relpath(os.path.join(folder, FILE_NAME))


def _entry(raw: object, path: str, index: int) -> Entry:
    if not isinstance(raw, dict) or set(raw) != set(ENTRY_KEYS) or not all(isinstance(v, str) for v in raw.values()):
        raise DsgvoCheckError(f"entries[{index}]: expected the string keys {', '.join(ENTRY_KEYS)}", path)
    if not re.fullmatch(r"[0-9a-f]{64}", raw["fingerprint"]):
        raise DsgvoCheckError(f"entries[{index}]: fingerprint is not a sha256 hex digest", path)
    return Entry(**raw)


def read(path: str) -> Baseline:
    """The baseline at `path`; DsgvoCheckError (exit 2) when it cannot be read or is malformed."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise DsgvoCheckError(f"cannot read baseline: {exc.strerror}", path) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", 1)
        raise DsgvoCheckError(f"baseline is not valid JSON: {exc}", path, line) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("entries"), list):
        raise DsgvoCheckError(f"not a dsgvo-check baseline (expected schema {SCHEMA!r} and entries)", path)
    entries = [_entry(raw, path, index) for index, raw in enumerate(data["entries"])]
    return Baseline(path, {entry.fingerprint: entry for entry in entries})


def load(explicit: str | None, root: str) -> Baseline | None:
    """The baseline a scan uses: `explicit` ("" for none) or the one found from `root`."""
    if explicit == "":
        return None
    path = explicit or find(root)
    return read(path) if path else None


def entries_for(findings: Iterable[Finding], base: str, *, reason: str, by: str, at: str,
                previous: Baseline | None = None) -> list[Entry]:
    """Entries accepting `findings`; decisions already in `previous` keep their who/when/why."""
    kept = previous.entries if previous is not None else {}
    entries: dict[str, Entry] = {}
    for finding in findings:
        if not eligible(finding):
            continue
        key = fingerprint(finding, base)
        entries[key] = kept.get(key) or Entry(key, finding.rule, relative_path(finding.path, base),
                                             reason, by, at)
    return sorted(entries.values(), key=lambda e: (e.path, e.rule, e.fingerprint))


def dumps(entries: Iterable[Entry]) -> str:
    """The file's text: sorted entries, sorted keys, one key per line, so merges rarely conflict."""
    ordered = sorted(entries, key=lambda e: (e.path, e.rule, e.fingerprint))
    document = {"schema": SCHEMA, "entries": [entry.as_dict() for entry in ordered]}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write(path: str, entries: Iterable[Entry]) -> None:
    """Write the baseline file atomically (a temp file renamed over it)."""
    temporary = f"{path}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(dumps(entries))
        os.replace(temporary, path)
    except OSError as exc:
        raise DsgvoCheckError(f"cannot write baseline: {exc.strerror}", path) from None
