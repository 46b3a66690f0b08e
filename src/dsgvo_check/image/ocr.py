"""Text in images with the Tesseract binary (Debian tesseract-ocr, tesseract-ocr-deu), if installed."""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

ENV_BINARY = "DSGVO_CHECK_TESSERACT"  # path of the tesseract binary; a missing path turns OCR off
TIMEOUT_S = 30.0
MIN_CONFIDENCE = 40.0
OCR_MIN_SIDE, OCR_MAX_SIDE = 1200, 2400
LANGUAGES = ("deu", "eng")


def tesseract_binary() -> str | None:
    """The tesseract executable: $DSGVO_CHECK_TESSERACT if set, else the one on PATH."""
    override = os.environ.get(ENV_BINARY)
    if override is not None:
        return override if os.path.isfile(override) and os.access(override, os.X_OK) else None
    return shutil.which("tesseract")


def ocr_available() -> bool:
    """True where a working tesseract binary is found."""
    binary = tesseract_binary()
    return binary is not None and bool(_languages(binary))


def read_text(rgb: Image.Image) -> str | None:
    """Words Tesseract reads with some confidence, line by line; None where OCR is not available.

    Raises OcrFailed when Tesseract runs but fails or times out.
    """
    binary = tesseract_binary()
    languages = _languages(binary) if binary else ()
    if binary is None or not languages:
        return None
    command = [binary, "stdin", "stdout", "-l", "+".join(languages), "--psm", "3", "tsv"]
    try:
        done = subprocess.run(command, input=_png(rgb), capture_output=True, timeout=TIMEOUT_S, check=False,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except subprocess.TimeoutExpired:
        raise OcrFailed(f"OCR abgebrochen: Tesseract brauchte länger als {TIMEOUT_S:.0f} s") from None
    except OSError as exc:
        raise OcrFailed(f"OCR fehlgeschlagen: {exc}") from None
    if done.returncode != 0:
        raise OcrFailed(f"OCR fehlgeschlagen: {done.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return _lines(done.stdout.decode("utf-8", "replace"))


class OcrFailed(Exception):
    """Tesseract ran but gave no result; the message is German, for a note."""


@functools.lru_cache(maxsize=4)
def _languages(binary: str) -> tuple[str, ...]:
    """Which of LANGUAGES the binary has (cached per binary path); () if it does not run."""
    try:
        done = subprocess.run([binary, "--list-langs"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ()
    listed = set(done.stdout.decode("utf-8", "replace").split())
    return tuple(lang for lang in LANGUAGES if lang in listed) if done.returncode == 0 else ()


def _png(rgb: Image.Image) -> bytes:
    """Greyscale PNG at a size Tesseract reads well (small screenshots enlarged)."""
    from PIL import Image

    grey = rgb.convert("L")
    side = max(grey.size)
    if side < OCR_MIN_SIDE:
        factor = min(3.0, OCR_MIN_SIDE / side)
        grey = grey.resize((round(grey.width * factor), round(grey.height * factor)), Image.Resampling.LANCZOS)
    elif side > OCR_MAX_SIDE:
        grey.thumbnail((OCR_MAX_SIDE, OCR_MAX_SIDE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    grey.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


def _lines(tsv: str) -> str:
    """Words with confidence >= MIN_CONFIDENCE from Tesseract's TSV, grouped into their lines."""
    lines: dict[tuple[str, str, str, str], list[str]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        try:
            confident = float(cells[10]) >= MIN_CONFIDENCE
        except ValueError:
            continue
        if confident:
            lines.setdefault((cells[1], cells[2], cells[3], cells[4]), []).append(cells[11].strip())
    return "\n".join(" ".join(words) for words in lines.values())
