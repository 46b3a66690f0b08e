"""Safe YAML with positions: compose nodes, build values, locate scalars; front-matter split."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:  # the C loader is much faster where libyaml is present
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_YAML_BYTES = 2_000_000
MAX_DEPTH = 64


class YamlSyntaxError(Exception):
    """YAML that cannot be parsed; `line`/`column` are 1-based in the file."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _opened(exc: yaml.MarkedYAMLError, line_offset: int) -> str:
    """Where the construct began that the parser could not close (an unclosed bracket, a quote)."""
    begun, noticed = exc.context_mark, exc.problem_mark
    if exc.problem and exc.context and begun and noticed and begun.line != noticed.line:
        return f" ({exc.context}, begonnen in Zeile {begun.line + 1 + line_offset})"
    return ""


def compose(text: str, line_offset: int = 0) -> yaml.Node | None:
    """Parse one YAML document into a node tree (safe; no tags beyond the core schema)."""
    if len(text) > MAX_YAML_BYTES:
        raise YamlSyntaxError(f"YAML zu groß ({len(text)} Zeichen)", line_offset + 1, 1)
    try:
        _check_depth(text, line_offset)
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        raise YamlSyntaxError(f"ungültiges YAML: {exc.problem or exc.context}{_opened(exc, line_offset)}", line,
                              column) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"ungültiges YAML: {exc}", line_offset + 1, 1) from None
    except RecursionError:
        raise YamlSyntaxError("YAML zu tief verschachtelt", line_offset + 1, 1) from None


def _check_depth(text: str, line_offset: int) -> None:
    """Refuse absurd nesting before composing: the C composer recurses and can crash on it."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line, column = (event.start_mark.line, event.start_mark.column) if event.start_mark else (0, 0)
                raise YamlSyntaxError(f"YAML tiefer als {MAX_DEPTH} Ebenen verschachtelt",
                                      line + 1 + line_offset, column + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def to_python(node: yaml.Node | None) -> Any:
    """The plain Python value of a node (safe constructor)."""
    if node is None:
        return None
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or node.start_mark
        raise YamlSyntaxError(f"ungültiger YAML-Wert: {exc}", mark.line + 1, mark.column + 1) from None
    except RecursionError:
        mark = node.start_mark
        raise YamlSyntaxError("YAML zu tief verschachtelt", mark.line + 1, mark.column + 1) from None
    finally:
        loader.dispose()


def entry(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key node, value node) pair under `key` of a mapping node, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node under `key` of a mapping node, or None."""
    found = entry(node, key)
    return found[1] if found else None


def items(node: yaml.Node | None) -> list[yaml.Node]:
    """The element nodes of a sequence node (empty for anything else)."""
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def keys(node: yaml.Node | None) -> list[tuple[str, int, int]]:
    """The (key, line, column) of a mapping node's keys, 1-based."""
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(str(k.value), k.start_mark.line + 1, k.start_mark.column + 1) for k, _ in node.value]


@dataclass(frozen=True, slots=True)
class ScalarPlace:
    """Where a scalar's text starts in the file (1-based) and its continuation indent."""

    line: int
    column: int
    indent: int


def scalar_place(node: yaml.Node, source_lines: list[str], line_offset: int = 0) -> ScalarPlace:
    """Locate the first character of a scalar's value; block scalars start on the next line."""
    mark = node.start_mark
    style = getattr(node, "style", None)
    if style in ("|", ">"):
        first = mark.line + 1
        while first < len(source_lines) and not source_lines[first].strip():
            first += 1
        text_line = source_lines[first] if first < len(source_lines) else ""
        indent = len(text_line) - len(text_line.lstrip(" "))
        return ScalarPlace(first + 1 + line_offset, indent + 1, indent)
    quote = 1 if style in ('"', "'") else 0
    return ScalarPlace(mark.line + 1 + line_offset, mark.column + 1 + quote, mark.column + quote)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A Markdown file split into its YAML front matter and its body."""

    yaml_text: str | None
    body: str
    body_line: int


def split_front_matter(text: str) -> FrontMatter:
    """Split `---` front matter from the body; YamlSyntaxError if it is never closed."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        return FrontMatter(None, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in ("---", "..."):
            body = "".join(lines[index + 1:])
            return FrontMatter("".join(lines[1:index]), body, index + 2)
    raise YamlSyntaxError("Front Matter wird mit '---' geöffnet, aber nie geschlossen", 1, 1)
