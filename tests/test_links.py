"""No broken link or anchor anywhere in the built site."""
from __future__ import annotations

import csv
import io
import posixpath
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

CONFIG = Path(__file__).resolve().parent / "config" / "linkcheckerrc"


def test_linkchecker_finds_no_broken_link(printed_site, tmp_path_factory):
    # Run as root, linkchecker drops to user 'nobody': give it a copy it may read.
    readable = Path(tempfile.mkdtemp(prefix="linkcheck-"))
    copy = readable / "site"
    shutil.copytree(printed_site, copy)
    for path in [readable, *readable.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    linkchecker = Path(sys.executable).with_name("linkchecker")
    try:
        result = subprocess.run(
            [str(linkchecker), "-f", str(CONFIG), "--no-status", "--verbose", (copy / "index.html").as_uri()],
            capture_output=True, text=True, timeout=600,
        )
    finally:
        shutil.rmtree(readable, ignore_errors=True)
    rows = [r for r in csv.reader(io.StringIO("\n".join(line for line in result.stdout.splitlines() if not line.startswith("#"))),
                                  delimiter=";")]
    header, body = rows[0], rows[1:]
    broken = [dict(zip(header, r, strict=False)) for r in body if r and r[header.index("valid")] != "True"]
    assert not broken, "\n".join(f"{b['urlname']} in {b['parentname']}: {b['result']}" for b in broken)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(body) > 100  # it really walked the site (each page once, anchors aside)


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
            if not (site / target).exists():
                broken.append(f"{page}: {href} (no file {target})")
                continue
            if parts.fragment and target.endswith(".html"):
                checked += 1
                if parts.fragment not in parsed[target].ids:
                    broken.append(f"{page}: {href} (no #{parts.fragment} in {target})")
    assert not broken, "\n".join(broken[:50])
    assert checked > 500
