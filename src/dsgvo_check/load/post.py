"""Markdown posts with YAML front matter, and plain text posts."""

from __future__ import annotations

import yaml

from dsgvo_check import yamlfile
from dsgvo_check.load.items import Layers, build_item
from dsgvo_check.load.values import Context, check_keys
from dsgvo_check.model import Item, Problem, TextField

POST_KEYS = frozenset({"title", "channels", "publish_at", "images", "people", "giveaway", "audience",
                       "targeting", "id", "tags", "status", "author", "notes"})


def parse_post(ctx: Context, text: str, *, markdown: bool = True) -> tuple[list[Item], list[Problem]]:
    """One Item per file; broken front matter is a Problem and the body is still scanned."""
    if not markdown:
        return [_body_only(ctx, text, 1)], []
    try:
        split = yamlfile.split_front_matter(text)
    except yamlfile.YamlSyntaxError as exc:
        return [], [Problem(ctx.path, exc.line, exc.column, exc.message)]
    if split.yaml_text is None:
        return [_body_only(ctx, text, 1)], []
    ctx.line_offset = 1
    try:
        node = yamlfile.compose(split.yaml_text, line_offset=1)
    except yamlfile.YamlSyntaxError as exc:
        problem = Problem(ctx.path, exc.line, exc.column, f"Front Matter: {exc.message}")
        return [_body_only(ctx, split.body, split.body_line)], [problem]
    if node is not None and not isinstance(node, yaml.MappingNode):
        problem = Problem(ctx.path, ctx.line_of(node), 1, "Front Matter ist keine Zuordnung (key: value)")
        return [_body_only(ctx, split.body, split.body_line)], [problem]
    check_keys(ctx, node, POST_KEYS, "Front Matter")
    body = TextField("body", split.body, ctx.path, split.body_line, 1)
    return [build_item(ctx, Layers(node), key=ctx.path, place=(1, 1), texts=[body])], []


def _body_only(ctx: Context, body: str, line: int) -> Item:
    return Item(key=ctx.path, path=ctx.path, line=1, column=1,
                fields=(TextField("body", body, ctx.path, line, 1),))
