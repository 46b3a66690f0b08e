"""Strict, positioned reading of YAML nodes: every error names file:line:col and the key path."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime

import yaml

from dsgvo_check import yamlfile
from dsgvo_check.errors import DsgvoCheckError

STR_TAG = "tag:yaml.org,2002:str"


class Node:
    """A YAML node of a rule file, with the breadcrumb that leads to it."""

    __slots__ = ("crumbs", "node", "path")

    def __init__(self, node: yaml.Node, path: str, crumbs: str = "") -> None:
        self.node = node
        self.path = path
        self.crumbs = crumbs

    @property
    def line(self) -> int:
        return int(self.node.start_mark.line) + 1

    @property
    def column(self) -> int:
        return int(self.node.start_mark.column) + 1

    def error(self, message: str, at: yaml.Node | None = None) -> DsgvoCheckError:
        """A fatal error at this node (or at `at`), prefixed with the key path."""
        mark = (at or self.node).start_mark
        where = f"at key '{self.crumbs}': " if self.crumbs else ""
        return DsgvoCheckError(where + message, self.path, mark.line + 1, mark.column + 1)

    def child(self, node: yaml.Node, crumb: str) -> Node:
        joined = f"{self.crumbs}{crumb}" if crumb.startswith("[") or not self.crumbs else f"{self.crumbs}.{crumb}"
        return Node(node, self.path, joined)

    def mapping(self, allowed: Collection[str], required: Collection[str] = ()) -> dict[str, Node]:
        """The entries of a mapping; unknown keys and missing required keys are errors."""
        if not isinstance(self.node, yaml.MappingNode):
            raise self.error(f"expected a mapping with keys {', '.join(sorted(allowed))}")
        found: dict[str, Node] = {}
        for key_node, value_node in self.node.value:
            key = str(key_node.value)
            if key not in allowed:
                raise self.error(f"unknown key '{key}' (allowed: {', '.join(sorted(allowed))})", key_node)
            if key in found:
                raise self.error(f"key '{key}' given twice", key_node)
            found[key] = self.child(value_node, key)
        missing = [key for key in required if key not in found]
        if missing:
            raise self.error(f"missing required key '{missing[0]}' (allowed: {', '.join(sorted(allowed))})")
        return found

    def single_key(self, allowed: Collection[str], what: str) -> tuple[str, Node]:
        """A mapping with exactly one key, e.g. a condition `{channel: [...]}`."""
        if not isinstance(self.node, yaml.MappingNode) or len(self.node.value) != 1:
            raise self.error(f"expected a {what}: a mapping with one key of {', '.join(sorted(allowed))}")
        key_node, value_node = self.node.value[0]
        key = str(key_node.value)
        if key not in allowed:
            raise self.error(f"unknown {what} '{key}' (allowed: {', '.join(sorted(allowed))})", key_node)
        return key, self.child(value_node, key)

    def items(self) -> list[Node]:
        """The elements of a sequence."""
        if not isinstance(self.node, yaml.SequenceNode):
            raise self.error("expected a list")
        return [self.child(node, f"[{index}]") for index, node in enumerate(self.node.value)]

    def value(self) -> object:
        node = self.node
        if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG:
            return node.value  # what the safe constructor returns for a string, without building a loader
        try:
            return yamlfile.to_python(self.node)
        except yamlfile.YamlSyntaxError as exc:
            raise self.error(exc.message) from None

    def text(self) -> str:
        """A non-empty string."""
        value = self.value()
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"expected a non-empty text, got {value!r}")
        return value

    def texts(self) -> tuple[str, ...]:
        """A list of non-empty strings (a single string counts as a list of one)."""
        if isinstance(self.node, yaml.ScalarNode):
            return (self.text(),)
        return tuple(item.text() for item in self.items())

    def choice(self, allowed: Collection[str]) -> str:
        """One of the allowed words."""
        value = self.value()
        if value not in allowed:
            raise self.error(f"expected one of {', '.join(allowed)}, got {value!r}")
        return str(value)

    def choices(self, allowed: Collection[str]) -> tuple[str, ...]:
        """A list of allowed words (or one)."""
        if isinstance(self.node, yaml.ScalarNode):
            return (self.choice(allowed),)
        return tuple(item.choice(allowed) for item in self.items())

    def boolean(self) -> bool:
        value = self.value()
        if not isinstance(value, bool):
            raise self.error(f"expected true or false, got {value!r}")
        return value

    def integer(self, minimum: int = 0, maximum: int = 1_000_000) -> int:
        value = self.value()
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            raise self.error(f"expected a whole number from {minimum} to {maximum}, got {value!r}")
        return value

    def day(self) -> date:
        """A date (YYYY-MM-DD)."""
        value = self.value()
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        raise self.error(f"expected a date like 2024-05-14, got {value!r}")

    def python(self) -> Mapping[str, object] | list[object] | object:
        """The plain value (for example data handed on unchanged)."""
        return self.value()


def compose_file(path: str, text: str) -> Node:
    """The root node of a rule file; syntax errors carry file and line."""
    try:
        root = yamlfile.compose(text)
    except yamlfile.YamlSyntaxError as exc:
        raise DsgvoCheckError(exc.message, path, exc.line, exc.column) from None
    if root is None:
        raise DsgvoCheckError("empty rule file", path, 1, 1)
    return Node(root, path)
