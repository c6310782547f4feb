"""Each page's inline rules for its first paint (macros/site/critical_css.py), from the stylesheets
the page links, as MkDocs has them: the theme's, docs/'s, wherever the files come from, or the one
the build made of them (page_bundles.py)."""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from macros.site.critical_css import Stylesheets
from macros.site.preload import site_path, style_sources

# Written by overrides/main.html inside the <style> of <head>.
PLACEHOLDER = "__CRITICAL_CSS__"
# A page's own print rules, written by its template in its text (templates/checklists/framework.md...).
PAGE_PRINT = re.compile(r'<style media="print">.*?</style>', re.S)
LINKED = re.compile(r'<link rel="stylesheet"[^>]*>')


class FirstPaint:
    """The stylesheets read once for every page that links the same ones (every language's pages
    link the theme's, and each kind of page its own besides)."""

    def __init__(self) -> None:
        self._read: dict[tuple[str, ...], Stylesheets] = {}

    def fill(self, html: str, url: str, files: Files, root: str = "/") -> tuple[str, str | None]:
        """The page at `url` with its inline rules, and those rules (None: the page has no
        placeholder); `root`: the site's path on its host, which 404.html's addresses start with."""
        if PLACEHOLDER not in html:
            return html, None
        sheets = []
        for href in style_sources(html, preloaded=False):
            file = files.get_file_from_path(site_path(href, url, root))
            if file is None:
                raise PluginError(f"{url}: links the stylesheet {href}, which is not a file of the site")
            sheets.append(file)
        # A file of the project by its path; one the build made (a page's bundle) by its address,
        # which is named by its content.
        key = tuple(file.abs_src_path or file.src_uri for file in sheets)
        if key not in self._read:
            self._read[key] = Stylesheets(file.content_string for file in sheets)
        css = self._read[key].critical(html)
        return after_stylesheets(html.replace(PLACEHOLDER, css, 1)), css


def after_stylesheets(html: str) -> str:
    """The page's own print rules moved after the stylesheets linked at the end of <body>: before
    them, the theme's rules of equal weight came later and won (the framework at a glance printed
    on two pages). Their text is unchanged, so the policy's hashes still hold."""
    head_end = html.find("</head>")
    body = html[head_end:]
    own = PAGE_PRINT.findall(body)
    if head_end < 0 or not own or not LINKED.search(body):
        return html
    body = PAGE_PRINT.sub("", body)
    at = list(LINKED.finditer(body))[-1].end()
    return html[:head_end] + body[:at] + "".join(own) + body[at:]
