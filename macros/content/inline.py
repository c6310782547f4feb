"""The inline markup of content text, parsed into tokens for templates to render.

Python never builds HTML here: it only splits a string into tokens such as
{"type": "text"}, {"type": "strong"}, {"type": "fn"} or {"type": "ref"}, and templates/inline.html
turns them into markup with autoescaping.

Markup understood:
- **bold** and *italic*
- footnote markers: [^18]
- cross-references, written as the publication writes them: "box IV.3", "task 10.2",
  "step 7", "module D", "chapter II", "annex I", "figure II.2"
- web addresses: https://... and www....
"""
from __future__ import annotations

import re
from functools import cache

EMPHASIS = re.compile(r"\*\*(?P<strong>.+?)\*\*|(?<![*\w])\*(?P<em>[^*\s](?:[^*]*?[^*\s])?)\*(?![*\w])")

REFERENCE = re.compile(
    r"\[\^(?P<fn>[A-Za-z0-9.-]+)\]"
    r"|(?P<url>\bhttps?://[^\s<>\"]+|\bwww\.[^\s<>\"]+)"
    r"|\b(?P<box_word>[Bb]ox(?:es)?)\s+(?P<box>IV\.\d{1,3})\b"
    r"|\b(?P<task_word>[Tt]asks?)\s+(?P<task>\d{1,2}\.\d)\b"
    r"|\b(?P<step_word>[Ss]teps?)\s+(?P<step>\d{1,2})\b(?![-–.]\d)"
    r"|\b(?P<module_word>[Mm]odules?)\s+(?P<module>[A-E])\b"
    r"|\b(?P<chapter_word>[Cc]hapters?)\s+(?P<chapter>IV|III|II|I)\b"
    r"|\b(?P<annex_word>[Aa]nnex(?:es)?)\s+(?P<annex>II|I)\b"
    r"|\b(?P<figure_word>[Ff]igures?)\s+(?P<figure>(?:IV|II|I)\.\d)\b"
)

KINDS = ("box", "task", "step", "module", "chapter", "annex", "figure")
TRAILING = ".,;:)]"


def _refs(text: str) -> list[dict]:
    tokens: list[dict] = []
    pos = 0
    for match in REFERENCE.finditer(text):
        start, end = match.span()
        token: dict
        if match["fn"]:
            token = {"type": "fn", "id": match["fn"]}
        elif match["url"]:
            url = match["url"]
            while url and url[-1] in TRAILING:
                url = url[:-1]
            end = start + len(url)
            href = url if url.startswith("http") else "http://" + url
            token = {"type": "url", "href": href, "label": url}
        else:
            kind = next(k for k in KINDS if match[k])
            key = match[kind]
            if kind == "chapter":
                key = key.lower()
            elif kind == "annex":
                kind, key = "chapter", "annex-" + key.lower()
            token = {"type": "ref", "kind": kind, "key": key, "label": match.group(0)}
        if start > pos:
            tokens.append({"type": "text", "text": text[pos:start]})
        tokens.append(token)
        pos = end
    if pos < len(text):
        tokens.append({"type": "text", "text": text[pos:]})
    return tokens


@cache
def _parse(text: str) -> tuple:
    tokens: list[dict] = []
    pos = 0
    for match in EMPHASIS.finditer(text):
        tokens.extend(_refs(text[pos:match.start()]))
        kind = "strong" if match["strong"] is not None else "em"
        tokens.append({"type": kind, "children": _refs(match[kind])})
        pos = match.end()
    tokens.extend(_refs(text[pos:]))
    return tuple(tokens)


def parse(text: str) -> list[dict]:
    return list(_parse(text))


def references(text: str) -> list[dict]:
    """Every footnote marker and cross-reference in `text`, in order."""
    found = []
    for token in _parse(text):
        for part in token.get("children", [token]):
            if part["type"] in ("fn", "ref"):
                found.append(part)
    return found


def plain(text: str) -> str:
    """The text as a reader sees it: markup and footnote markers removed."""
    out = []
    for token in _parse(text):
        for part in token.get("children", [token]):
            if part["type"] == "text":
                out.append(part["text"])
            elif part["type"] in ("ref", "url"):
                out.append(part["label"])
    return "".join(out)
