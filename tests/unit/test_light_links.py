"""The links of a light page (macros/site/light.py): read as a browser would resolve them from
the light page's own address, they must reach the same file as the full page's link did, but
the light copy when there is one."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser

import pytest

from macros.site.light import light_body, light_href

LIGHT = frozenset({"steps/3.html", "steps/4.html", "modules/a.html", "glossary.html", "cases/index.html"})


def resolve(href: str, page: str) -> str:
    """Where a relative link leads from the document at `page` (a path from the language's root)."""
    path = href.split("#")[0].split("?")[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


@pytest.mark.parametrize(("href", "here", "expected"), [
    # To another light page: as written (the light tree is the site's, one folder deeper).
    ("4.html", "steps/3.html", "4.html"),
    ("../modules/a.html", "steps/3.html", "../modules/a.html"),
    ("../glossary.html#msp", "steps/3.html", "../glossary.html#msp"),
    ("steps/3.html", "glossary.html", "steps/3.html"),
    # To the full site: one more folder up, whatever the depth of the page.
    ("../checklists/step-3.html#task-3-2", "steps/3.html", "../../checklists/step-3.html#task-3-2"),
    ("../worksheets/resource-map.html", "steps/3.html", "../../worksheets/resource-map.html"),
    ("../index.html", "steps/3.html", "../../index.html"),
    ("5.html", "steps/3.html", "../../steps/5.html"),
    ("about.html", "glossary.html", "../about.html"),
    ("downloads/x.zip?v=1", "glossary.html", "../downloads/x.zip?v=1"),
    # Another language's page, from a translation (../ out of the language's folder).
    ("../../steps/3.html", "steps/3.html", "../../../steps/3.html"),
    # Left as they are: this page, absolute addresses, other schemes.
    ("#task-3-2", "steps/3.html", "#task-3-2"),
    ("", "steps/3.html", ""),
    ("/steps/3.html", "steps/3.html", "/steps/3.html"),
    ("https://example.org/a.html", "steps/3.html", "https://example.org/a.html"),
    ("mailto:someone@example.org", "steps/3.html", "mailto:someone@example.org"),
    ("data:,", "steps/3.html", "data:,"),
    ("//example.org/a", "steps/3.html", "//example.org/a"),
])
def test_a_link_reaches_the_light_page_or_the_full_one(href, here, expected):
    assert light_href(href, here, LIGHT) == expected


@pytest.mark.parametrize("target", ["steps/4.html", "checklists/step-3.html", "index.html", "assets/x.pdf", "steps/5.html"])
def test_the_rewritten_link_leads_to_the_same_file_from_the_light_page(target):
    page = "steps/3.html"
    href = posixpath.relpath(target, "steps")
    out = light_href(href, page, LIGHT)
    expected = f"light/{target}" if target in LIGHT else target
    assert resolve(out, f"light/{page}") == expected


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_a_body_s_links_and_images():
    body = ('<p><a href="4.html#task-4-1">Step 4</a> <a href="../checklists/step-3.html">Checklist</a> '
            '<a href="#notes">Notes</a> <a class="external" href="https://example.org">x</a></p>'
            '<p title="a href=&quot;5.html&quot;">href="5.html" is text</p>'
            '<img src="../assets/images/figure-1.png" alt="Figure 1: the &lt;partnering&gt; cycle">'
            '<img src="../assets/images/plain.png">'
            '<svg viewBox="0 0 1 1"><use href="#shape"></use></svg>')
    parsed = _Links()
    parsed.feed(light_body(body, "steps/3.html", LIGHT))
    hrefs = [attrs.get("href") for tag, attrs in parsed.links if tag in ("a", "use")]
    assert hrefs == ["4.html#task-4-1", "../../checklists/step-3.html", "#notes", "https://example.org",
                     "../../assets/images/figure-1.png", "../../assets/images/plain.png", "#shape"]
    assert not [tag for tag, _ in parsed.links if tag == "img"], "an image would be one more request"
    text = "".join(parsed.text)
    # Text that looks like a link is text; an image is named by its text, or its file.
    assert 'href="5.html" is text' in text
    assert "Figure 1: the <partnering> cycle" in text and "plain.png" in text
    assert [attrs.get("title") for tag, attrs in parsed.links if tag == "p"][1] == 'a href="5.html"'
