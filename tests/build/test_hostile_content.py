"""Content that a hostile or careless editor writes cannot break the site: YAML limits, inert
text, checks before rendering, atomic builds. Each failure names the file, line and field,
comes within a second, and leaves the previous site/ as it was."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_build
from mkdocs_config import build_with, config_with_extra_page

from macros.project import ROOT

# --- YAML with limits ---------------------------------------------------------------------


# --- everything checked before anything renders ------------------------------------------


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


def test_hostile_words_in_the_worksheet_tools_are_text(hostile_site):
    # Every text of the worksheets ends with the endings (hostile.py): the draft's title and clauses,
    # the grid's regions and strategies, the score's heading, shown as written and never as markup.
    from hostile import ENDINGS
    agreement = BeautifulSoup((hostile_site / "worksheets/partnering-agreement.html").read_text(encoding="utf-8"), "html.parser")
    draft = agreement.select_one("[data-draft]")
    assert draft.select_one("h2").get_text() == f"Draft partnering agreement{ENDINGS}"
    assert draft.select_one("h3").get_text() == f"1. Parties{ENDINGS}"
    grid_page = BeautifulSoup((hostile_site / "worksheets/stakeholder-map.html").read_text(encoding="utf-8"), "html.parser")
    assert grid_page.select_one(".ws-grid-strategies dd").get_text().endswith(ENDINGS)
    risks = BeautifulSoup((hostile_site / "worksheets/rewards-and-risks.html").read_text(encoding="utf-8"), "html.parser")
    assert risks.select_one(".ws-score-head").get_text(" ").startswith(f"Score (likelihood × impact){ENDINGS}")
    for soup in (agreement, grid_page, risks):
        model = soup.select_one("#worksheet-model")
        assert model.string.count("</") == 0 and len(soup.find_all("script", id="worksheet-model")) == 1
        assert not any(a.startswith("on") for element in soup.find_all(True) for a in element.attrs)
