"""The content and renderer of the build in progress, shared by the hooks and the macros."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..content.load import Content, load
from ..project import CONTENT
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
    current = Build(content, Renderer(content, site_url=site_url), pages(content, site_url))
    return current
