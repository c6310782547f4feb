"""On a slow connection every request waits its turn (issue 25): over http, a step page and the
self-assessment ask for their document, one stylesheet and one script (macros/engine/page_bundles.py),
no font, nothing that fails, and work: the theme's script, the search shim and the page's own
scripts have all run from the one file."""
from __future__ import annotations

import pytest
from browsing import failed_requests

PAGES = [("steps/3.html", None), ("assessment/module-a.html", "[data-assessment-page].assessment--ready")]
# What a page may ask for besides its document, stylesheet and script: its icon, the language's app
# manifest (macros/outputs/webapp.py), the files the search worker loads. The index waits for a search.
OTHERS = {"manifest", "other", "image"}


@pytest.mark.parametrize("path, ready", PAGES)
def test_a_page_asks_for_one_stylesheet_and_one_script_and_works(browser, server, path, ready):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    failed = failed_requests(page)
    asked: list[tuple[str, str]] = []
    page.on("request", lambda request: asked.append((request.resource_type, request.url)))
    page.goto(f"{server}/{path}", wait_until="load")
    if ready:
        page.wait_for_selector(ready, state="attached")
    page.wait_for_load_state("networkidle")
    kinds = [kind for kind, _ in asked]
    assert kinds.count("document") == 1, asked
    # The search worker, which Material starts at once, is a script of its own: a worker runs from its file.
    scripts = [url for kind, url in asked if kind == "script" and "/workers/" not in url]
    assert kinds.count("stylesheet") == 1 and len(scripts) == 1 and "/assets/js/page." in scripts[0], asked
    assert "font" not in kinds, asked
    assert not [url for kind, url in asked if kind not in {"document", "stylesheet", "script", *OTHERS}], asked
    assert "search_index" not in " ".join(url for _, url in asked), "the search index was asked for before a search"
    assert not failed, failed
    ran = page.evaluate("() => [typeof window.document$, typeof window.IFrameWorker, document.querySelector('link[rel=stylesheet]').sheet.cssRules.length]")
    assert ran[:2] == ["object", "function"] and ran[2] > 1000, ran
    context.close()
