"""scan --staged: check what is being committed (the index blobs), not the working tree.

The staged content files, the images they reference, the consent register, config and baseline
are written from the index into a temporary folder (`git checkout-index --prefix`), scanned there,
and the report's paths are turned back into the work tree's.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from dsgvo_check import __version__, discover, git, load
from dsgvo_check.baseline import FILE_NAME as BASELINE_NAME
from dsgvo_check.config import CONFIG_NAMES, Config
from dsgvo_check.model import Report

SETUP_NAMES = frozenset({*CONFIG_NAMES, "pyproject.toml", "consents.yaml"})
SUPPORT_NAMES = SETUP_NAMES | {BASELINE_NAME, ".gitignore"}
MakeConfig = Callable[[Sequence[str]], Config]
BLOCKED = ("dsgvo-check: Commit blockiert: Befunde ab '{fail_on}' (siehe oben). Beheben, oder bewusst "
           "akzeptieren mit '<!-- dsgvo-check: ignore REGEL -- Grund -->' bzw. "
           "'# dsgvo-check: ignore REGEL -- Grund' oder 'dsgvo-check baseline update --reason ...'; "
           "nur im Notfall: git commit --no-verify")


def is_content(path: str) -> bool:
    """Whether the file is something a scan reads: post, text, YAML or image."""
    return os.path.splitext(path)[1].lower() in discover.KINDS_BY_SUFFIX


def _within(paths: Sequence[str], wanted: Sequence[str], top: str, cwd: str) -> list[str]:
    """Those of `paths` (top-relative) below one of `wanted` (cwd-relative); all when none wanted."""
    if not wanted:
        return list(paths)
    roots = [os.path.relpath(os.path.abspath(os.path.join(cwd, w)), top).replace(os.sep, "/") for w in wanted]
    return [p for p in paths if any(r == "." or p == r or p.startswith(r.rstrip("/") + "/") for r in roots)]


def _setup_changed(staged: Collection[str], config: Config, tmp: str) -> bool:
    """The consent register, config or a rule folder is staged: every post must be judged again."""
    setup = [os.path.relpath(p, tmp).replace(os.sep, "/") for p in (config.consents, config.source, *config.rule_dirs)
             if p and os.path.abspath(p).startswith(tmp + os.sep)]
    return any(os.path.basename(p) in SETUP_NAMES or any(p == s or p.startswith(s + "/") for s in setup)
               for p in staged)


def _referenced_images(content: Sequence[str], tmp: str, tracked: Collection[str]) -> list[str]:
    """Indexed images that the staged posts and campaigns use (top-relative paths)."""
    images: set[str] = set()
    for path in content:
        kind = discover.KINDS_BY_SUFFIX.get(os.path.splitext(path)[1].lower())
        if kind in (None, "image"):
            continue
        for item in load.load_text_file(os.path.join(tmp, path), kind or "post").items:
            for ref in item.images:
                relative = os.path.relpath(os.path.abspath(ref.path), tmp).replace(os.sep, "/")
                if relative in tracked:
                    images.add(relative)
    return sorted(images)


def _move(value: Any, prefix: str, to: Callable[[str], str]) -> Any:
    """`value` with every path below the temporary folder turned back into a work tree path."""
    if isinstance(value, str):
        return to(value[len(prefix):]) if value.startswith(prefix) else value.replace(prefix, "")
    if isinstance(value, tuple):
        return tuple(_move(v, prefix, to) for v in value)
    if isinstance(value, list):
        return [_move(v, prefix, to) for v in value]
    if isinstance(value, Mapping):
        return {_move(k, prefix, to): _move(v, prefix, to) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _move(getattr(value, f.name), prefix, to) for f in dataclasses.fields(value)
                   if f.name != "ruleset"}
        return dataclasses.replace(value, **changes)
    return value


def relocate(report: Report, tmp: str, top: str, cwd: str = ".") -> Report:
    """The report with paths relative to `cwd` as if the work tree had been scanned."""
    def to(relative: str) -> str:
        return os.path.relpath(os.path.join(top, relative), cwd) if relative else "."
    moved: Report = _move(report, tmp.rstrip(os.sep) + os.sep, to)
    return dataclasses.replace(moved, root=to(os.path.relpath(report.root, tmp)) if report.root else ".")


def empty_report() -> Report:
    """The report of a commit that touches no content: nothing scanned, nothing found."""
    return Report(tool_version=__version__, rules_sha256="", files=(), items=(), findings=())


def run(paths: Sequence[str], make_config: MakeConfig, cwd: str = ".") -> tuple[Report, Config]:
    """Scan the index versions of the staged content below `paths` (all staged content if none)."""
    from dsgvo_check.scan import scan

    top = git.toplevel(cwd)
    staged = _within(git.staged_paths(top), paths, top, cwd)
    tracked = git.all_indexed(top)
    with tempfile.TemporaryDirectory(prefix="dsgvo-check-staged-") as folder:
        tmp = os.path.realpath(folder)
        os.mkdir(os.path.join(tmp, ".git"))  # the copy's top: config and baseline lookups stop here
        git.checkout_index(top, [p for p in tracked if os.path.basename(p) in SUPPORT_NAMES], tmp)
        content = [p for p in staged if is_content(p)]
        config = make_config([os.path.join(tmp, content[0]) if content else tmp])
        if _setup_changed(staged, config, tmp):
            content = _within([p for p in tracked if is_content(p)], paths, top, cwd)
        selection = discover.Selection.build(config.root, config.include, config.exclude)
        content = [p for p in content if selection.wanted(os.path.join(tmp, p))
                   and os.path.basename(p) not in SUPPORT_NAMES]
        if not content:
            return empty_report(), config
        git.checkout_index(top, content, tmp)
        git.checkout_index(top, _referenced_images(content, tmp, frozenset(tracked)), tmp)
        report = scan([os.path.join(tmp, p) for p in content], config)
        return relocate(report, tmp, top, cwd), config
