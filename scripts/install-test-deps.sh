#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, from Debian's packages, only where it is missing:
#   LibreOffice (headless Calc and Writer): opens our XLSX/DOCX output in the tests, converts DOCX to PDF;
#   the faces a GB/T 9704 document prints in (docs/deployment.md, "Fonts"): texlive-lang-chinese for the Fandol
#   仿宋/宋/黑/楷 faces (FandolFang is the only Debian 仿宋 with all 6763 GB2312 hanzi), fonts-noto-cjk for anything
#   outside GB2312, and deploy/fontconfig/65-luoshi-gbt9704.conf, which maps the names the DOCX uses (仿宋_GB2312,
#   方正小标宋简体, 黑体, 楷体_GB2312, 宋体, …) to those faces, copied to /etc/fonts/conf.d/;
#   tesseract-ocr + chi_sim and poppler-utils: OCR of scanned PDFs (pdftoppm renders, tesseract reads);
#   chromium: the real browser the Browser.Tests drive through Playwright (never `playwright install`: no download
#   works); postgresql: the server binaries scripts/test-postgres.sh runs as a throwaway cluster for the PostgreSQL
#   engine tests;
#   python3-aiosmtpd: the real SMTP server on loopback that the notification tests start and read what it received.
# Idempotent: a second run installs nothing and takes well under a second.
set -euo pipefail

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui libreoffice-writer-nogui)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
dpkg -s texlive-lang-chinese >/dev/null 2>&1 || need+=(texlive-lang-chinese)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v python3 >/dev/null 2>&1 || need+=(python3)   # runs the GB/T 9704 measuring scripts of the layout tests
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -q chi_sim; then
  need+=(tesseract-ocr tesseract-ocr-chi-sim)
fi
[ -x /usr/bin/chromium ] || need+=(chromium)
# postgresql: the throwaway server scripts/test-postgres.sh starts for the PostgreSQL engine's tests.
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
# Debian's own python3 (a python3 earlier on PATH, e.g. pyenv's, does not see Debian's modules).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)

fontconf_source="$(dirname "$0")/../deploy/fontconfig/65-luoshi-gbt9704.conf"
fontconf_target=/etc/fonts/conf.d/65-luoshi-gbt9704.conf
fontconf_current=true
cmp -s "$fontconf_source" "$fontconf_target" || fontconf_current=false

if [ ${#need[@]} -eq 0 ] && $fontconf_current; then
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "install-test-deps: need root (or sudo) to install: ${need[*]} $fontconf_target" >&2; exit 1
  fi
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "install-test-deps: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if ! $fontconf_current; then
  echo "install-test-deps: installing $fontconf_target" >&2
  "${sudo_cmd[@]}" install -m 644 "$fontconf_source" "$fontconf_target"
fi
"${sudo_cmd[@]}" fc-cache -f >/dev/null 2>&1 || true
echo "install-test-deps: done" >&2
