"""Paths -> the content files to scan: walk folders, skip hidden and ignored, classify."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pathspec

from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import Notice

KINDS_BY_SUFFIX = {".md": "post", ".markdown": "post", ".txt": "text", ".yaml": "yaml", ".yml": "yaml",
                   ".jpg": "image", ".jpeg": "image", ".png": "image", ".webp": "image",
                   ".tif": "image", ".tiff": "image", ".heic": "image", ".gif": "image"}


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file to load: `path` as reached from the arguments, `kind` post|text|yaml|image."""

    path: str
    kind: str


@dataclass(frozen=True, slots=True)
class Selection:
    """Include/exclude globs (gitignore syntax) relative to the scan root."""

    root: str
    include: pathspec.GitIgnoreSpec | None
    exclude: pathspec.GitIgnoreSpec

    @classmethod
    def build(cls, root: str, include: Sequence[str], exclude: Sequence[str]) -> Selection:
        spec = pathspec.GitIgnoreSpec.from_lines
        return cls(root, spec(include) if include else None, spec(exclude))

    def wanted(self, path: str) -> bool:
        relative = os.path.relpath(path, self.root)
        if relative.startswith(".."):
            return True
        if self.exclude.match_file(relative):
            return False
        return self.include is None or self.include.match_file(relative)


def walk(paths: Sequence[str], selection: Selection,
         skip: frozenset[str] = frozenset()) -> tuple[list[SourceFile], list[Notice]]:
    """All content files below `paths` in a stable order; explicit files are always taken."""
    files: list[SourceFile] = []
    notices: list[Notice] = []
    for path in paths:
        if not os.path.exists(path):
            raise DsgvoCheckError("no such file or directory", path)
        if os.path.isdir(path):
            candidates: Iterator[str] = _walk_dir(path, selection)
        else:
            candidates = iter([path])
        for candidate in candidates:
            kind = KINDS_BY_SUFFIX.get(os.path.splitext(candidate)[1].lower())
            if kind is None:
                if candidate == path:
                    notices.append(Notice(path, 1, "kein Inhaltsformat (md, txt, yaml, Bild): übersprungen"))
                continue
            if os.path.normpath(candidate) not in skip:
                files.append(SourceFile(candidate, kind))
    return _unique(files), notices


def _walk_dir(top: str, selection: Selection) -> Iterator[str]:
    ignores: list[tuple[str, pathspec.GitIgnoreSpec]] = []
    for folder, dirs, names in os.walk(top):
        ignores = [(base, spec) for base, spec in ignores if _is_below(folder, base)]
        gitignore = os.path.join(folder, ".gitignore")
        if os.path.isfile(gitignore):
            ignores.append((folder, _read_ignore(gitignore)))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and _keep(os.path.join(folder, d) + "/", ignores, selection))
        for name in sorted(names):
            path = os.path.join(folder, name)
            if not name.startswith(".") and _keep(path, ignores, selection):
                yield path


def _keep(path: str, ignores: list[tuple[str, pathspec.GitIgnoreSpec]], selection: Selection) -> bool:
    for base, spec in ignores:
        if spec.match_file(os.path.relpath(path, base) + ("/" if path.endswith("/") else "")):
            return False
    if path.endswith("/"):
        relative = os.path.relpath(path, selection.root)
        return relative.startswith("..") or not selection.exclude.match_file(relative + "/")
    return selection.wanted(path)


def _read_ignore(path: str) -> pathspec.GitIgnoreSpec:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return pathspec.GitIgnoreSpec.from_lines(handle)


def _is_below(folder: str, base: str) -> bool:
    return folder == base or folder.startswith(base.rstrip(os.sep) + os.sep)


def _unique(files: list[SourceFile]) -> list[SourceFile]:
    seen: set[str] = set()
    unique = []
    for source in files:
        key = os.path.normpath(source.path)
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique
