"""What a page asks for at once, for the theme's templates: the scripts a block of the page loads.

Chromium's preload scanner, which reads ahead of a parser held up by a script and asks early for
every stylesheet and script further down, stops where it meets a Content-Security-Policy in a
<meta> element; and ours must be one (it also holds from file://). Each script was then asked for
only when the one before it had arrived, one round trip after another: on a 2 s connection, a
step page's first text came after 7 s and its scripts after 14 s. overrides/main.html names them
in <link rel="preload"> elements instead, before the script of <head> that stops the parser (which
acts on them itself).
"""
from __future__ import annotations

import posixpath
import re

from .csp import attribute, script_sources


def preload_order(html: str) -> list[str]:
    """The addresses of the <script src> elements in `html`, each once, in the order they run:
    those the parser runs, then the deferred. The browser opens six connections to a site; on a
    slow link each round of six costs a round trip, so what runs first is asked for first."""
    return list(dict.fromkeys(script_sources(str(html), deferred=False) + script_sources(str(html), deferred=True)))


_LINK = re.compile(r"<link\b([^>]*)>", re.I)


def style_sources(html: str, preloaded: bool = True) -> list[str]:
    """The addresses of the stylesheets `html` links (and, with `preloaded`, of those it preloads:
    `<link rel="preload" as="style">`), each once, in order."""
    out = []
    for m in _LINK.finditer(str(html)):
        attrs = m.group(1)
        rel, kind, href = (attribute(attrs, name) for name in ("rel", "as", "href"))
        if href and (rel == "stylesheet" or (preloaded and rel == "preload" and kind == "style")):
            out.append(href)
    return list(dict.fromkeys(out))


def linked_stylesheets(html: str) -> list[tuple[str, str | None]]:
    """The address and `media` of each stylesheet `html` links, in order."""
    out = []
    for m in _LINK.finditer(str(html)):
        if attribute(m.group(1), "rel") == "stylesheet" and (href := attribute(m.group(1), "href")):
            out.append((href, attribute(m.group(1), "media")))
    return out


def site_path(href: str, url: str, root: str = "/") -> str:
    """The path in the site of `href` written in the page at `url` ("steps/3.html"); `root`: the
    site's path on its host, which the addresses of pages that start with "/" (404.html) begin with."""
    if href.startswith("/"):
        return href[len(root):] if href.startswith(root) else href
    return posixpath.normpath(posixpath.join(posixpath.dirname(url), href))
