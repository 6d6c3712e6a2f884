#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, from Debian's packages, only where it is missing:
#   LibreOffice (headless Calc and Writer): opens our XLSX/DOCX output in the tests, converts DOCX to PDF;
#   fonts-noto-cjk: CJK glyphs for those conversions;
#   tesseract-ocr + chi_sim and poppler-utils: OCR of scanned PDFs (pdftoppm renders, tesseract reads);
#   chromium: the real browser the Browser.Tests drive through Playwright (never `playwright install`: no download works).
# Idempotent: a second run installs nothing and takes well under a second.
set -euo pipefail

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui libreoffice-writer-nogui)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -q chi_sim; then
  need+=(tesseract-ocr tesseract-ocr-chi-sim)
fi
[ -x /usr/bin/chromium ] || need+=(chromium)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

echo "install-test-deps: installing ${need[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "install-test-deps: need root (or sudo) to install: ${need[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install-test-deps: done" >&2
