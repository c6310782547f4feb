"""YAML read with limits, so that no content file, however broken or hostile, can hang the
build, exhaust memory or end in a traceback: every refusal names the line and column.

- size: a content file over MAX_BYTES is refused before it is parsed;
- encoding: UTF-8 only, a bad byte reported at its line and column;
- characters: NUL and other control characters refused (tab and line ends are fine);
- aliases: `*alias` (and so alias bombs and merge keys) refused: content never needs them;
- depth: nesting deeper than MAX_DEPTH refused (the deepest content file nests 13).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent

MAX_BYTES = 512 * 1024      # the largest content file is 32 KB
MAX_DEPTH = 40
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


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


# libyaml where PyYAML was built with it (several times faster), else the Python parser.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _screen(text: str) -> None:
    """Refuse aliases and deep nesting from the parser's events, before anything is composed."""
    depth = 0
    for event in _events(text):
        if isinstance(event, AliasEvent):
            raise Refusal(event.start_mark.line + 1, event.start_mark.column + 1,
                          f"YAML alias '*{event.anchor}' is not allowed in content: write the value out")
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise Refusal(event.start_mark.line + 1, event.start_mark.column + 1,
                              f"nested more than {MAX_DEPTH} levels deep: content never needs that")
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def _events(text: str):
    try:
        yield from yaml.parse(text, Loader=_Base)
    except yaml.YAMLError as exc:
        if "nesting depth" not in str(exc):
            raise
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        raise Refusal(mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                      f"nested more than {MAX_DEPTH} levels deep: content never needs that") from None


def compose(text: str):
    """(root node, data) of a single YAML document; raises Refusal or yaml.YAMLError."""
    _screen(text)
    loader = _Base(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()
