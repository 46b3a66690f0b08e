"""Content-hash cache (sqlite in the user cache dir): text detections and image facts, no personal data.

Text: key sha256(detector fingerprint | model | field names and texts of an item), value the
detections as (field index, start, end, entity, score, detector) - offsets, never the text.
Images: key sha256(detector fingerprint | ocr | faces | file sha256), value the facts, stored
only when they carry no personal data (no GPS position, no names or serials in metadata, no OCR
text); other images are scanned again each time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from importlib.util import find_spec
from types import TracebackType
from typing import Any

from dsgvo_check import __version__
from dsgvo_check.model import Detection, FaceBox, ImageFacts, TextField

ENV = "DSGVO_CHECK_CACHE_DIR"
FILE_NAME = "cache-v1.sqlite3"
MAX_ROWS = 50_000
SCHEMA = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL, used REAL NOT NULL)"


def cache_dir() -> str:
    """$DSGVO_CHECK_CACHE_DIR, else the platform's user cache dir for dsgvo-check."""
    explicit = os.environ.get(ENV)
    if explicit:
        return explicit
    import platformdirs
    return platformdirs.user_cache_dir("dsgvo-check")


def code_fingerprint(package: str) -> str:
    """Tool version plus size and mtime of a scanner package's files, so code changes invalidate."""
    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        spec = None
    files: list[str] = [spec.origin] if spec is not None and spec.origin and spec.has_location else []
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            files += [os.path.join(root, name) for name in sorted(names)]
    parts = [__version__, package]
    for path in files:
        stat = os.stat(path)
        parts.append(f"{os.path.basename(path)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class Cache:
    """A key -> JSON store; a disabled or unusable cache answers None and stores nothing."""

    def __init__(self, connection: sqlite3.Connection | None) -> None:
        self._db = connection
        self._codes: dict[str, str] = {}

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def code(self, package: str) -> str:
        """code_fingerprint(package), computed once per cache."""
        if package not in self._codes:
            self._codes[package] = code_fingerprint(package)
        return self._codes[package]

    @classmethod
    def open(cls, enabled: bool = True) -> Cache:
        """The cache in cache_dir(); disabled when asked or when the folder is not writable."""
        if not enabled:
            return cls(None)
        try:
            folder = cache_dir()
            os.makedirs(folder, exist_ok=True)
            connection = sqlite3.connect(os.path.join(folder, FILE_NAME), timeout=2.0)
            connection.execute(SCHEMA)
        except (OSError, sqlite3.Error):
            return cls(None)
        return cls(connection)

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Commit what was stored, prune the oldest entries beyond MAX_ROWS, close."""
        if self._db is None:
            return
        try:
            self._db.execute("DELETE FROM entries WHERE key IN (SELECT key FROM entries ORDER BY used DESC "
                             "LIMIT -1 OFFSET ?)", (MAX_ROWS,))
            self._db.commit()
        except sqlite3.Error:
            pass
        finally:
            self._db.close()
            self._db = None

    def get(self, key: str) -> Any:
        """The stored value, or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return json.loads(row[0]) if row else None

    def get_bytes(self, key: str) -> bytes | None:
        """The stored bytes, or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row and isinstance(row[0], bytes) else None

    def put_bytes(self, key: str, value: bytes) -> None:
        """Store bytes under `key`."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (key, value, time.time()))

    def put(self, key: str, value: Any) -> None:
        """Store a JSON-able value under `key` (errors leave the cache as it was)."""
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
                             (key, json.dumps(value, separators=(",", ":")), time.time()))


def text_key(fields: Sequence[TextField], model: str | None, code: str) -> str:
    """The key of an item's texts: detector code, model, every field's name and text."""
    digest = hashlib.sha256(f"text\0{code}\0{model or ''}\0".encode())
    for text_field in fields:
        digest.update(f"{text_field.name}\0{text_field.text}\0".encode())
    return digest.hexdigest()


def detections_to_rows(detections: Iterator[Detection] | Sequence[Detection],
                       fields: Sequence[TextField]) -> list[list[Any]]:
    """Offsets, entity, score and detector of each detection; a reason quoting the data is dropped."""
    index = {id(text_field): n for n, text_field in enumerate(fields)}
    rows = []
    for d in detections:
        reason = d.reason if d.text.strip() and d.text not in d.reason else ""
        rows.append([index[id(d.field)], d.start, d.end, d.entity, d.score, d.detector, reason])
    return rows


def rows_to_detections(rows: Sequence[Sequence[Any]], fields: Sequence[TextField]) -> list[Detection]:
    """Detections rebuilt from cached rows, their text cut from the fields themselves."""
    found = []
    for n, start, end, entity, score, detector, reason in rows:
        text_field = fields[n]
        found.append(Detection(entity, text_field, start, end, text_field.text[start:end], score, detector,
                               reason))
    return found


def image_key(sha256: str, ocr: bool, faces: bool, code: str) -> str:
    """The key of an image's facts: detector code, the OCR/face switches, the file's hash."""
    return hashlib.sha256(f"image\0{code}\0{ocr}\0{faces}\0{sha256}".encode()).hexdigest()


def facts_to_row(facts: ImageFacts) -> dict[str, Any] | None:
    """The facts as a plain dict, or None when they carry personal data and must not be stored."""
    if facts.gps is not None or facts.metadata_people or facts.serials or facts.ocr_text:
        return None
    faces = None if facts.faces is None else [[f.x, f.y, f.width, f.height, f.score] for f in facts.faces]
    return {"width": facts.width, "height": facts.height, "format": facts.format, "faces": faces,
            "notes": list(facts.notes), "ocr": facts.ocr_text}


def row_to_facts(row: dict[str, Any], path: str, sha256: str) -> ImageFacts:
    """Facts for the image at `path` from a cached row."""
    faces = None if row["faces"] is None else tuple(FaceBox(*box) for box in row["faces"])
    return ImageFacts(path=path, sha256=sha256, width=row["width"], height=row["height"], format=row["format"],
                      faces=faces, ocr_text=row["ocr"], notes=tuple(row["notes"]))
