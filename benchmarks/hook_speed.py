"""Wall time of the pre-commit hook (`dsgvo-check scan --staged`) next to `detect-secrets-hook`.

Builds a content repository in a temp folder (40 committed posts, a consent register), stages
one post per scenario and times the hook command as git runs it, cold (empty cache) and warm.
detect-secrets is installed into benchmarks/.venv-detect-secrets on first use (ignored by git).

    .venv/bin/python benchmarks/hook_speed.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DS_VENV = HERE / ".venv-detect-secrets"
SCENARIOS = {
    "one post, no candidate": "Am Samstag feiern wir unser Sommerfest im Hof. Kommt vorbei, es gibt Kuchen!\n",
    "one post, phone + name": "Fragen? Ruft Anna Müller an: 0911 123456 (Mo-Fr).\n",
    "one post, IBAN": "Spenden bitte an DE89 3704 0044 0532 0130 00, Stichwort Pfote.\n",
}
POST = "---\ntitle: Beitrag {n}\nchannels: [instagram]\npublish_at: 2026-12-01\n---\n{body}"


def sh(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def detect_secrets_hook() -> Path:
    """The detect-secrets-hook executable of the separate benchmark venv (created on first use)."""
    exe = DS_VENV / "bin" / "detect-secrets-hook"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(DS_VENV)], check=True)
        subprocess.run([str(DS_VENV / "bin" / "pip"), "install", "-q", "detect-secrets"], check=True)
    return exe


def make_repo(root: Path) -> None:
    sh(["git", "init", "-q", "-b", "main"], root)
    sh(["git", "config", "user.name", "Bench"], root)
    sh(["git", "config", "user.email", "bench@example.invalid"], root)
    (root / "posts").mkdir()
    (root / "consents.yaml").write_text("consents:\n  - id: C-1\n    person: Anna Müller\n    scope: [name]\n")
    for n in range(40):
        (root / "posts" / f"{n:02}.md").write_text(POST.format(n=n, body=SCENARIOS["one post, no candidate"]))
    sh(["git", "add", "."], root)
    sh(["git", "commit", "-q", "-m", "init"], root)


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = sh(args, cwd, env)
    return time.perf_counter() - start, done.returncode


def run_scenario(root: Path, body: str, runs: int, ds: Path | None) -> dict[str, float]:
    post = root / "posts" / "neu.md"
    post.write_text(POST.format(n=99, body=body))
    sh(["git", "add", "posts/neu.md"], root)
    cache = Path(tempfile.mkdtemp(prefix="dsgvo-bench-cache-"))
    env = {**os.environ, "DSGVO_CHECK_CACHE_DIR": str(cache)}
    hook = [sys.executable, "-m", "dsgvo_check", "scan", "--staged"]
    cold, code = timed(hook, root, env)
    warm = [timed(hook, root, env)[0] for _ in range(runs)]
    nocache = [timed([*hook, "--no-cache"], root, env)[0] for _ in range(max(3, runs // 2))]
    result = {"exit": float(code), "cold": cold, "warm": statistics.median(warm),
              "no-cache": statistics.median(nocache)}
    if ds is not None:
        result["detect-secrets"] = statistics.median(timed([str(ds), "posts/neu.md"], root, env)[0]
                                                     for _ in range(runs))
    sh(["git", "reset", "-q", "posts/neu.md"], root)
    post.unlink()
    shutil.rmtree(cache, ignore_errors=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-detect-secrets", action="store_true")
    args = parser.parse_args()
    ds = None if args.no_detect_secrets else detect_secrets_hook()
    with tempfile.TemporaryDirectory(prefix="dsgvo-bench-") as folder:
        root = Path(folder)
        make_repo(root)
        print(f"{'scenario':<26} {'exit':>4} {'cold s':>7} {'warm s':>7} {'no-cache s':>10} {'detect-secrets s':>16}")
        for name, body in SCENARIOS.items():
            r = run_scenario(root, body, args.runs, ds)
            print(f"{name:<26} {r['exit']:>4.0f} {r['cold']:>7.3f} {r['warm']:>7.3f} {r['no-cache']:>10.3f} "
                  f"{r.get('detect-secrets', float('nan')):>16.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
