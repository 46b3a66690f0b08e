"""git.py and `dsgvo-check hook install|uninstall` on real git repositories; the pre-commit manifest."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dsgvo_check import git
from dsgvo_check.errors import DsgvoCheckError

ROOT = Path(__file__).resolve().parent.parent


def sh(cwd: Path, *args: str) -> str:
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    sh(folder, "git", "init", "-q", "-b", "main")
    sh(folder, "git", "config", "user.name", "Test")
    sh(folder, "git", "config", "user.email", "test@example.invalid")
    return folder


def test_install_writes_an_executable_hook_and_reinstalls_over_its_own(repo: Path) -> None:
    path = Path(git.install(str(repo)))
    assert path == repo / ".git" / "hooks" / "pre-commit"
    assert os.access(path, os.X_OK)
    text = path.read_text()
    assert git.MARKER in text and "scan --staged" in text and sys.executable in text
    assert Path(git.install(str(repo))) == path


def test_a_foreign_hook_is_kept_unless_forced_and_restored_on_uninstall(repo: Path) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho lint\n")
    with pytest.raises(DsgvoCheckError) as error:
        git.install(str(repo))
    assert "--force" in str(error.value) and hook.read_text() == "#!/bin/sh\necho lint\n"
    git.install(str(repo), force=True)
    assert git.MARKER in hook.read_text()
    assert (repo / ".git" / "hooks" / "pre-commit.bak").read_text() == "#!/bin/sh\necho lint\n"
    assert git.uninstall(str(repo)) == str(hook)
    assert hook.read_text() == "#!/bin/sh\necho lint\n"
    assert git.uninstall(str(repo)) is None


def test_core_hooks_path_is_respected(repo: Path) -> None:
    sh(repo, "git", "config", "core.hooksPath", ".githooks")
    (repo / "sub").mkdir()
    path = Path(git.install(str(repo / "sub")))
    assert path == repo / ".githooks" / "pre-commit"
    assert not (repo / ".git" / "hooks" / "pre-commit").exists()


def test_cli_hook_commands(repo: Path, cli: Callable[..., object]) -> None:
    (repo / ".git" / "hooks" / "pre-commit").write_text("#!/bin/sh\nexit 0\n")
    refused = cli("hook", "install", cwd=repo)
    assert refused.code == 2 and "--force" in refused.err  # type: ignore[attr-defined]
    forced = cli("hook", "install", "--force", cwd=repo)
    assert forced.code == 0 and "pre-commit" in forced.out  # type: ignore[attr-defined]
    removed = cli("hook", "uninstall", cwd=repo)
    assert removed.code == 0 and "entfernt" in removed.out  # type: ignore[attr-defined]


def test_staged_paths_and_checkout_index_see_the_index_not_the_work_tree(repo: Path, tmp_path: Path) -> None:
    (repo / "posts").mkdir()
    (repo / "posts" / "a.md").write_text("alt\n")
    (repo / "posts" / "gone.md").write_text("weg\n")
    sh(repo, "git", "add", ".")
    sh(repo, "git", "commit", "-q", "-m", "init")
    (repo / "posts" / "a.md").write_text("gestaged\n")
    (repo / "posts" / "neu ä.md").write_text("neu\n")
    sh(repo, "git", "add", ".")
    sh(repo, "git", "rm", "-q", "posts/gone.md")
    (repo / "posts" / "a.md").write_text("nur im Arbeitsverzeichnis\n")
    assert sorted(git.staged_paths(str(repo))) == ["posts/a.md", "posts/neu ä.md"]
    assert git.all_indexed(str(repo)) == ["posts/a.md", "posts/neu ä.md"]
    target = tmp_path / "copy"
    git.checkout_index(str(repo), ["posts/a.md", "posts/neu ä.md"], str(target))
    assert (target / "posts" / "a.md").read_text() == "gestaged\n"
    assert (target / "posts" / "neu ä.md").read_text() == "neu\n"


def test_git_errors_are_configuration_errors(tmp_path: Path) -> None:
    with pytest.raises(DsgvoCheckError) as error:
        git.toplevel(str(tmp_path))
    assert "git rev-parse" in str(error.value)


def test_pre_commit_accepts_the_manifest() -> None:
    tool = Path(sys.executable).parent / "pre-commit"
    done = subprocess.run([str(tool), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "id: dsgvo-check\n" in text and "entry: dsgvo-check scan\n" in text and "language: python" in text
