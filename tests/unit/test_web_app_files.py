"""The web app's files as the build writes them (macros/outputs/webapp.py, icon.py): the icon is
our mark, and the list of what to keep changes version exactly when a file kept changes."""
from __future__ import annotations

import json
import struct
import zlib

from macros.outputs.icon import BACKGROUND, FOREGROUND, png
from macros.outputs.webapp import keep_list, write_keep_list


def pixels(data: bytes) -> tuple[int, list[bytes]]:
    width, height = struct.unpack(">II", data[16:24])
    raw = zlib.decompress(data[data.index(b"IDAT") + 4:data.index(b"IEND") - 8])
    stride = 1 + 3 * width
    return width, [raw[row * stride + 1:(row + 1) * stride] for row in range(height)]


def test_the_icon_is_the_mark_at_its_size():
    width, rows = pixels(png(192))
    assert width == len(rows) == 192
    at = lambda x, y: tuple(rows[y][3 * x:3 * x + 3])  # noqa: E731
    assert at(2, 2) == BACKGROUND                     # the square
    # On the favicon's 48-unit square, 4 pixels a unit:
    assert at(96, 24) == FOREGROUND                   # the dot at twelve o'clock (24, 6)
    assert at(50, 96) == FOREGROUND                   # the left ring's left side (12.5, 24)
    assert at(66, 96) == BACKGROUND                   # inside the left ring (16.5, 24)


def site(tmp_path):
    (tmp_path / "steps").mkdir()
    (tmp_path / "index.html").write_text("home")
    (tmp_path / "steps" / "3.html").write_text("step 3")
    (tmp_path / "worksheets.docx").write_bytes(b"PK")
    (tmp_path / "bundle.js.map").write_text("{}")
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "index.html").write_text("accueil")
    return tmp_path


def test_the_list_is_the_languages_files_and_its_version_follows_them(tmp_path):
    root = site(tmp_path)
    first = keep_list(root, "2026-12-05", {}, frozenset({"fr"}))
    assert [(f["path"], f["on_request"]) for f in first["files"]] == [
        ("index.html", False), ("steps/3.html", False), ("worksheets.docx", True)]
    assert keep_list(root, "2026-12-06", {}, frozenset({"fr"}))["version"] == first["version"]
    (root / "steps" / "3.html").write_text("step 3, corrected")
    assert keep_list(root, "2026-12-05", {}, frozenset({"fr"}))["version"] != first["version"]


def test_a_folder_with_a_list_of_its_own_is_another_languages(tmp_path):
    root = site(tmp_path)
    write_keep_list(root / "fr", "2026-12-05", {"Reload": "Recharger"})
    assert "fr/index.html" not in {f["path"] for f in keep_list(root, "2026-12-05", {})["files"]}
    assert json.loads((root / "fr" / "keep.json").read_text())["strings"] == {"Reload": "Recharger"}
