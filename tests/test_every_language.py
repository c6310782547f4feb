"""The site as published, every language at once (the `full_site` build, which has the test
overlay's Urdu too): what the language menu does to a phone's screen and to the network, over
http and from file://.

The other browser tests use `site`, English alone, which has no language menu: there every page
fitted a 360 px phone and made no failed request, while in the real build every page scrolled
sideways (the menu reached 6 px past the screen) and asked six times for a sitemap.xml that is
not there (Material fetches one beside each <link rel="alternate"> of a page)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import PUBLISHED_URL, TEST_OVERLAY
from test_browser import failed_requests

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
OUT = Path(__file__).resolve().parent.parent / "build" / "screenshots"


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


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_page_scrolls_sideways_at_360_px_with_the_language_menu(phone, full_server, code):
    wide = []
    for path in PAGES:
        phone.goto(address(full_server, code, path))
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            culprit = phone.evaluate("""w => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed')
                .slice(-1).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))[0]""", PHONE["width"])
            wide.append(f"{path}: {width} px ({culprit})")
    assert not wide, f"{code}: pages wider than a 360 px phone:\n" + "\n".join(wide)


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


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_request_fails_on_any_kind_of_page(browser, full_base, code):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failed = failed_requests(page)
    problems = []
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
    finally:
        context.close()
    assert not problems, f"{code}: failed requests:\n" + "\n".join(problems)


def test_no_page_names_a_counterpart_in_a_link_element(full_site):
    """Material fetches sitemap.xml beside every <link rel="alternate"> (integrations/alternate in
    its bundle), taking it for the home of another language: the counterparts of a page are in
    its language menu and in the sitemap, never in <link> elements."""
    found = []
    for page in full_site.rglob("*.html"):
        links = re.findall(r"<link\b[^>]*\brel=\"?alternate\b[^>]*>", page.read_text(encoding="utf-8"), re.I)
        found += [f"{page.relative_to(full_site)}: {link}" for link in links]
    assert not found, found[:5]


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_sitemap_gives_its_own_addresses_and_every_counterpart(full_site, code):
    """Search engines learn a page's counterparts (hreflang) from the sitemap, with the absolute
    addresses they require; each language's pages name themselves as canonical, not English's."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    prefix = "" if code == "en" else f"{code}/"
    urls = ET.parse(full_site / prefix / "sitemap.xml").getroot().findall("s:url", ns)
    locs = [url.find("s:loc", ns).text for url in urls]
    assert len(locs) > 70 and f"{PUBLISHED_URL}{prefix}steps/3.html" in locs, locs[:5]
    for url, loc in zip(urls, locs, strict=True):
        assert loc.startswith(PUBLISHED_URL + prefix) and (full_site / loc.removeprefix(PUBLISHED_URL)).is_file(), loc
        path = loc.removeprefix(PUBLISHED_URL + prefix)
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        assert alternates == {other: f"{PUBLISHED_URL}{'' if other == 'en' else other + '/'}{path}"
                              for other in BUILT}, loc
    page = (full_site / prefix / "steps" / "3.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLISHED_URL}{prefix}steps/3.html">' in page


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
