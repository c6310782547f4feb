"""The light pages (issue 25): for every language, each guidance page again as one document that
asks for nothing more: no script, no stylesheet, one inline style its policy trusts by hash; the
same text as the full page; links that resolve; none in the offline copy or the kept language."""
from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import pytest

from macros.site import i18n

LANGUAGES = [lang.code for lang in i18n.catalogue_languages()] + ["ur"]   # ur: the test overlay (conftest.py)
# The guidance, as the reader finds it in the full site: these folders and pages have light copies.
GUIDANCE_FOLDERS = ("steps", "modules", "cases", "chapters")
GUIDANCE_PAGES = ("glossary.html", "references.html")


def root_of(site: Path, code: str) -> Path:
    return site if code == "en" else site / code


def guidance(root: Path) -> list[str]:
    found = [p.relative_to(root).as_posix() for folder in GUIDANCE_FOLDERS for p in (root / folder).glob("*.html")]
    return sorted(found + list(GUIDANCE_PAGES))


def light_pages(root: Path) -> list[Path]:
    return sorted((root / "light").rglob("*.html"))


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def article_text(path: Path) -> str:
    """The full page's own text: its article, without what the site adds around the page's body
    (the link to the light copy, the note on the translation)."""
    tree = lxml.html.fromstring(path.read_bytes())
    [article] = tree.xpath("//article")
    for added in article.xpath(".//p[contains(@class, 'light-version')] | .//aside[contains(@class, 'i18n-notice')]"):
        added.drop_tree()
    return text_of(article)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_guidance_page_has_its_light_copy_with_the_same_text(full_site, code):
    root = root_of(full_site, code)
    pages = guidance(root)
    assert len(pages) > 40
    made = {p.relative_to(root / "light").as_posix() for p in light_pages(root)}
    assert made == {*pages, "index.html"}, sorted(made ^ {*pages, "index.html"})
    for path in pages:
        light = lxml.html.fromstring((root / "light" / path).read_bytes())
        [main] = light.xpath("//main")
        assert text_of(main) == article_text(root / path), f"{code}: light/{path}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_light_page_asks_for_nothing_but_itself(full_site, code):
    root = root_of(full_site, code)
    language = {lang.code: lang for lang in i18n.all_languages(Path(__file__).parents[1] / "fixtures" / "translations")}[code]
    for path in light_pages(root):
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(full_site)
        assert "<script" not in html and 'rel="stylesheet"' not in html and "<img" not in html, where
        assert not re.search(r"@import|@font-face|url\(", html), where
        tree = lxml.html.fromstring(html)
        styles = tree.xpath("//style")
        assert len(styles) == 1, where
        body = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        [policy] = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'none'" and directives["style-src"] == digest, (where, policy)
        assert directives["img-src"] == "data:" and "script-src" not in directives, (where, policy)
        assert html.index("Content-Security-Policy") < html.index("<style>")
        links = tree.xpath("//head/link")
        assert {(link.get("rel"), link.get("href")) for link in links if link.get("rel") == "icon"} == {("icon", "data:,")}
        assert {link.get("rel") for link in links} == {"icon", "canonical"}, where
        assert tree.get("lang") == code and tree.get("dir") == language.direction, where
        full = root / path.relative_to(root / "light")
        [copyright] = lxml.html.fromstring(full.read_bytes()).xpath("//*[contains(@class, 'md-copyright__highlight')]")
        assert text_of(tree.xpath("//footer")[0]) == text_of(copyright), where


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        cache[path] = set(lxml.html.fromstring(path.read_bytes()).xpath("//@id"))
    return cache[path]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_link_of_a_light_page_resolves(full_site, code):
    """Relative links, read as the browser reads them from the light page's own address: to a
    file that exists, and to an element with the fragment's id when the target is a light page."""
    root = root_of(full_site, code)
    ids: dict[Path, set[str]] = {}
    broken, light_links = [], 0
    for path in light_pages(root):
        tree = lxml.html.fromstring(path.read_bytes())
        for href in tree.xpath("//a/@href | //link[@rel='canonical']/@href"):
            if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", href, re.I):
                continue
            address, _, fragment = href.partition("#")
            target = Path(posixpath.normpath(posixpath.join(path.parent.as_posix(), unquote(address.split("?")[0]))))
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(full_site)}: {href}")
            elif "light" in target.relative_to(full_site).parts:
                light_links += 1
                if fragment and fragment not in _ids(target, ids):
                    broken.append(f"{path.relative_to(full_site)}: {href} (no such id)")
    assert not broken, broken[:10]
    assert light_links > 200, "the light pages link each other, not only the full site"


def test_the_light_step_page_links_its_neighbours_the_full_page_and_the_contents(full_site):
    tree = lxml.html.fromstring((full_site / "fr" / "light" / "steps" / "3.html").read_bytes())
    assert tree.xpath("//nav[@class='light-nav']/a[@rel='next']/@href") == ["../modules/b.html"]
    assert tree.xpath("//nav[@class='light-nav']/a[@rel='prev']/@href") == ["2.html"]
    assert tree.xpath("//a[@class='light-full']/@href") == ["../../steps/3.html"]
    assert tree.xpath("//link[@rel='canonical']/@href") == ["https://example.org/partnering-guidelines/fr/steps/3.html"]
    contents = lxml.html.fromstring((full_site / "fr" / "light" / "index.html").read_bytes())
    listed = contents.xpath("//main//a/@href")
    assert len(listed) == len(guidance(full_site / "fr")) and len(set(listed)) == len(listed)
    assert listed.index("steps/3.html") < listed.index("steps/4.html") < listed.index("glossary.html")


@pytest.mark.parametrize("code", ["en", "fr", "ur"])
def test_a_full_guidance_page_links_its_light_copy_and_a_tool_page_does_not(full_site, code):
    root = root_of(full_site, code)
    for path in ("steps/3.html", "cases/iv-1.html", "glossary.html"):
        tree = lxml.html.fromstring((root / path).read_bytes())
        [href] = tree.xpath("//article//p[contains(@class, 'light-version')]/a/@href")
        assert (root / path).parent.joinpath(href).resolve() == (root / "light" / path).resolve(), (code, path, href)
    for path in ("assessment/index.html", "worksheets/index.html", "checklists/step-3.html", "index.html"):
        assert "light-version" not in (root / path).read_text(encoding="utf-8"), (code, path)
    download = lxml.html.fromstring((root / "download.html").read_bytes())
    assert download.xpath("//p[@class='download-light']/a/@href") == ["light/index.html"], code


def test_the_light_pages_stay_out_of_the_offline_copy_the_kept_language_and_search(full_site, offline_sites):
    for code, folder in offline_sites.items():
        assert not (folder / "light").exists(), code
        html = (folder / "steps" / "3.html").read_text(encoding="utf-8")
        assert "light-version" not in html and "light-offer" not in html, code
        assert "light/" not in (folder / "download.html").read_text(encoding="utf-8"), code
    for code in LANGUAGES:
        root = root_of(full_site, code)
        if (root / "keep.json").is_file():
            kept = [f["path"] for f in json.loads((root / "keep.json").read_text(encoding="utf-8"))["files"]]
            assert not [p for p in kept if p.startswith("light/")], code
        index = (root / "search" / "search_index.json").read_text(encoding="utf-8")
        assert '"location":"light/' not in index.replace(" ", ""), code
        sitemap = root / "sitemap.xml"
        if sitemap.is_file():
            assert "/light/" not in sitemap.read_text(encoding="utf-8"), code
