"""Hostile content text, built, is shown as written in the browser and never runs."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


@pytest.mark.parametrize("page", ["steps/1.html", "modules/a.html", "cases/iv-5.html", "chapters/ii.html", "glossary.html",
                                  "assessment/module-a.html", "checklists/step-1.html", "checklists/module-a.html", "links.html",
                                  "cases/index.html", "index.html", "facilitator/module-a.html", "facilitator/questionnaire-a.html",
                                  "worksheets/index.html", "checklists/module-b.html"])
def test_hostile_text_is_shown_literally_and_never_live(hostile_languages, page):
    html = (hostile_languages / page).read_text(encoding="utf-8")
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
