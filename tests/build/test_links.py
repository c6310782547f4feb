"""No broken link or anchor anywhere in the built site."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag in ("a", "link") and a.get("href"):
            self.hrefs.append(a["href"])


def test_every_internal_link_and_anchor_resolves(site):
    parsed: dict[str, _Anchors] = {}
    for path in site.rglob("*.html"):
        if path.name == "404.html" and path.parent == site:
            continue  # served by web servers for any missing address, so its links are root-absolute
        p = _Anchors()
        p.feed(path.read_text(encoding="utf-8"))
        parsed[path.relative_to(site).as_posix()] = p
    broken = []
    checked = 0
    for page, p in parsed.items():
        for href in p.hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
                continue
            target = page if not parts.path else posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
            if target.endswith("/"):
                target += "index.html"
            if target.startswith(("checklists/pdf/", "facilitator/pdf/")):
                continue  # printed by Chromium: tests/browser/test_linkchecker.py follows these over the printed site
            if not (site / target).exists():
                broken.append(f"{page}: {href} (no file {target})")
                continue
            if parts.fragment and target.endswith(".html"):
                checked += 1
                if parts.fragment not in parsed[target].ids:
                    broken.append(f"{page}: {href} (no #{parts.fragment} in {target})")
    assert not broken, "\n".join(broken[:50])
    assert checked > 500
