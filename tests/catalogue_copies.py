"""A copy of the translation catalogues in a test's own folder (the `catalogues` fixture; this
module is a plugin that conftest.py loads), and entries translated in it exactly as a translator
would write them: the real catalogues are never touched."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.site import i18n


@pytest.fixture
def catalogues(tmp_path) -> Path:
    folder = tmp_path / "translations"
    shutil.copytree(i18n.TRANSLATIONS, folder)
    return folder


@pytest.fixture
def catalogue_of(tmp_path) -> Callable[[str], Path]:
    """`catalogue_of(code)`: a copy of translations/ with that language's catalogue alone beside
    the template, the language list and the termbase, for a test of entries of that catalogue.
    The other catalogues, unchanged, would only be read again and pass (the real catalogues' own
    test); that the check reports the problems of every catalogue at once is a test of its own."""
    def copy(code: str) -> Path:
        others = {lang.code for lang in i18n.catalogue_languages()} - {code}
        folder = tmp_path / "translations"
        shutil.copytree(i18n.TRANSLATIONS, folder,
                        ignore=lambda source, names: [n for n in names if n in others] if Path(source) == i18n.TRANSLATIONS else [])
        return folder

    return copy


def translate(folder: Path, code: str, msgid: str, msgstr: str) -> tuple[Path, int]:
    """Writes `msgstr "<msgstr>"`, exactly as given (escapes included), for the entry of `msgid`
    without a context; returns the .po file and the line of its msgid."""
    po = i18n.po_path(code, folder)
    lines = po.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line == f'msgid "{msgid}"' and not lines[n - 1].startswith("msgctxt"))
    end = at + 2
    while lines[end].startswith('"'):
        end += 1
    lines[at + 1:end] = [f'msgstr "{msgstr}"']
    po.write_text("\n".join(lines), encoding="utf-8")
    return po, at + 1


def where(po: Path, line: int, msgid: str) -> str:
    return f'{po.resolve()}:{line}: msgid "{msgid}": '
