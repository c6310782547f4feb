"""Hostile text in every text field of the content and in every entry of every catalogue,
through the full build of every language: nothing runs, links or styles anything; the text
is shown as written, in pages, head tags, attributes, data for scripts, search and files.

Built once for the run from copies (conftest.py, hostile_languages); the real files are never touched."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import lxml.html
import pytest
from hostile import BREAKOUT, CATALOGUE_ENDINGS, ENDINGS

from macros.site import i18n

LANGUAGES = [lang.code for lang in i18n.catalogue_languages()]


def folder_of(site: Path, code: str) -> Path:
    return site if code == i18n.SOURCE else site / code


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_page_holds_live_markup(hostile_languages, code):
    """Every page of the language: no event attribute, no javascript: address, no planted
    image, no inline script that mentions the payload, no planted attribute."""
    pages = [p for p in folder_of(hostile_languages, code).rglob("*.html")
             if code != i18n.SOURCE or not any(part in LANGUAGES for part in p.relative_to(hostile_languages).parts[:1])]
    assert len(pages) > 100
    for path in pages:
        tree = lxml.html.fromstring(path.read_bytes())
        where = path.relative_to(hostile_languages)
        for element in tree.iter(tag=lxml.etree.Element):
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (where, name, value)
                assert name.lower() not in ("x", "style") or "color:red" not in value, (where, name, value)
                if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                    assert not value.strip().lower().startswith(("javascript:", "data:text/html")), (where, value)
                    assert value not in ("x", "x.png"), (where, value)
        for link in tree.iter("a"):   # escaped once: a screen reader must not read "&amp;#x27;"
            assert not any(e in link.get("aria-label", "") for e in ("&#", "&amp;", "&lt;", "&quot;")), (where, link.get("aria-label"))
        for script in tree.iter("script"):
            if script.get("type") not in ("application/json",):
                assert "__pwned" not in (script.text or "") and "alert(1)" not in (script.text or ""), where


@pytest.mark.parametrize("code", LANGUAGES)
def test_head_tags_hold_the_text_as_written(hostile_languages, code):
    """The case title that broke out of <meta name="description"> is an attribute's text now."""
    tree = lxml.html.fromstring((folder_of(hostile_languages, code) / "cases/iv-3.html").read_bytes())
    description = tree.xpath("//meta[@name='description']/@content")
    assert len(description) == 1 and BREAKOUT in description[0], description
    assert BREAKOUT in tree.findtext(".//title")
    assert not tree.xpath("//meta[@x]")
    if code != i18n.SOURCE:  # a catalogue entry in the description of a translated page
        assert CATALOGUE_ENDINGS in description[0], description


def test_word_and_excel_files_hold_the_text_as_text(hostile_languages):
    from docx import Document
    from openpyxl import load_workbook

    folder = hostile_languages / "worksheets" / "files"
    docx = next(folder.glob("*.docx"))
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    text += "\n".join(c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells)
    assert ENDINGS.strip() in text, docx.name
    workbook = load_workbook(next(folder.glob("*.xlsx")))
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(ENDINGS.strip() in c.value for c in cells)
    assert all(c.data_type == "s" for c in cells), [c.coordinate for c in cells if c.data_type != "s"]


def strings(data):
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        for value in data:
            yield from strings(value)
    elif isinstance(data, str):
        yield data


def test_data_files_hold_the_text_as_written(hostile_languages):
    data = json.loads((hostile_languages / "guidelines.json").read_text(encoding="utf-8"))
    assert any(BREAKOUT in text for text in strings(data))
    with zipfile.ZipFile(next((hostile_languages / "worksheets" / "files").glob("*.docx"))) as docx:
        assert "<script>" not in docx.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("code", [i18n.SOURCE, "fr"])
def test_light_pages_hold_hostile_titles_as_text(hostile_languages, code):
    """A light page (macros/site/light.py) shows titles in its <title>, its body's headings, its
    previous and next links and the contents page: each as written, nothing planted in it."""
    light = folder_of(hostile_languages, code) / "light"
    case = lxml.html.fromstring((light / "cases/iv-3.html").read_bytes())
    assert BREAKOUT in case.findtext(".//title")
    assert not case.xpath("//meta[@x] | //script | //img"), "the breakout made elements"
    step = lxml.html.fromstring((light / "steps/1.html").read_bytes())
    [heading] = step.xpath("//*[@id='task-1-2']")
    assert heading.tag == "h2" and "Organize resources {draft} {: onclick=alert(1) style=color:red" in heading.text_content()
    assert "<script>alert(1)</script>" in step.findtext(".//title")
    assert not step.xpath("//script | //img | //*[@onclick] | //*[@onerror] | //*[@id='task-9-9']")
    following = lxml.html.fromstring((light / "steps/2.html").read_bytes())
    [previous] = following.xpath("//nav[@class='light-nav']/a[@rel='prev']")
    assert previous.get("href") == "1.html" and "<img src=x onerror=alert(1)>" in previous.text_content()
    contents = lxml.html.fromstring((light / "index.html").read_bytes())
    titles = [a.text_content() for a in contents.xpath("//main//a")]
    assert any("<script>alert(1)</script>" in t for t in titles) and any(BREAKOUT in t for t in titles)
    assert not contents.xpath("//main//script | //main//img | //meta[@x]")
