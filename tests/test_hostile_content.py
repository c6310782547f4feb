"""Content that a hostile or careless editor writes cannot break the site: YAML limits, inert
text, checks before rendering, atomic builds. Each failure names the file, line and field,
comes within a second, and leaves the previous site/ as it was."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_build
from mkdocs_config import write_config

from macros.project import ROOT


@pytest.fixture
def copy(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    return root


def check(root: Path) -> subprocess.CompletedProcess:
    # A file built to make the parser work without end (aliases, nesting, size) must be refused,
    # not ground through: the timeout fails the test if it is not. Speed itself is bench/'s job.
    return subprocess.run([sys.executable, "-m", "macros", "check", str(root)], capture_output=True, text=True, timeout=60)


def assert_refused(root: Path, where: str, expected: str) -> None:
    result = check(root)
    assert result.returncode == 1, result.stdout
    assert where in result.stderr and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr


# --- YAML with limits ---------------------------------------------------------------------

def write(root: Path, rel: str, data: bytes) -> None:
    (root / rel).write_bytes(data)


def test_alias_bomb_is_refused_at_once(copy):
    bomb = "\n".join([
        "id: IV.1",
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *[f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)],
    ]) + "\n"
    assert len(bomb) < 400
    write(copy, "cases/IV.1.yml", bomb.encode())
    assert_refused(copy, "content/cases/IV.1.yml:3:", "YAML alias '*a' is not allowed")


def test_deep_nesting_is_refused_with_its_line(copy):
    write(copy, "glossary.yml", ("terms:\n  - " + "[" * 5000 + "]" * 5000 + "\n").encode())
    assert_refused(copy, "content/glossary.yml:2:", "nested more than 40 levels deep")


def test_latin1_file_names_line_and_column(copy):
    text = (copy / "cases/IV.2.yml").read_text(encoding="utf-8").replace("title:", "title: Café", 1)
    write(copy, "cases/IV.2.yml", text.encode("latin-1", errors="replace"))
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Café" in row)
    assert_refused(copy, f"content/cases/IV.2.yml:{line}:", "not UTF-8 text: byte 0xe9")


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x85", "\u2028"])
def test_nul_and_control_characters_are_refused(copy, char):
    path = copy / "cases/IV.3.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, row in enumerate(lines) if row.startswith("title:"))
    lines[number] = lines[number] + char + "x"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_refused(copy, f"content/cases/IV.3.yml:{number + 1}:", f"control character U+{ord(char):04X}")


def case_with(root: Path, change) -> list[str]:
    """cases/IV.3.yml with `change(lines)` applied; its lines after the change."""
    path = root / "cases/IV.3.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    change(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def line_of(lines: list[str], start: str) -> int:
    return next(n for n, row in enumerate(lines, 1) if row.lstrip().startswith(start))


# Each escape makes, once parsed, a character the raw text never held: the Word files end in
# an lxml traceback on most of them, and U+2028/U+2029 break lines in browsers' scripts.
@pytest.mark.parametrize(("escape", "code"), [("\\0", 0x00), ("\\a", 0x07), ("\\x1b", 0x1B), ("\\e", 0x1B), ("\\x7f", 0x7F),
                                              ("\\N", 0x85), ("\\u0085", 0x85), ("\\L", 0x2028), ("\\u2029", 0x2029)])
def test_control_character_written_as_an_escape_is_refused(copy, escape, code):
    def change(lines):
        lines[line_of(lines, "title:") - 1] = f'title: "Planning{escape} a partnership"'
    lines = case_with(copy, change)
    assert_refused(copy, f"content/cases/IV.3.yml:{line_of(lines, 'title:')}: title: ", f"control character U+{code:04X}")


def test_control_character_escape_deep_in_a_list_or_in_a_key_is_refused(copy):
    def change(lines):
        lines[line_of(lines, "countries:") - 1] = '  countries: ["Phil\\x00ippines"]'
        lines.append('"note\\x1bx": a')
    lines = case_with(copy, change)
    result = check(copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert (f"content/cases/IV.3.yml:{line_of(lines, 'countries:')}: editorial.countries[0]: control character U+0000"
            in result.stderr), result.stderr
    # The key is named with the character escaped: a report never carries the character itself.
    assert f"content/cases/IV.3.yml:{len(lines)}: note\\x1bx: control character U+001B" in result.stderr, result.stderr
    assert "\x00" not in result.stderr and "\x1b" not in result.stderr


def test_binary_value_is_refused(copy):
    # !!binary makes bytes, which the models would take as a string: a NUL by another door.
    def change(lines):
        lines[line_of(lines, "title:") - 1] = "title: !!binary AA=="
    lines = case_with(copy, change)
    assert_refused(copy, f"content/cases/IV.3.yml:{line_of(lines, 'title:')}: title: ", "!!binary")


def test_tab_written_as_an_escape_is_allowed_like_a_typed_tab(copy):
    def change(lines):
        lines[line_of(lines, "title:") - 1] = 'title: "Planning\\ta partnership"'
    case_with(copy, change)
    result = check(copy)
    assert result.returncode == 0, result.stderr


def test_thirty_thousand_unknown_keys_are_refused_at_once_with_the_first_named(copy):
    first = len(case_with(copy, lambda lines: lines.extend(f"k{i}: x" for i in range(30_000)))) - 30_000 + 1
    result = check(copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "30,000 problems in the content:" in result.stderr
    assert f"content/cases/IV.3.yml:{first}: k0: unknown field" in result.stderr
    # A bounded report: the first problems, then how many more.
    assert result.stderr.count("unknown field") == 100, result.stderr[-2000:]
    assert "and 29,900 more problems" in result.stderr


def test_oversized_file_is_refused_before_parsing(copy):
    write(copy, "corrections.yml", b"corrections: []\n" + b"# padding\n" * 60_000)
    assert_refused(copy, "content/corrections.yml", "a content file may be at most")


def test_line_break_inside_a_text_is_refused(copy):
    path = copy / "modules/A.yml"
    text = path.read_text(encoding="utf-8").replace("title: Organize resources and secure support",
                                                    'title: "Organize resources\\n\\n[x](javascript:alert(1))"', 1)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Organize resources" in row)
    assert_refused(copy, f"content/modules/A.yml:{line}: steps[0].tasks[1].title:", "a line break inside a text")


def test_check_works_on_content_in_a_folder_of_any_name(tmp_path):
    root = tmp_path / "elsewhere-named"
    shutil.copytree(ROOT / "content", root)
    result = check(root)
    assert result.returncode == 0 and "content OK" in result.stdout, result.stderr
    (root / "modules/E.yml").unlink()
    assert_refused(root, "elsewhere-named/modules: ", "module E is missing")


# --- everything checked before anything renders ------------------------------------------

def test_renamed_section_the_site_needs_is_found_by_check(copy):
    path = copy / "chapters/I.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('id: "i-b"', 'id: "i-b-renamed"'), encoding="utf-8")
    assert_refused(copy, "content/chapters/I.yml:", "a section with id 'i-b' is required")


def test_empty_modules_folder_reports_only_the_root_cause(copy):
    for path in (copy / "modules").glob("*.yml"):
        path.unlink()
    result = check(copy)
    problems = [row for row in result.stderr.splitlines() if row.startswith("  ")]
    assert len(problems) == 5, result.stderr
    assert all("is missing: expected modules/" in row for row in problems)


def test_heading_without_an_id_is_refused(copy):
    path = copy / "modules/E.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  id: renewal-of-a-multi-stakeholder-partnership\n", "\n", 1),
                    encoding="utf-8")
    assert_refused(copy, "content/modules/E.yml:", "id: required field is missing")


# --- content text is inert ------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_site(hostile_languages):
    """The English site of the hostile build (conftest.py): the payloads in titles, items, a
    paragraph, a glossary definition and a question, and the endings in every text."""
    return hostile_languages


def test_hostile_titles_keep_every_anchor_and_address(hostile_site):
    soup = BeautifulSoup((hostile_site / "steps/1.html").read_text(encoding="utf-8"), "html.parser")
    heading = soup.find(id="task-1-2")
    assert heading is not None and heading.name == "h2"
    assert "Organize resources {draft} {: onclick=alert(1) style=color:red" in heading.get_text()
    assert soup.find(id="task-9-9") is None
    assert soup.find(id="item-1-2-1") is not None
    # The 15 links to the task from other pages still land on it.
    assert 'href="../steps/1.html#task-1-2"' in (hostile_site / "modules/a.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", ["steps/1.html", "modules/a.html", "cases/iv-5.html", "chapters/ii.html", "glossary.html",
                                  "assessment/module-a.html", "checklists/step-1.html", "checklists/module-a.html", "links.html",
                                  "cases/index.html", "index.html", "facilitator/module-a.html", "facilitator/questionnaire-a.html",
                                  "worksheets/index.html"])
def test_hostile_text_is_shown_literally_and_never_live(hostile_site, page):
    html = (hostile_site / page).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("article") or soup
    for element in soup.find_all(True):  # the whole page: menu, title and search data included
        assert not any(a.startswith("on") for a in element.attrs), element
        assert not str(element.get("href", "")).lower().startswith("javascript:"), element
        assert element.get("src") not in ("x", "x.png"), element
        assert "color:red" not in str(element.get("style", "")), element
    assert "alert(1)" not in "".join(s.get_text() for s in main.find_all("script"))
    text = main.get_text(" ")
    for payload in ("{draft}", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "{{ 7*7 }}"):
        assert payload in text, f"{payload!r} not shown literally on {page}"
    assert "\\{" not in text and "\\[" not in text, "escapes must not show"
    if page == "steps/1.html":  # the title, in the browser's tab and the header, as written
        for where in (soup.title.get_text(), soup.select_one(".md-header__title").get_text()):
            assert "Getting started {draft} {: onclick=alert(1)" in where and "<img src=x onerror=alert(1)>" in where


def test_hostile_text_is_literal_in_the_search_index_and_guidelines_json(hostile_site):
    data = (hostile_site / "guidelines.json").read_text(encoding="utf-8")
    assert "Organize resources {draft}" in data


# --- atomic builds --------------------------------------------------------------------------

def fingerprint(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory, site):
    """A complete site that failed builds must leave exactly as it was."""
    out = tmp_path_factory.mktemp("atomic") / "site"
    shutil.copytree(site, out)
    return out


def assert_untouched(site: Path, before: dict) -> None:
    assert fingerprint(site) == before
    leftovers = [p.name for p in site.parent.iterdir() if ".building-" in p.name or ".old-" in p.name]
    assert not leftovers, leftovers


def test_content_error_leaves_the_previous_site(previous_site, copy):
    before = fingerprint(previous_site)
    (copy / "modules/B.yml").write_text((copy / "modules/B.yml").read_text(encoding="utf-8") + "tilte: typo\n", encoding="utf-8")
    result = mkdocs_build(previous_site, copy)
    assert result.returncode != 0 and "content/modules/B.yml" in result.stderr
    assert_untouched(previous_site, before)


def config_with_extra_page(tmp_path: Path, name: str, text: str) -> Path:
    """mkdocs.yml with a docs folder holding one more page (warnings and errors happen late in a build)."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / name).write_text(text, encoding="utf-8")
    return write_config(tmp_path / "mkdocs.yml", docs_dir=docs, languages=["en"])


def build_with(config: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(site)],
                          cwd=ROOT, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def test_an_error_in_a_later_language_leaves_the_previous_site(previous_site, tmp_path):
    """English is complete when French fails (a template that breaks in French only): nothing of
    either is published, and the error names the French page."""
    before = fingerprint(previous_site)
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    download = templates / "pages" / "download.md"
    # Only a translated page reads the name its view lacks.
    in_french_only = '{% if _("Download for offline use") != "Download for offline use" %}{{ page.no_such_helper }}{% endif %}\n'
    download.write_text(download.read_text(encoding="utf-8") + in_french_only, encoding="utf-8")
    result = mkdocs_build(previous_site, languages=["en", "fr"], templates=templates)
    assert result.returncode != 0
    assert "fr/download.html could not be rendered" in result.stderr and "no_such_helper" in result.stderr, result.stderr[-3000:]
    assert_untouched(previous_site, before)


def test_strict_warning_leaves_the_previous_site(previous_site, tmp_path):
    before = fingerprint(previous_site)
    result = build_with(config_with_extra_page(tmp_path, "broken.md", "# Broken\n\n[a link](nowhere.md)\n"), previous_site)
    assert result.returncode != 0 and "nowhere.md" in result.stderr
    assert_untouched(previous_site, before)


def test_error_while_rendering_names_the_page_and_leaves_the_previous_site(previous_site, tmp_path):
    before = fingerprint(previous_site)
    result = build_with(config_with_extra_page(tmp_path, "boom.md", '{{ render_page("steps/99.html") }}\n'), previous_site)
    assert result.returncode != 0
    assert "steps/99.html" in result.stderr
    assert_untouched(previous_site, before)


def test_a_good_build_replaces_the_site_whole(previous_site, tmp_path):
    (previous_site / "stale.html").write_text("old", encoding="utf-8")
    result = mkdocs_build(previous_site)
    assert result.returncode == 0, result.stderr
    assert not (previous_site / "stale.html").exists()
    assert (previous_site / "steps/3.html").is_file() and (previous_site / "guidelines.json").is_file()
    assert_untouched(previous_site, fingerprint(previous_site))
