"""The language lists and official translations are input like content: checked, named by file,
line and field, never a traceback; what a hostile tester got past the first round of checks."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cli import macros_cli
from hostile import rewrite
from mkdocs_config import write_config

from macros.outputs.office import _sheet_title
from macros.project import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "translations"


def check(catalogues: Path | None, *args: str) -> subprocess.CompletedProcess:
    """`python -m macros check`, of the repository or (`catalogues`) of a copy of its catalogues."""
    config = ["-f", str(write_config(catalogues.parent / "mkdocs.yml", catalogues=catalogues))] if catalogues else []
    return macros_cli("check", *config, *args)


def assert_refused(result: subprocess.CompletedProcess, *expected: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr


@pytest.fixture
def catalogues(tmp_path) -> Path:
    folder = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", folder)
    return folder


@pytest.mark.parametrize("entry, expected", [
    # A native name that once made MkDocs print a page's front matter, and a redirect, into every page.
    ('{code: fr, name: French, native: "Fran\\uFFFEçais<meta http-equiv=refresh content=5;url=https://evil.example/>"}',
     "languages[1].native: control character U+FFFE"),
    ("{code: fr, name: French, native: Français, dir: rtl}", "languages[1].dir: unknown field"),
    ("{code: ../../x, name: French, native: Français}", "languages[1].code: string should match pattern"),
    ("{code: fr, name: French, native: Français, direction: sideways}", "languages[1].direction: input should be"),
])
def test_a_bad_language_list_is_refused_with_file_line_and_field(catalogues, entry, expected):
    path = catalogues / "languages.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if "code: fr" in line)
    lines[n] = "  - " + entry
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_refused(check(catalogues),
                   f"translations/languages.yml:{n + 1}: {expected}", "problem in the language lists")


def overlay_copy(tmp_path: Path) -> Path:
    """The content with the test overlay (an Urdu stand-in for an official translation) in it."""
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    shutil.copytree(FIXTURE, root / "translations", dirs_exist_ok=True)
    return root


def test_an_official_translation_whose_code_is_not_its_folder_is_refused(tmp_path):
    root = overlay_copy(tmp_path)
    path = root / "translations" / "ur" / "language.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("code: ur", "code: fa"), encoding="utf-8")
    assert_refused(check(None, str(root)), "translations/ur/language.yml:", "code: must be 'ur', the name of its folder")


def test_an_official_translation_cannot_start_a_line_of_markdown(tmp_path):
    """A text holding a line break would start a Markdown heading (with a link and attributes) in
    the page: refused like a line break in the English."""
    root = overlay_copy(tmp_path)
    path = root / "translations" / "ur" / "cases" / "IV.1.yml"
    rewrite(path, lambda d: d["blocks"][0].update(p="x\n\n# [x](javascript:alert(1)) {: onclick=alert(1) }"))
    assert_refused(check(None, str(root)), f"translations/ur/cases/{path.name}:", "a line break inside a text")


def test_the_publications_date_and_place_are_as_the_citation_reads_them(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    path = root / "publication.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('date_place: "March 2018, Tokyo and Bangkok"',
                                                               'date_place: "Bangkok 2018"'), encoding="utf-8")
    assert_refused(check(None, str(root)), "content/publication.yml:", "date_place: string should match pattern")


@pytest.mark.parametrize("title, expected", [
    ("'Inventory'", "Inventory"), ("History", "History (table)"), ("[]:*?/\\", "Table"),
    ("A very long table title that Excel would refuse", "A very long table title that Ex"),
])
def test_sheet_names_are_ones_excel_accepts(title, expected):
    assert _sheet_title(title, set()) == expected
