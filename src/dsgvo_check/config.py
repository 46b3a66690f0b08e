"""Config: defaults < config file (dsgvo-check.yaml or [tool.dsgvo-check]) < CLI flags."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from dsgvo_check import yamlfile
from dsgvo_check.errors import DsgvoCheckError
from dsgvo_check.model import Severity

CONFIG_NAMES = ("dsgvo-check.yaml", "dsgvo-check.yml", ".dsgvo-check.yaml", ".dsgvo-check.yml")
LANGS = ("de", "en")


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a scan needs to know besides the paths."""

    root: str = "."
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    fail_on: Severity = Severity.MEDIUM
    lang: str = "de"
    consents: str | None = None
    disabled: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    as_of: datetime | None = None
    model: str | None = None
    ocr: bool = True
    faces: bool = True
    source: str | None = None
    baseline: str | None = None  # None: find .dsgvo-check-baseline.json; "": use none
    cache: bool = True

    def as_dict(self) -> dict[str, Any]:
        """The effective configuration as plain values (for the report's evidence section)."""
        values = dataclasses.asdict(self)
        values["fail_on"] = self.fail_on.label
        values["severity"] = {rule: level.label for rule, level in sorted(self.severity.items())}
        values["disabled"] = sorted(self.disabled)
        values["as_of"] = self.as_of.isoformat() if self.as_of else None
        return values

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given (non-None) values replaced: how CLI flags win."""
        return dataclasses.replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _strings(value: Any) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError("expected a list of strings")
    return tuple(values)


def _severity_map(value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ValueError("expected a mapping RULE-ID: severity")
    return {str(rule): Severity.parse(str(level)) for rule, level in value.items()}


def _choice(*allowed: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}, got {value!r}")
        return str(value)
    return check


def _as_of(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return parse_as_of(str(value))


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a string")
    return value


#: config key -> (Config field, converter)
KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "rules": ("rule_dirs", _strings),
    "fail_on": ("fail_on", lambda v: Severity.parse(str(v))),
    "lang": ("lang", _choice(*LANGS)),
    "consents": ("consents", _text),
    "disable": ("disabled", lambda v: frozenset(_strings(v))),
    "severity": ("severity", _severity_map),
    "as_of": ("as_of", _as_of),
    "model": ("model", _text),
    "ocr": ("ocr", _flag),
    "faces": ("faces", _flag),
}


def parse_as_of(value: str) -> datetime:
    """A date or datetime given on the command line or in config."""
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        raise ValueError(f"expected a date like 2026-12-01, got {value!r}") from None


def find_config(root: str) -> str | None:
    """The config file at the scan root: dsgvo-check.yaml first, then pyproject.toml."""
    for name in (*CONFIG_NAMES, "pyproject.toml"):
        candidate = os.path.join(root, name)
        if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
            return candidate
    return None


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return "dsgvo-check" in tomllib.load(handle).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def load_config(root: str, path: str | None = None) -> Config:
    """The Config for a scan root, from `path` or the file found there; defaults if none."""
    path = path or find_config(root)
    if path is None:
        return Config(root=root)
    raw, lines = _read(path)
    base = os.path.dirname(path) or "."
    values: dict[str, Any] = {"root": root, "source": path}
    for key, value in raw.items():
        if key not in KEYS:
            allowed = ", ".join(sorted(KEYS))
            raise DsgvoCheckError(f"unknown key '{key}' (allowed: {allowed})", path, lines.get(key, 1))
        name, convert = KEYS[key]
        try:
            values[name] = convert(value)
        except ValueError as exc:
            raise DsgvoCheckError(f"at key '{key}': {exc}", path, lines.get(key, 1)) from None
    if "rule_dirs" in values:
        values["rule_dirs"] = tuple(os.path.join(base, d) for d in values["rule_dirs"])
    if "consents" in values:
        values["consents"] = os.path.join(base, values["consents"])
    return Config(**values)


def _read(path: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The config mapping and the line of each top-level key."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise DsgvoCheckError(f"cannot read config: {exc.strerror}", path) from None
    if path.endswith(".toml"):
        try:
            table = tomllib.loads(data.decode("utf-8")).get("tool", {}).get("dsgvo-check", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise DsgvoCheckError(f"invalid TOML: {exc}", path) from None
        return table, {}
    try:
        node = yamlfile.compose(data.decode("utf-8-sig"))
        value = yamlfile.to_python(node)
    except UnicodeDecodeError:
        raise DsgvoCheckError("config is not UTF-8", path, 1) from None
    except yamlfile.YamlSyntaxError as exc:
        raise DsgvoCheckError(exc.message, path, exc.line, exc.column) from None
    if value is None:
        return {}, {}
    if not isinstance(value, dict):
        raise DsgvoCheckError("config must be a mapping of keys to values", path, 1)
    return value, {key: line for key, line, _ in yamlfile.keys(node)}
