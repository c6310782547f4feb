#!/usr/bin/env bash
# Make sure the browser tests have a Chromium: Debian's package where we can install it,
# otherwise Playwright's own build (on machines that may download it).
set -euo pipefail
python=${1:-.venv/bin/python}

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the browser tests..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi

echo "No chromium found: trying Playwright's own browser (needs a connection)..."
"$python" -m playwright install chromium || {
  echo "error: no Chromium for the browser tests. Install Debian's 'chromium' package" >&2
  echo "       (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
}
