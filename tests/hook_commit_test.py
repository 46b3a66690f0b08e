"""The hook for real: `git commit` in a temp repository runs `dsgvo-check scan --staged`."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from dsgvo_check import git, staged
from dsgvo_check.config import load_config

IBAN = "DE89 3704 0044 0532 0130 00"
CLEAN = """
---
title: Sommerfest
channels: [instagram]
---
Am Samstag feiern wir unser Sommerfest im Hof. Kommt vorbei!
"""
WITH_IBAN = f"""
---
title: Spendenaufruf
channels: [instagram]
---
Unterstützt das Tierheim! Spenden bitte an {IBAN}, Stichwort Pfote.
"""


class Repo:
    """A git work tree in tmp_path with the hook installed and a private cache folder."""

    def __init__(self, root: Path, cache: Path) -> None:
        self.root = root
        self.env = {**os.environ, "DSGVO_CHECK_CACHE_DIR": str(cache)}

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=self.root, env=self.env, capture_output=True, text=True, check=check)

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")

    def commit(self, *paths: str, message: str = "change") -> subprocess.CompletedProcess[str]:
        """git add + git commit; the hook's output (git sends it to stderr) is in `.stderr`."""
        if paths:
            self.run("git", "add", "--", *paths)
        return self.run("git", "commit", "-q", "-m", message, check=False)

    def log(self) -> list[str]:
        return self.run("git", "log", "--format=%s").stdout.split()


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    root = tmp_path / "content"
    root.mkdir()
    repo = Repo(root, tmp_path / "cache")
    repo.run("git", "init", "-q", "-b", "main")
    repo.run("git", "config", "user.name", "Redaktion")
    repo.run("git", "config", "user.email", "redaktion@example.invalid")
    repo.run("git", "config", "commit.gpgsign", "false")
    repo.write("consents.yaml", "consents: []\n")
    assert repo.commit("consents.yaml", message="register").returncode == 0
    git.install(str(root))
    return repo


def test_a_post_with_an_iban_is_blocked_and_a_clean_post_commits(repo: Repo) -> None:
    repo.write("posts/spende.md", WITH_IBAN)
    blocked = repo.commit("posts/spende.md", message="spende")
    assert blocked.returncode == 1
    assert "posts/spende.md:5:" in blocked.stderr and "PII-IBAN" in blocked.stderr
    assert "Commit blockiert" in blocked.stderr and "--no-verify" in blocked.stderr
    repo.write("posts/fest.md", CLEAN)
    repo.run("git", "reset", "-q", "posts/spende.md")
    done = repo.commit("posts/fest.md", message="fest")
    assert done.returncode == 0, done.stderr
    assert repo.log() == ["fest", "register"]


def test_the_staged_version_is_checked_not_the_work_tree(repo: Repo) -> None:
    repo.write("posts/a.md", CLEAN)
    repo.run("git", "add", "posts/a.md")
    repo.write("posts/a.md", WITH_IBAN)  # unstaged edit: not part of this commit
    assert repo.commit(message="clean-staged").returncode == 0
    repo.run("git", "add", "posts/a.md")
    repo.write("posts/a.md", CLEAN)  # the IBAN is staged, the work tree is clean again
    blocked = repo.commit(message="iban-staged")
    assert blocked.returncode == 1 and "PII-IBAN" in blocked.stderr
    assert repo.log() == ["clean-staged", "register"]


def test_an_inline_suppression_holds_when_lines_move(repo: Repo) -> None:
    suppressed = WITH_IBAN.replace("Unterstützt", "<!-- dsgvo-check: ignore PII-IBAN -- Spendenkonto des "
                                   "Tierheims, Freigabe Vorstand -->\nUnterstützt")
    repo.write("posts/spende.md", suppressed)
    assert repo.commit("posts/spende.md").returncode == 0
    moved_text = suppressed.replace("---\n<!--", "---\nNeu:\n\nDanke euch!\n\n<!--")
    assert moved_text != suppressed
    repo.write("posts/spende.md", moved_text)
    moved = repo.commit("posts/spende.md", message="moved")
    assert moved.returncode == 0, moved.stderr
    stale = suppressed.replace(IBAN, "unser Spendenkonto (siehe Website)")
    repo.write("posts/spende.md", stale)
    result = repo.commit("posts/spende.md", message="stale")
    assert result.returncode == 0 and "SUPPRESSION-UNUSED" in result.stderr


def test_the_baseline_holds_across_moved_lines_and_new_findings_still_block(
        repo: Repo, cli: Callable[..., object]) -> None:
    repo.write("posts/spende.md", WITH_IBAN)
    repo.run("git", "add", "posts/spende.md")
    created = cli("baseline", "create", "--reason", "Spendenkonto, Freigabe Vorstand", "--by", "Kim", cwd=repo.root)
    assert created.code == 0, created.err  # type: ignore[attr-defined]
    text = (repo.root / ".dsgvo-check-baseline.json").read_text(encoding="utf-8")
    assert "3704" not in text and '"accepted_by": "Kim"' in text
    assert repo.commit("posts/spende.md", ".dsgvo-check-baseline.json").returncode == 0
    repo.write("posts/spende.md", WITH_IBAN.replace("---\nUnter", "---\nZeile\n\nnoch eine\nUnter"))
    assert repo.commit("posts/spende.md", message="moved").returncode == 0
    repo.write("posts/neu.md", WITH_IBAN.replace(IBAN, "DE02 1203 0000 0000 2020 51"))
    blocked = repo.commit("posts/neu.md", message="neu")
    assert blocked.returncode == 1 and "posts/neu.md" in blocked.stderr and "posts/spende.md" not in blocked.stderr


def test_staging_the_consent_register_rechecks_every_post(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.write("posts/a.md", CLEAN)
    repo.write("posts/b.md", CLEAN)
    assert repo.commit("posts/a.md", "posts/b.md").returncode == 0
    repo.write("consents.yaml", "consents:\n  - id: C-1\n    person: Anna Müller\n    scope: [name]\n")
    repo.run("git", "add", "consents.yaml")
    monkeypatch.chdir(repo.root)
    monkeypatch.setenv("DSGVO_CHECK_CACHE_DIR", repo.env["DSGVO_CHECK_CACHE_DIR"])
    report, _ = staged.run([], lambda roots: load_config(roots[0]))
    assert sorted(f.path for f in report.files if f.kind == "post") == ["posts/a.md", "posts/b.md"]
    assert all(not f.path.startswith("/") for f in report.files)


def test_scan_staged_json_and_usage_error(repo: Repo, cli: Callable[..., object]) -> None:
    repo.write("posts/spende.md", WITH_IBAN)
    repo.run("git", "add", "posts/spende.md")
    result = cli("scan", "--staged", "--format", "json", "--no-cache", cwd=repo.root)
    findings = json.loads(result.out)["findings"]  # type: ignore[attr-defined]
    assert [(f["rule"], f["path"], f["line"], f["item"]) for f in findings] == [
        ("PII-IBAN", "posts/spende.md", 5, "posts/spende.md")]
    assert "dsgvo-check-staged" not in result.out  # type: ignore[attr-defined]
    usage = cli("scan", cwd=repo.root)
    assert usage.code == 2 and "--staged" in usage.err  # type: ignore[attr-defined]
