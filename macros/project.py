"""Facts about the project itself: where this checkout is, its version, and the build date.

ROOT is the checkout this package was installed from: the default of the developer's commands
(`make schema`, `make translations`), and where compiled templates and Word files are cached
(by file and content, so any project may share them). A build never reads its folders from
here: they come from its mkdocs.yml (macros/engine/settings.py)."""
from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"


def version() -> str:
    return (ROOT / "VERSION").read_text(encoding="utf-8").strip()


def build_date() -> str:
    """Today (UTC), or SOURCE_DATE_EPOCH's date for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.date().isoformat()
