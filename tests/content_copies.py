"""A private copy of content/ for a test to break (a plugin that conftest.py loads): `copy` is the
folder; `broken(rel, old, new)` replaces text in one of its files, asserting the text was there
(so a test never "breaks" a file that no longer says what it expects), and `broken.root` is the
folder. The real content is never touched."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.project import ROOT


@pytest.fixture
def copy(tmp_path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    return root


@pytest.fixture
def broken(copy) -> Callable[..., Path]:
    def edit(rel: str, old: str, new: str, count: int = 1) -> Path:
        path = copy / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return path

    edit.root = copy
    return edit
