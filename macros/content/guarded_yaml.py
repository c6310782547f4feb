r"""YAML read with limits, so that no content file, however broken or hostile, can hang the
build, exhaust memory or end in a traceback: every refusal names the line and column.

- size: a content file over MAX_BYTES is refused before it is parsed;
- encoding: UTF-8 only, a bad byte reported at its line and column;
- characters: NUL and other control characters refused, whether typed or written as an escape
  in a quoted string ("\0", "\x1b", "\N", "\L"): `decode()` finds the typed ones, `control()`
  is asked about each parsed key and value. Tab is fine; a line end inside a text is refused by
  the text check (checks/text.py), which says how to write a new paragraph instead;
- aliases: `*alias` (and so alias bombs and merge keys) refused: content never needs them;
- depth: nesting deeper than MAX_DEPTH refused (the deepest content file nests 13).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, Event

MAX_BYTES = 512 * 1024      # the largest content file is 32 KB
MAX_DEPTH = 40
# Tab and line ends are left out: YAML and the text check give them their meaning. U+2028 and
# U+2029 are line breaks to the parser and to browsers' scripts, but not to an editor's eye.
# Bidirectional embeddings, overrides and isolates too: they reverse how text reads, and no
# text of the publication needs them (the marks U+200E and U+200F stay allowed).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
# What a message shows escaped, so that a report never carries a control character itself.
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


@dataclass(frozen=True)
class Refusal(Exception):
    line: int | None
    column: int | None
    message: str


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise Refusal(None, None, f"the file is {len(raw):,} bytes; a content file may be at most {MAX_BYTES:,}: split it")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        line, column = _position(good, len(good))
        raise Refusal(line, column, f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot start a character "
                                    "(save the file as UTF-8)") from None
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors write
    found = CONTROL.search(text)
    if found:
        line, column = _position(text, found.start())
        raise Refusal(line, column, f"control character U+{ord(found.group()):04X} is not allowed in content: remove it")
    return text


def control(value: str) -> str | None:
    """What is wrong with a parsed key or value that holds a control character, if one does."""
    found = CONTROL.search(value)
    if found is None:
        return None
    return (f"control character U+{ord(found.group()):04X} (written as an escape in quotes) "
            "is not allowed in content: remove it")


def visible(text: str) -> str:
    """`text` with its control characters written as escapes, for messages."""
    return UNPRINTABLE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# libyaml where PyYAML was built with it (several times faster), else the Python parser.
_Base: type[yaml.SafeLoader | yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _screen(text: str) -> None:
    """Refuse aliases and deep nesting from the parser's events, before anything is composed."""
    depth = 0
    for event in _events(text):
        if isinstance(event, AliasEvent):
            raise Refusal(*_start(event), f"YAML alias '*{event.anchor}' is not allowed in content: write the value out")
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise Refusal(*_start(event), f"nested more than {MAX_DEPTH} levels deep: content never needs that")
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def _start(event: Event) -> tuple[int | None, int | None]:
    """Line and column (from 1) where an event starts; the parser gives every event its mark."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (None, None)


def _events(text: str) -> Iterator[Event]:
    try:
        yield from yaml.parse(text, Loader=_Base)
    except yaml.YAMLError as exc:
        if "nesting depth" not in str(exc):
            raise
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        raise Refusal(mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                      f"nested more than {MAX_DEPTH} levels deep: content never needs that") from None


def compose(text: str) -> tuple[yaml.Node | None, object]:
    """(root node, data) of a single YAML document; raises Refusal or yaml.YAMLError."""
    _screen(text)
    loader = _Base(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()
