"""Catalogue text is text even where the catalogue check would not stop it: every page rendered
with markup in every translated string (the check refuses such entries before a build; this
is the layer under it). Pages are rendered as the build renders them, their headings read by
Markdown with the engine's extensions."""
from __future__ import annotations

import re

import lxml.html
import markdown
import pytest
import yaml
from hostile import CATALOGUE_MARKUP

from macros.engine import headings_only
from macros.project import ROOT
from macros.site import i18n
from macros.site.pages import pages
from macros.site.render import Renderer
from macros.site.views import SiteData

MARKUP = " ".join(CATALOGUE_MARKUP)


def hostile_translator() -> i18n.Translator:
    """French, every string of the catalogue template as the markup, then the English (so that
    placeholders stay whole)."""
    tr = i18n.Translator(i18n.Language("fr", "French", "Français"))
    for context, msgid in i18n.template_keys():
        tr.messages[(context, msgid)] = MARKUP + " " + msgid
    return tr


@pytest.fixture(scope="module")
def rendered(content) -> dict[str, str]:
    tr = hostile_translator()
    renderer = Renderer(SiteData(content, tr))
    extensions = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV SITE_URL", "''"))
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions["markdown_extensions"]]
    out = {}
    for page in pages(content, None, tr):
        source = renderer.render(page.template, page.path, **page.context)
        kept, aside = headings_only.set_aside(source)
        out[page.path] = headings_only.put_back(markdown.markdown(kept, extensions=names), aside)
    return out


def test_markup_in_a_catalogue_is_shown_and_never_live(rendered):
    assert len(rendered) > 100
    shown = 0
    for path, html in rendered.items():
        tree = lxml.html.fromstring(html)
        for element in tree.iter(tag=lxml.etree.Element):
            assert not any(name.lower().startswith("on") for name in element.attrib), (path, element.attrib)
            # A bare web address in our longer texts is a link, as in content: the catalogue check
            # refuses an address the English text has not (test_catalogue_check.py).
            assert not element.get("href", "").lower().startswith("javascript:"), (path, element.attrib)
            assert element.get("src") not in ("x", "x.png"), (path, element.attrib)
            assert element.get("id") != "id", (path, element.attrib)
        assert not [s for s in tree.iter("script") if "__pwned" in (s.text or "") and s.get("type") != "application/json"], path
        text = tree.text_content()
        shown += text.count("[x](javascript:window.__pwned=1)")
    assert shown > 500, shown


def test_markup_in_a_heading_stays_text(rendered):
    """Headings are the lines Markdown reads: the translated words there must not become a
    link, an image, an autolink or attributes."""
    tree = lxml.html.fromstring(rendered["action-plan.html"])
    heading = tree.find(".//h1")
    assert heading is not None
    assert heading.text_content().startswith(MARKUP), heading.text_content()
    assert re.sub(r"\s+", " ", heading.text_content()).count("{: #id onclick=window.__pwned=1 }") == 1
