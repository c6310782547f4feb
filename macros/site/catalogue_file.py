"""Reading a gettext catalogue (.po): once per build, and with the line of anything unreadable.

The check (catalogue_check.py), the translator and the translation status page (i18n.py) all
read the five catalogues; they share one parse. A file that is not UTF-8 or not a .po file
raises UnreadableCatalogue with its line, never babel's own error."""
from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, escape, read_po

DOMAIN = "toolkit"


class UnreadableCatalogue(Exception):
    """A .po file babel cannot read, with the line where it stopped (catalogue_check.py reports it)."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


def read_catalogue(path: Path) -> Catalog:
    """A .po file, parsed once per build however many readers ask (the check, the translator,
    the status page); a file changed since is read again. Raises UnreadableCatalogue."""
    stat = path.stat()
    return _parsed(path.resolve(), stat.st_mtime_ns, stat.st_size)


class _Lines:
    """A file's lines for babel, counting those it has read: some of babel's errors name no line."""

    def __init__(self, text: str):
        self.text, self.read = text, 0

    def __iter__(self) -> Iterator[str]:
        for line in self.text.split("\n"):   # not splitlines(): U+2028 and the like are text here
            self.read += 1
            yield line


def singular(message: Message) -> str:
    """A message's msgid: the English text, the singular one of a plural message."""
    return message.id if isinstance(message.id, str) else message.id[0]


def entry_name(message: Message) -> str:
    """How reports name an entry: its msgid (shortened), after its msgctxt if it has one."""
    msgid = singular(message)
    short = msgid if len(msgid) <= 60 else msgid[:59] + "…"
    name = f"msgid {escape(short)}"
    return f"msgctxt {escape(message.context)} {name}" if message.context else name


def msgstrs(message: Message) -> tuple[str, ...]:
    """A message's translations: one, or one per plural form; '' where untranslated."""
    if message.string is None:
        return ()
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


@functools.lru_cache(maxsize=8)
def _parsed(path: Path, mtime_ns: int, size: int) -> Catalog:
    raw = path.read_bytes()
    try:
        lines = _Lines(raw.decode("utf-8").removeprefix("\ufeff"))
    except UnicodeDecodeError as exc:
        raise UnreadableCatalogue(raw.count(b"\n", 0, exc.start) + 1,
                                  f"not UTF-8 text: byte 0x{raw[exc.start]:02x} (save the file as UTF-8)") from None
    try:
        return read_po(lines, locale=None, domain=DOMAIN, abort_invalid=True)
    except PoFileError as exc:
        raise UnreadableCatalogue(exc.lineno + 1, f"not a .po entry: {exc.args[0].rsplit(' on ', 1)[0]}") from None
    except Exception as exc:  # babel's parser stops on some malformed lines with ValueError and the like
        raise UnreadableCatalogue(lines.read, f"not a .po entry: babel stops here ({exc})") from None
