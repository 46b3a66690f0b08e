"""Typed reading of front-matter values from YAML nodes, with notices instead of crashes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml

from dsgvo_check import yamlfile
from dsgvo_check.model import CHANNELS, Notice, TextField


@dataclass(slots=True)
class Context:
    """The file being read: its path, its lines, where its YAML starts, what went wrong."""

    path: str
    lines: list[str]
    line_offset: int = 0
    notices: list[Notice] = field(default_factory=list)

    def line_of(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.line_offset

    def column_of(self, node: yaml.Node) -> int:
        return node.start_mark.column + 1

    def notice(self, node: yaml.Node | None, message: str) -> None:
        line = self.line_of(node) if node is not None else 1
        self.notices.append(Notice(self.path, line, message))

    def value(self, node: yaml.Node | None) -> Any:
        try:
            return yamlfile.to_python(node)
        except yamlfile.YamlSyntaxError as exc:
            self.notices.append(Notice(self.path, exc.line + self.line_offset, exc.message))
            return None


def as_text(ctx: Context, node: yaml.Node | None, name: str) -> str | None:
    """A scalar as a string; a notice for lists or mappings."""
    if node is None:
        return None
    value = ctx.value(node)
    if value is None:
        return None
    if isinstance(value, dict | list):
        ctx.notice(node, f"'{name}' sollte ein Text sein")
        return None
    return str(value)


def as_text_field(ctx: Context, node: yaml.Node | None, name: str) -> TextField | None:
    """A published text with its position in the file."""
    text = as_text(ctx, node, name)
    if text is None or node is None:
        return None
    place = yamlfile.scalar_place(node, ctx.lines, ctx.line_offset)
    return TextField(name, text, ctx.path, place.line, place.column, place.indent)


def as_datetime(ctx: Context, node: yaml.Node | None, name: str) -> datetime | None:
    """A date or datetime as naive wall-clock time as written (the time zone is dropped)."""
    value = ctx.value(node) if node is not None else None
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).replace(tzinfo=None)
        except ValueError:
            pass
    ctx.notice(node, f"'{name}' ist kein Datum (erwartet z. B. 2026-12-01 oder 2026-12-01T09:00:00+01:00)")
    return None


def as_bool(ctx: Context, node: yaml.Node | None, name: str) -> bool | None:
    value = ctx.value(node) if node is not None else None
    if value is None or isinstance(value, bool):
        return value
    ctx.notice(node, f"'{name}' sollte true oder false sein")
    return None


def as_int(ctx: Context, node: yaml.Node | None, name: str) -> int | None:
    value = ctx.value(node) if node is not None else None
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    ctx.notice(node, f"'{name}' sollte eine Zahl sein")
    return None


def as_channels(ctx: Context, node: yaml.Node | None) -> tuple[str, ...]:
    """The channel list; unknown channels are kept (lower case) but noticed."""
    if node is None:
        return ()
    value = ctx.value(node)
    values = value if isinstance(value, list) else [value]
    channels: list[str] = []
    for entry in values:
        if entry is None:
            continue
        name = str(entry).strip().lower()
        if name not in CHANNELS:
            ctx.notice(node, f"unbekannter Kanal '{entry}' (bekannt: {', '.join(CHANNELS)})")
        channels.append(name)
    return tuple(channels)


def check_keys(ctx: Context, node: yaml.Node | None, allowed: frozenset[str], where: str) -> None:
    """Notice every key of a mapping that is not in `allowed` (content files only warn)."""
    for key, line, _ in yamlfile.keys(node):
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            ctx.notices.append(Notice(ctx.path, line + ctx.line_offset, f"unbekannter Schlüssel '{key}' in {where} "
                                                      f"(bekannt: {known})"))


def resolve(ctx: Context, ref: str) -> str:
    """An image reference relative to the file, as a normalised path."""
    return os.path.normpath(os.path.join(os.path.dirname(ctx.path), ref))
