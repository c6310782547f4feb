"""Python-Markdown reads only the headings of a generated page; the HTML between them is set
aside and put back as it was.

Our templates render a page to HTML except its headings, which are Markdown lines
(`## Title {: #id }`, templates/parts/inline.html) so that the engine gives them their ids and
permalinks and lists them in the page's table of contents. Markdown passes raw HTML through
unchanged, but reading it (its HTML block parser, then MkDocs' anchor collector) took a quarter
of the build. Content cannot start a line (a line break in a text is refused), so every line
that starts with "#" is a template's heading.
"""
from __future__ import annotations

import re

HEADING = re.compile(r"^(#{1,6} .*)$", re.MULTILINE)
# An HTML comment is a raw block to Markdown: it comes out as written. Content never holds one
# (text is escaped), so each marker in the converted page is ours.
MARKER = "<!-- html {} -->"
MARKED = re.compile(r"<!-- html (\d+) -->")


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The page's headings with a marker in place of each run of HTML, and those runs."""
    pieces = HEADING.split(markdown)
    kept: list[str] = []
    aside: list[str] = []
    for n, piece in enumerate(pieces):
        if n % 2:  # split() puts the captured headings at odd places
            kept.append(piece)
        elif piece.strip():
            kept.append(MARKER.format(len(aside)))
            aside.append(piece.strip("\n"))
    return "\n\n".join(kept) + "\n", aside


def put_back(html: str, aside: list[str]) -> str:
    """In one pass, so that nothing put back is read again."""
    return MARKED.sub(lambda match: aside[int(match.group(1))], html)
