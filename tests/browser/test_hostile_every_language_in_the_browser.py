"""Hostile text in every language's catalogue and content: nothing runs in the browser and the text is shown."""
from __future__ import annotations

from pathlib import Path

import pytest
from browsing import search_without_a_key
from hostile import BREAKOUT, CATALOGUE_ENDINGS, ENDINGS

from macros.site import i18n

LANGUAGES = [lang.code for lang in i18n.catalogue_languages()]


def folder_of(site: Path, code: str) -> Path:
    return site if code == i18n.SOURCE else site / code


PAGES = ["index.html", "modules/a.html", "steps/1.html", "cases/iv-3.html", "cases/index.html", "chapters/ii.html",
         "glossary.html", "assessment/module-a.html", "checklists/module-a.html", "worksheets/stakeholder-map.html",
         "action-plan.html", "translations.html", "404.html"]


# What a planted payload would leave in the page if it ran.
RAN = "() => window.__pwned !== undefined || window.__alerted !== undefined"


@pytest.mark.parametrize("code", LANGUAGES)
def test_nothing_runs_in_the_browser_and_the_text_is_shown(hostile_languages, browser, code):
    context = browser.new_context()
    context.add_init_script("window.alert = window.confirm = window.prompt = () => { window.__alerted = 1; };")
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    base = folder_of(hostile_languages, code).as_uri()
    try:
        for path in PAGES:
            page.goto(f"{base}/{path}")
            page.wait_for_load_state("load")
            assert not page.evaluate(RAN), (code, path)
            assert not page.locator("a[href^='javascript:' i], [onclick], [onerror], [onmouseover], img[src='x']").count(), path
        # The box whose title breaks out of attributes: in the tab's title and the heading, as written.
        page.goto(f"{base}/cases/iv-3.html")
        assert BREAKOUT in page.title()
        assert BREAKOUT in page.locator("h1").inner_text()
        # A worksheet's labels travel as JSON to its script: shown as written, with every ending.
        page.goto(f"{base}/worksheets/stakeholder-map.html")
        page.locator("form, table, textarea").first.wait_for()
        assert ENDINGS.strip() in page.locator("article").inner_text()
        if code != i18n.SOURCE:
            # Catalogue text, in a heading (Markdown) and in the interface that scripts write.
            page.goto(f"{base}/action-plan.html")
            assert CATALOGUE_ENDINGS.strip() in page.locator("h1").inner_text()
        # Search shows the index's text (Material writes results as HTML): the payload as text.
        hrefs = search_without_a_key(page, base, "Organize resources")
        assert hrefs, code   # (how well each language ranks is test_every_language.py's matter)
        assert page.locator(".md-search-result img[src='x'], .md-search-result script").count() == 0
        assert not page.evaluate(RAN)
        assert not dialogs and not errors, (dialogs, errors)
    finally:
        context.close()
