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
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Literal, TypedDict


class TextToken(TypedDict):
    type: Literal["text"]
    text: str


class FootnoteToken(TypedDict):
    type: Literal["fn"]
    id: str                 # the marker's footnote: [^18] -> '18'


class UrlToken(TypedDict):
    type: Literal["url"]
    href: str
    label: str              # the address as written


class RefToken(TypedDict):
    type: Literal["ref"]
    kind: str               # one of KINDS, an annex being a 'chapter'
    key: str                # 'IV.3', '10.2', 'ii', 'annex-i'
    label: str              # the words as written: 'box IV.3'


Leaf = TextToken | FootnoteToken | UrlToken | RefToken


class EmphasisToken(TypedDict):
    type: Literal["strong", "em"]
    children: list[Leaf]


Token = Leaf | EmphasisToken

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


def _refs(text: str) -> list[Leaf]:
    tokens: list[Leaf] = []
    pos = 0
    for match in REFERENCE.finditer(text):
        start, end = match.span()
        token: Leaf
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
def _parse(text: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    pos = 0
    for match in EMPHASIS.finditer(text):
        tokens.extend(_refs(text[pos:match.start()]))
        kind: Literal["strong", "em"] = "strong" if match["strong"] is not None else "em"
        tokens.append({"type": kind, "children": _refs(match[kind])})
        pos = match.end()
    tokens.extend(_refs(text[pos:]))
    return tuple(tokens)


def parse(text: str) -> list[Token]:
    return list(_parse(text))


def _leaves(tokens: Iterable[Token]) -> Iterator[Leaf]:
    """The tokens with each emphasis replaced by what it holds."""
    for token in tokens:
        if token["type"] == "strong" or token["type"] == "em":
            yield from token["children"]
        else:
            yield token


def references(text: str) -> list[FootnoteToken | RefToken]:
    """Every footnote marker and cross-reference in `text`, in order."""
    found: list[FootnoteToken | RefToken] = []
    for part in _leaves(_parse(text)):
        if part["type"] == "fn" or part["type"] == "ref":
            found.append(part)
    return found


def plain(text: str) -> str:
    """The text as a reader sees it: markup and footnote markers removed."""
    out = []
    for part in _leaves(_parse(text)):
        if part["type"] == "text":
            out.append(part["text"])
        elif part["type"] == "ref" or part["type"] == "url":
            out.append(part["label"])
    return "".join(out)
