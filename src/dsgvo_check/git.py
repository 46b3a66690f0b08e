"""The git side of the hook: install/uninstall the pre-commit script, read what is staged."""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import sys
from collections.abc import Sequence

from dsgvo_check.errors import DsgvoCheckError

MARKER = "# installed by dsgvo-check hook install"
HOOK_SCRIPT = """#!/bin/sh
{marker}
# Checks the staged posts, campaigns and images before every commit.
# Skip once with: git commit --no-verify
exec {python} -m dsgvo_check scan --staged "$@"
"""


def git(args: Sequence[str], cwd: str = ".", stdin: str | None = None) -> str:
    """Run git and return its stdout; DsgvoCheckError when git fails or is missing."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, encoding="utf-8", check=False,
                              input=stdin)
    except FileNotFoundError:
        raise DsgvoCheckError("git is not installed") from None
    if done.returncode != 0:
        raise DsgvoCheckError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}", cwd)
    return done.stdout


def hook_path(cwd: str = ".") -> str:
    """Where git runs the pre-commit hook from (honours core.hooksPath)."""
    top = git(["rev-parse", "--show-toplevel"], cwd).strip()
    hooks = git(["rev-parse", "--git-path", "hooks"], top).strip()
    return os.path.join(top, hooks, "pre-commit")


def install(cwd: str = ".", *, force: bool = False) -> str:
    """Write the pre-commit hook; a foreign hook is kept unless `force` (then backed up)."""
    path = hook_path(cwd)
    if os.path.exists(path) and not _is_ours(path):
        if not force:
            raise DsgvoCheckError("a pre-commit hook that dsgvo-check did not write exists; "
                                  "use --force to replace it (it is kept as pre-commit.bak)", path)
        os.replace(path, path + ".bak")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(HOOK_SCRIPT.format(marker=MARKER, python=shlex.quote(sys.executable)))
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def uninstall(cwd: str = ".") -> str | None:
    """Remove our hook (and restore a backed-up foreign one); None when there was none of ours."""
    path = hook_path(cwd)
    if not os.path.exists(path) or not _is_ours(path):
        return None
    os.remove(path)
    if os.path.exists(path + ".bak"):
        os.replace(path + ".bak", path)
    return path


def _is_ours(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return MARKER in handle.read(4096)
    except OSError:
        return False


def toplevel(cwd: str = ".") -> str:
    """The work tree's top folder."""
    return git(["rev-parse", "--show-toplevel"], cwd).strip()


def staged_paths(top: str) -> list[str]:
    """Paths (relative to the top) added, copied, modified or renamed in the index."""
    out = git(["diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z"], top)
    return [path for path in out.split("\0") if path]


def all_indexed(top: str) -> list[str]:
    """Every path (relative to the top) that the index holds."""
    return [path for path in git(["ls-files", "-z"], top).split("\0") if path]


def indexed(top: str, paths: Sequence[str]) -> list[str]:
    """Those of `paths` that the index holds."""
    if not paths:
        return []
    out = git(["ls-files", "-z", "--", *paths], top)
    return [path for path in out.split("\0") if path]


def checkout_index(top: str, paths: Sequence[str], target: str) -> None:
    """Write the staged (index) versions of `paths` below `target`, keeping their relative paths."""
    if paths:
        prefix = target.rstrip(os.sep) + os.sep
        git(["checkout-index", "--force", f"--prefix={prefix}", "-z", "--stdin"], top, "\0".join(paths) + "\0")
