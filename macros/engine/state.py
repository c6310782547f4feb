"""The content and renderer of the build in progress, shared by the hooks and the macros."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..content.load import Content, load
from ..project import CONTENT, build_date, version
from ..site.pages import Page, pages
from ..site.render import Renderer


@dataclass
class Build:
    content: Content
    renderer: Renderer
    pages: list[Page]

    def page(self, path: str) -> Page:
        for page in self.pages:
            if page.path == path:
                return page
        raise KeyError(f"no page {path!r}")


current: Build | None = None


def start(site_url: str | None = None) -> Build:
    """Load the content: from GUIDELINES_CONTENT if set (tests build broken copies), else content/."""
    global current
    content = load(Path(os.environ.get("GUIDELINES_CONTENT", CONTENT)))
    renderer = Renderer(content, site_url=site_url)
    offline = os.environ.get("GUIDELINES_OFFLINE") == "1"
    renderer.env.globals.update(
        offline_copy={"version": version(), "date": build_date()} if offline else None,
        download=None if offline else offline_zip(os.environ.get("GUIDELINES_OFFLINE_ZIP")),
    )
    current = Build(content, renderer, pages(content, site_url))
    return current


def offline_zip(name: str | None) -> dict | None:
    """The offline ZIP named by GUIDELINES_OFFLINE_ZIP (`make build` builds it first and names
    it), which the site then serves from downloads/ with its size and date. Named explicitly, so
    that no other build picks up a stale ZIP from dist/. The offline copy cannot contain itself."""
    if not name:
        return None
    path = Path(name).resolve()
    if not path.is_file():
        raise FileNotFoundError(f"GUIDELINES_OFFLINE_ZIP={name}: no such file (run `make offline` first)")
    checksum = path.with_name(path.name + ".sha256")
    return {
        "source": path, "href": f"downloads/{path.name}", "name": path.name, "version": version(),
        "megabytes": f"{path.stat().st_size / 1024 / 1024:.1f}",
        "date": datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat(),
        "checksum": checksum if checksum.is_file() else None,
    }
