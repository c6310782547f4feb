"""The site as published, every language at once (the `full_site` build, which has the test
overlay's Urdu too): what the language menu does to a phone's screen and to the network, over
http and from file://.

The other browser tests use `site`, English alone, which has no language menu: there every page
fitted a 360 px phone and made no failed request, while in the real build every page scrolled
sideways (the menu reached 6 px past the screen) and asked six times for a sitemap.xml that is
not there (Material fetches one beside each <link rel="alternate"> of a page)."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from browsing import INDEX_POLL, failed_requests
from conftest import TEST_OVERLAY
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from macros.site import i18n

LANGUAGES = [lang.code for lang in i18n.catalogue_languages()]
# Every language of the build: the catalogues' and the test overlay's (an official translation).
BUILT = [lang.code for lang in i18n.all_languages(TEST_OVERLAY)]
# One page of each kind: home, a module, a step, a case, the self-assessment, a worksheet, the
# action plan, the checklists (a module's, and the list of them), the glossary.
PAGES = ["index.html", "modules/c.html", "steps/3.html", "cases/iv-11.html", "assessment/index.html",
         "assessment/module-a.html", "worksheets/stakeholder-map.html", "action-plan.html",
         "checklists/index.html", "checklists/module-b.html", "glossary.html"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# The users' conditions: each kind of page a reader opens, at a desktop's and a phone's width.
MATRIX = ["index.html", "modules/c.html", "steps/3.html", "cases/iv-11.html", "assessment/index.html",
          "worksheets/stakeholder-map.html", "action-plan.html", "checklists/module-b.html"]
# Searched from at 360 px too, through the header's search icon: a page at the root and one a
# folder down (the index is found relative to the page). Every page of MATRIX is searched from at
# 1280 px: each search loads the language's index again, most of this test's time.
PHONE_SEARCH = ["index.html", "steps/3.html"]
OUT = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def address(base: str, code: str, path: str) -> str:
    return f"{base}/{'' if code == 'en' else code + '/'}{path}"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture(params=["http", "file"])
def full_base(request, full_site):
    """The published build over a web server, and from file:// (as someone who saved it opens it)."""
    return request.getfixturevalue("full_server") if request.param == "http" else full_site.as_uri()


@pytest.mark.parametrize("code", ["en", "th", "ru"])
def test_a_phones_header_and_its_open_language_menu_are_on_the_screen(phone, full_server, code):
    """A step at 360 px, loaded once for both: the header's controls in one row on the screen,
    then the language menu opened by a tap, whole on the screen with every language in it.
    Screenshots of the Thai and Russian headers, the menu closed and open, are kept in
    build/screenshots/ for a person to look at."""
    phone.goto(address(full_server, code, "steps/3.html"))
    shots = code in ("th", "ru")
    if shots:
        OUT.mkdir(parents=True, exist_ok=True)
        phone.screenshot(path=OUT / f"header-{code}-360-closed.png")
    header = phone.locator(".md-header__inner").bounding_box()
    controls = phone.locator(".md-header__inner :is(label.md-header__button, button.md-header__button):visible")
    assert controls.count() >= 3  # the menu, the language and the search buttons
    for i in range(controls.count()):
        box = controls.nth(i).bounding_box()
        assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"] + 1, box
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"], box

    button = phone.locator(".md-header__option .md-select button")
    button.click()  # a tap: the button takes focus and the menu opens
    menu = phone.locator(".md-select__inner")
    phone.wait_for_function("() => getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'")
    phone.wait_for_timeout(300)  # the end of its slide into place
    if shots:
        phone.screenshot(path=OUT / f"header-{code}-360-open.png")
    box, under = menu.bounding_box(), button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert box["x"] <= under["x"] + under["width"] / 2 <= box["x"] + box["width"], (box, under)
    links = phone.locator(".md-select__link")
    assert links.count() == len(BUILT)
    for i in range(links.count()):  # each language whole on the screen, none cut off by the menu
        link = links.nth(i).bounding_box()
        assert box["x"] <= link["x"] and link["x"] + link["width"] <= box["x"] + box["width"], (links.nth(i).inner_text(), link)
        assert box["y"] <= link["y"] and link["y"] + link["height"] <= box["y"] + box["height"] + 0.5, (links.nth(i).inner_text(), link, box)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def sideways(page, path: str, screen: int = PHONE["width"]) -> str | None:
    """What reaches past the screen, if anything."""
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= screen:
        return None
    culprit = page.evaluate("""w => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed')
        .slice(-1).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))[0]""", screen)
    return f"{path}: {width} px ({culprit})"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_kind_of_page_answers_every_request_and_fits_a_phone(browser, full_base, code):
    """Each kind of page opened on a 360 px phone, with the language menu: every request
    answered, and nothing scrolls sideways (a window narrowed to it: the test below)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    failed = failed_requests(page)
    problems, wide = [], []
    try:
        for path in PAGES:
            failed.clear()
            # Material's requests start as the page is read; the network settles after them.
            page.goto(address(full_base, code, path), wait_until="networkidle")
            if failed and all(f.endswith("net::ERR_ABORTED") for f in failed):
                # Once, on a busy machine, Chromium aborted a script of a page from file:// and a
                # second load did not: only a failure that happens again is the page's.
                failed.clear()
                page.goto(address(full_base, code, path), wait_until="networkidle")
            problems += [f"{path}: {f}" for f in failed]
            wide += [w for w in [sideways(page, path)] if w]
    finally:
        context.close()
    assert not problems, f"{code}: failed requests:\n" + "\n".join(problems)
    assert not wide, f"{code}: pages wider than a 360 px phone:\n" + "\n".join(wide)


# The animations of the page (Material's menus and drawer) have all ended. The page's width is
# read as it goes, every 100 ms (as a script or a scroll would): the layout Chromium made during
# the menu's slide was what it kept, which a poll at every frame hid.
SETTLED = "() => document.documentElement.scrollWidth > 0 && document.getAnimations().every(a => a.playState !== 'running')"


@pytest.mark.parametrize("code", ["en", "th"])
def test_a_window_narrowed_to_a_phone_does_not_scroll_sideways(browser, full_server, code):
    """Each kind of page opened at 1280 px, then the window narrowed to 360 px. Below 60em the
    language menu moves beside its button; when Material's transition of `transform` moved it,
    Chromium kept the overflow of where it started after the slide ended: 6 px of sideways scroll,
    on one page or two of these eight, until something else made the page lay out again."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    wide = []
    try:
        for path in MATRIX:
            page.set_viewport_size(DESKTOP)
            page.goto(address(full_server, code, path))
            page.wait_for_function(SETTLED)
            page.set_viewport_size(PHONE)
            page.wait_for_function(SETTLED, polling=100)
            wide += [w for w in [sideways(page, path)] if w]
    finally:
        context.close()
    assert not wide, f"{code}: pages wider than the window narrowed to 360 px:\n" + "\n".join(wide)


def search_from(page, query: str, target: str, phone: bool) -> str | None:
    """The page's own search box, opened as a reader opens it (a tap on the header's search icon
    on a phone): None if a result among the first five leads to `target`, else what was found."""
    if phone:
        page.locator("label.md-header__button[for=__search]").click()
    else:
        page.locator(".md-search__input").click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    try:
        page.wait_for_function("""target => [...document.querySelectorAll('.md-search-result__item a')].slice(0, 5)
            .some(a => new URL(a.href).pathname.endsWith('/' + target))""", arg=target, timeout=20000, polling=INDEX_POLL)
        return None
    except PlaywrightTimeout:  # say what the reader saw instead
        meta = page.locator(".md-search-result__meta").inner_text()
        found = page.eval_on_selector_all(".md-search-result__item a", "as => as.slice(0, 5).map(a => a.getAttribute('href'))")
        return f"{query!r}: no {target} in the first five ({meta}: {found})"
    finally:
        box.fill("")
        page.keyboard.press("Escape")


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_kind_of_page_from_the_unpacked_zip_at_both_widths(browser, language_copies, code):
    """The users' conditions of a field office: the language's ZIP unpacked into an awkward folder
    and opened from file://, on a desktop (1280 px) and a phone (360 px). Each kind of page, loaded
    once per width, is checked at once: nothing scrolls sideways, every request is answered and
    none leaves the folder, no error in the page (tests/page_errors.py), and its own search box
    (on a phone, on two of them) finds a word of the language (the glossary's title: "Glossaire", "อภิธานศัพท์"...) and an
    English word (the guideline text is English in every ZIP). From file://, search runs in the
    iframe-worker shim, which loads Lunr's French and Russian files from beside itself."""
    copy = language_copies[code]
    glossary = (copy / "glossary.html").read_text(encoding="utf-8")
    word = re.search(r"<h1[^>]*>([^<]+)", glossary).group(1).strip()
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    failed = failed_requests(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    problems: list[str] = []
    started = time.monotonic()
    try:
        for screen in (DESKTOP, PHONE):
            page.set_viewport_size(screen)
            for path in MATRIX:
                where = f"{path} at {screen['width']} px"
                failed.clear()
                page.goto((copy / path).as_uri(), wait_until="networkidle")
                problems += [f"{where}: failed request {f}" for f in failed]
                problems += [f"{where}: {w}" for w in [sideways(page, path, screen["width"])] if w]
                if screen is PHONE and path not in PHONE_SEARCH:
                    continue
                for query, target in ((word, "glossary.html"), ("Mongolia", "cases/iv-11.html")):
                    problems += [f"{where}: search {miss}" for miss in [search_from(page, query, target, screen is PHONE)] if miss]
    finally:
        context.close()
    print(f"{code}: {2 * len(MATRIX)} pages, {2 * (len(MATRIX) + len(PHONE_SEARCH))} searches in {time.monotonic() - started:.1f} s")
    outside = [u for u in requests if not u.startswith(("file://", "about:", "blob:"))]
    assert not outside, f"{code}: requests that left the folder: {outside}"
    assert not problems, f"{code}:\n" + "\n".join(problems)
