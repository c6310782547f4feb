"""Each language's sitemap names its pages and their counterparts; no page names them in a <link>."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import PUBLISHED_URL, TEST_OVERLAY

from macros.site import i18n

LANGUAGES = [lang.code for lang in i18n.catalogue_languages()]


# Every language of the build: the catalogues' and the test overlay's (an official translation).
BUILT = [lang.code for lang in i18n.all_languages(TEST_OVERLAY)]


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
