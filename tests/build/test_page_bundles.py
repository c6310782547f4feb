"""One stylesheet and one script per page (issue 25; macros/engine/page_bundles.py): every page of
every language links one stylesheet and runs one script file, deferred, each a file of the site
named by its content, whose addresses all reach files of the site."""
from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

import pytest

STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>")
HREF = re.compile(r'\bhref="([^"]+)"')
SCRIPT = re.compile(r"<script\b([^>]*)\bsrc=\"([^\"]+)\"([^>]*)>")
URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^"')\s]*))\s*\)""")
BUNDLE = re.compile(r"page\.([0-9a-f]{12})\.(css|js)$")


def _pages(site: Path) -> list[Path]:
    """The site's pages, but the light pages: they link no stylesheet and run no script at all
    (tests/build/test_light_pages.py)."""
    pages = sorted(p for p in site.rglob("*.html") if "light" not in p.relative_to(site).parts)
    assert len(pages) > 100
    return pages


def _in_site(site: Path, page: Path, href: str, root: str) -> Path:
    """The file `href`, in `page`, names; `root`: the site's path on its host (404.html's links start with it)."""
    if href.startswith("/"):
        return site / href.removeprefix(root)
    return site / posixpath.normpath(posixpath.join(page.relative_to(site).parent.as_posix(), href))


@pytest.mark.parametrize("built, root", [("site", "/"), ("full_site", "/partnering-guidelines/")])
def test_every_page_links_one_stylesheet_and_runs_one_script_file_named_by_its_content(request, built, root):
    site = request.getfixturevalue(built)
    bundles: set[Path] = set()
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(site).as_posix()
        links = [HREF.search(link).group(1) for link in STYLESHEET.findall(html)]
        scripts = SCRIPT.findall(html)
        assert len(links) == 1, f"{name} links {len(links)} stylesheets: {links}"
        assert len(scripts) == 1, f"{name} loads {len(scripts)} script files: {[src for _, src, _ in scripts]}"
        before, src, after = scripts[0]
        assert re.search(r"\bdefer\b", before + after), f"{name}: its script would hold back the parser"
        for href in (links[0], src):
            assert BUNDLE.search(href), f"{name} links {href}, not a bundle"
            bundles.add(_in_site(site, page, href, root).resolve())
    for path in bundles:
        assert path.is_file(), f"{path} is linked and missing"
        data = path.read_bytes()
        found = BUNDLE.search(path.name)
        assert found and found.group(1) == hashlib.sha256(data).hexdigest()[:12], f"{path.name} is not named by its content"
        if path.suffix == ".css":
            text = data.decode("utf-8")
            assert text.startswith('@charset "UTF-8";') and text.count("@charset") == 1, path.name
            for match in URL.finditer(text):
                address = next(a for a in match.groups() if a is not None)
                if not address or re.match(r"^(?:[a-z][a-z0-9+.-]*:|#)", address, re.I):
                    continue
                target = (path.parent / address.split("#")[0].split("?")[0]).resolve()
                assert target.is_file(), f"{path.name}: url({address}) reaches no file of the site"


def test_a_pages_bundles_hold_what_it_would_have_linked_in_order(site):
    """The step page's stylesheet holds the theme's, then the site's; the self-assessment's adds its
    own after them; its script runs the search shim first, Material's after search-on-demand.js,
    the page's own after the theme's, keep-offline.js last."""
    for name, sheets, scripts in [
        ("steps/3.html", ["assets/stylesheets/main.", "assets/stylesheets/palette.", "assets/css/guidelines.css"],
         ["assets/vendor/iframe-worker/shim.js", "assets/js/search-on-demand.js", "assets/javascripts/bundle.",
          "assets/js/search-input.js", "assets/js/keep-offline.js"]),
        ("assessment/module-a.html", ["assets/stylesheets/main.", "assets/css/guidelines.css", "assets/css/assessment.css"],
         ["assets/vendor/iframe-worker/shim.js", "assets/javascripts/bundle.", "assets/js/assessment.js",
          "assets/js/keep-offline.js"]),
    ]:
        page = site / name
        html = page.read_text(encoding="utf-8")
        css = _in_site(site, page, HREF.search(STYLESHEET.findall(html)[0]).group(1), "/").read_text(encoding="utf-8")
        js = _in_site(site, page, SCRIPT.findall(html)[0][1], "/").read_text(encoding="utf-8")
        for text, parts in ((css, sheets), (js, scripts)):
            headers = re.findall(r"^/\* (assets/\S+) \*/$", text, re.M)
            at = [next(i for i, header in enumerate(headers) if header.startswith(part)) for part in parts]
            assert at == sorted(at), f"{name}: {headers}"
