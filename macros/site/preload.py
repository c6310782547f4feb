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

from .csp import script_sources

# Material's bundle: a third of a step page's bytes, needed for no text. Asked for last, it does not
# take one of the browser's six connections to the site, or a share of a slow link, from a stylesheet.
THEME_BUNDLE = "/javascripts/bundle."


def preload_order(html: str) -> list[str]:
    """The addresses of the <script src> elements in `html`, each once, in order but for the
    theme's bundle, last."""
    found = list(dict.fromkeys(script_sources(str(html))))
    return sorted(found, key=lambda src: THEME_BUNDLE in src)
