"""The site as published, every language at once (the `full_site` build, which has the test
overlay's Urdu too): what the language menu does to a phone's screen and to the network, over
http and from file://.

The other browser tests use `site`, English alone, which has no language menu: there every page
fitted a 360 px phone and made no failed request, while in the real build every page scrolled
sideways (the menu reached 6 px past the screen) and asked six times for a sitemap.xml that is
not there (Material fetches one beside each <link rel="alternate"> of a page)."""
from __future__ import annotations

from pathlib import Path

import pytest
from browsing import failed_requests
from conftest import TEST_OVERLAY

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
def test_the_open_language_menu_is_on_the_screen_of_a_phone(phone, full_server, code):
    phone.goto(address(full_server, code, "steps/3.html"))
    button = phone.locator(".md-header__option .md-select button")
    button.click()  # a tap: the button takes focus and the menu opens
    menu = phone.locator(".md-select__inner")
    phone.wait_for_function("() => getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'")
    phone.wait_for_timeout(300)  # the end of its slide into place
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


def sideways(page, path: str) -> str | None:
    """What reaches past a phone's screen, if anything."""
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= PHONE["width"]:
        return None
    culprit = page.evaluate("""w => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed')
        .slice(-1).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))[0]""", PHONE["width"])
    return f"{path}: {width} px ({culprit})"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_kind_of_page_answers_every_request_and_fits_a_phone(browser, full_base, code):
    """Each kind of page opened on a 360 px phone, with the language menu: every request
    answered, and nothing scrolls sideways. Opened at the phone's width, as a phone opens it: a
    window narrowed after the page opened wide keeps a few pixels of the wide header (Material's
    language menu and title measure themselves once)."""
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


@pytest.mark.parametrize("code", ["th", "ru"])
def test_phone_header_in_thai_and_russian(phone, full_server, code):
    """The header of a step at 360 px, its controls in one row on the screen; screenshots with the
    menu closed and open are kept in build/screenshots/ for a person to look at."""
    phone.goto(address(full_server, code, "steps/3.html"))
    OUT.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=OUT / f"header-{code}-360-closed.png")
    header = phone.locator(".md-header__inner").bounding_box()
    controls = phone.locator(".md-header__inner :is(label.md-header__button, button.md-header__button):visible")
    assert controls.count() >= 3  # the menu, the language and the search buttons
    for i in range(controls.count()):
        box = controls.nth(i).bounding_box()
        assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"] + 1, box
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"], box
    phone.locator(".md-header__option .md-select button").click()
    phone.wait_for_timeout(600)
    phone.screenshot(path=OUT / f"header-{code}-360-open.png")
