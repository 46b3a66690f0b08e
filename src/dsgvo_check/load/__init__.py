"""Load content files into Items: posts, campaigns; the consent register."""

from __future__ import annotations

from dataclasses import dataclass

from dsgvo_check import yamlfile
from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.load.campaign import is_campaign, parse_campaign
from dsgvo_check.load.consents import parse_consents
from dsgvo_check.load.post import parse_post as _parse_post
from dsgvo_check.load.values import Context
from dsgvo_check.model import ConsentRegister, Item, Notice, Problem

MAX_TEXT_BYTES = 5_000_000

__all__ = ["Loaded", "decode", "load_text_file", "parse_consents", "parse_post", "parse_yaml",
           "read_consents"]


@dataclass(frozen=True, slots=True)
class Loaded:
    """What one file yielded: items, content problems (PARSE-ERROR) and notices (warnings)."""

    items: tuple[Item, ...] = ()
    problems: tuple[Problem, ...] = ()
    notices: tuple[Notice, ...] = ()


def parse_post(path: str, text: str, *, markdown: bool = True) -> Loaded:
    """A Markdown (with front matter) or plain-text post from its text."""
    ctx = Context(path, text.splitlines())
    items, problems = _parse_post(ctx, text, markdown=markdown)
    return Loaded(tuple(items), tuple(problems), tuple(ctx.notices))


def parse_yaml(path: str, text: str) -> Loaded:
    """A YAML content file: a campaign yields its posts, anything else is not content."""
    ctx = Context(path, text.splitlines())
    try:
        node = yamlfile.compose(text)
    except yamlfile.YamlSyntaxError as exc:
        return Loaded(problems=(Problem(path, exc.line, exc.column, exc.message),))
    if not is_campaign(node) or node is None:
        return Loaded()
    items = parse_campaign(ctx, node)
    return Loaded(tuple(items), (), tuple(ctx.notices))


def decode(path: str, data: bytes) -> str | Problem:
    """UTF-8 text of a content file, or a Problem naming the line of the first bad byte."""
    if len(data) > MAX_TEXT_BYTES:
        return Problem(path, 1, 1, f"Datei zu groß für eine Textdatei ({len(data):,} Bytes)")
    if b"\x00" in data[:8192]:
        return Problem(path, 1, 1, "Binärdatei, kein Text: nicht geprüft")
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        return Problem(path, line, column, f"kein gültiges UTF-8 (Byte 0x{data[exc.start]:02X}); "
                                           "bitte als UTF-8 speichern")


def load_text_file(path: str, kind: str) -> Loaded:
    """Read and parse a post (`post`, `text`) or YAML file (`yaml`) from disk."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as exc:
        return Loaded(problems=(Problem(path, 1, 1, f"nicht lesbar: {exc.strerror}"),))
    text = decode(path, data)
    if isinstance(text, Problem):
        return Loaded(problems=(text,))
    if kind == "yaml":
        return parse_yaml(path, text)
    return parse_post(path, text, markdown=kind == "post")


def read_consents(path: str) -> ConsentRegister:
    """The register at `path`; DsgvoCheckError (exit 2) when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise DsgvoCheckError(f"Einwilligungsregister nicht lesbar: {exc.strerror}", path) from None
    text = decode(path, data)
    if isinstance(text, Problem):
        raise DsgvoCheckError(text.message, path, text.line, text.column)
    return parse_consents(path, text)
