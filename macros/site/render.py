"""Render pages from the content with Jinja templates (templates/).

Python gathers data and decides where links go; the templates write every tag. Each page
is rendered to Markdown: headings as Markdown (so the engine builds its table of contents
and anchors), everything else as HTML blocks. Each template receives one `page` object, the
typed view of its page (macros/site/views/). Nothing here depends on MkDocs.
"""
from __future__ import annotations

from pathlib import Path

from ..project import TEMPLATES
from . import csp
from .escape import css_counters, css_string, md_escape
from .templates import environment
from .views import SiteData, view


class Renderer:
    def __init__(self, site: SiteData, templates: Path = TEMPLATES, trust: csp.Trusted | None = None):
        """`site`: what the pages of one language are made from; `trust`: what the build's templates
        wrote inline (macros/site/csp.py): each build has its own."""
        self.site = site
        self.env = environment(templates, site.tr)
        self.env.filters["css_string"] = css_string
        self.env.filters["css_counters"] = css_counters
        self.env.filters["md_escape"] = md_escape
        self.trust = trust or csp.Trusted()
        self.env.filters["inline_style"] = self.trust.style

    def render(self, template: str, path: str, **context: object) -> str:
        """The page at `path`; `context`: what the page list gives its view (macros/site/pages.py)."""
        return self.env.get_template(template).render(page=view(template, self.site, path, context))
