#!/usr/bin/env bash
# Installs the system libraries dsgvo-check needs (Pango for WeasyPrint, Tesseract for OCR,
# fonts for umlauts and emoji) with apt-get when they are missing and we are root; otherwise
# says what to install. OCR is optional: without Tesseract the tool reports "OCR nicht verfügbar".
set -u
missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libpango-1.0.so' || missing+=(libpango-1.0-0)
have_lib 'libpangoft2-1.0.so' || missing+=(libpangoft2-1.0-0)
have_lib 'libharfbuzz-subset.so' || missing+=(libharfbuzz-subset0)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
[ -n "$(ls /usr/share/tesseract-ocr/*/tessdata/deu.traineddata 2>/dev/null)" ] || missing+=(tesseract-ocr-deu)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
[ -n "$(ls /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf 2>/dev/null)" ] || missing+=(fonts-noto-color-emoji)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    && exit 0
  echo "apt-get could not install: ${missing[*]}" >&2
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them, e.g.: sudo apt-get install ${missing[*]}" >&2
  echo "(macOS: brew install pango tesseract tesseract-lang poppler)" >&2
fi
# Pango is required for the PDF report; the rest degrades gracefully.
have_lib 'libpango-1.0.so' || { echo "WeasyPrint needs Pango: the PDF report will not work." >&2; exit 1; }
exit 0
