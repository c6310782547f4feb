"""Text from content and catalogues made inert in each context it lands in besides HTML
(which Jinja's autoescape covers): a Markdown heading, a CSS string."""
from __future__ import annotations

import re

from markupsafe import Markup

# An HTML entity (kept whole) or one of Python-Markdown's ESCAPED_CHARS.
MARKDOWN_SYNTAX = re.compile(r"(&(?:amp|lt|gt|quot|#34|#39);)|([\\`*_{}\[\]()>#+\-.!])")


def css_string(text: str) -> Markup:
    """A quoted CSS string, safe inside a <style> element (used for printed page footers). Text
    already escaped for HTML (Markup, as a translated string is) is unescaped first: a <style>
    element's text is not HTML, so "&amp;" would be printed as it stands."""
    text = text.unescape() if isinstance(text, Markup) else str(text)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    return Markup(f'"{escaped}"')


def css_counters(text: str) -> Markup:
    """'Page {page} of {pages}' (translated) as CSS content: "Page " counter(page) " of " counter(pages)."""
    parts = []
    text = text.unescape() if isinstance(text, Markup) else str(text)
    for piece in re.split(r"(\{page\}|\{pages\})", text):
        if piece in ("{page}", "{pages}"):
            parts.append(f"counter({piece[1:-1]})")
        elif piece:
            parts.append(css_string(piece))
    return Markup(" ".join(parts))


def md_escape(text: str) -> Markup:
    """Content text made inert where the engine reads Markdown (headings): HTML-escaped, then
    each character Python-Markdown can read as syntax backslash-escaped (its ESCAPED_CHARS,
    which include attr_list's braces), so that a title never becomes a link, an image, an
    attribute or another anchor."""
    html = str(Markup.escape(text))
    return Markup(MARKDOWN_SYNTAX.sub(lambda m: m.group(0) if m.group(1) else "\\" + m.group(2), html))
