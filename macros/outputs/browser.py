"""Which Chromium to drive: Debian's where installed, else Playwright's own build."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

# Quiet, sandbox-free flags for a headless Chromium run as root in CI, with no background
# connections (the machines have no network beyond package registries).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def launch(playwright):
    path = chromium_path()
    if path:
        return playwright.chromium.launch(executable_path=path, args=ARGS)
    return playwright.chromium.launch(args=ARGS)
