"""The installable web app of one language: its manifest, its icons, and the list of files
"Keep this language on this device" stores (docs/assets/js/keep-offline.js, docs/sw.js).

Each language's site is an app of its own: its manifest's start_url and scope are the language's
folder, so that a French install opens the French home page. The offline copy (file://) has none
of this: browsers register no service worker there, and the ZIP works as it always has.

The list, `keep.json`, names every file of the language's folder with its SHA-256 and size; the
page stores exactly those bytes (checked as they arrive) in one cache per version, the version
being a hash of the list, so that a page and its scripts always come from one build.
"""
from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from .icon import png

MANIFEST = "manifest.webmanifest"
KEEP_LIST = "keep.json"
SERVICE_WORKER = "sw.js"
KEEP_SCRIPT = "assets/js/keep-offline.js"   # every page's: the control, updates, eviction
ICON_SIZES = (192, 512)
THEME_COLOR = "#4051b5"   # Material's indigo, the header's colour (mkdocs.yml's palette)
# Kept only when the reader asks for them too: large, and read with other programs.
ON_REQUEST = frozenset({".pdf", ".docx", ".xlsx"})
# Never kept: the offline ZIP (for laptops), files the site's address needs and a phone does not,
# and the two files that say what to keep.
NEVER = frozenset({KEEP_LIST, SERVICE_WORKER, "sitemap.xml", "sitemap.xml.gz"})
# The light pages (macros/site/light.py) are for a first visit on a slow connection: a kept
# language has the full pages, and the light ones would only add to what a phone stores.
NEVER_FOLDERS = frozenset({"downloads", "light"})
NEVER_SUFFIXES = frozenset({".map"})   # the theme's source maps, for developers' tools
# The search index as a script, for file:// only: over http the page reads search_index.json.
NEVER_PATHS = frozenset({"search/search_index.js"})


def icon_path(size: int) -> str:
    return f"assets/images/icon-{size}.png"


@functools.cache
def icon(size: int) -> bytes:
    """The same bytes for every language of a build, drawn once."""
    return png(size)


def manifest(name: str, description: str, lang: str, direction: str) -> dict[str, object]:
    """The manifest of one language's app; its addresses are relative to the manifest's own,
    which is in the language's folder (the same relative addresses serve every language)."""
    return {
        "id": "./",
        "name": name,
        "short_name": "Partnering",
        "description": description,
        "lang": lang,
        "dir": direction,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": "#ffffff",
        "icons": [{"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
                  for size in ICON_SIZES],
    }


def write_app(site: Path, name: str, description: str, lang: str, direction: str) -> None:
    """The manifest and its icons into one language's folder."""
    for size in ICON_SIZES:
        (site / icon_path(size)).write_bytes(icon(size))
    text = json.dumps(manifest(name, description, lang, direction), ensure_ascii=False, indent=1)
    (site / MANIFEST).write_text(text + "\n", encoding="utf-8")


def _files(root: Path) -> list[Path]:
    """The language's files: a folder holding its own keep.json is another language's site."""
    out = []
    for path in sorted(root.iterdir()):
        if path.is_dir():
            if path.name not in NEVER_FOLDERS and not (path / KEEP_LIST).exists():
                out += _files(path)
        elif path.name not in NEVER and path.suffix not in NEVER_SUFFIXES:
            out.append(path)
    return out


def keep_list(site: Path, built: str, strings: dict[str, str], other_languages: frozenset[str] = frozenset()) -> dict[str, object]:
    """What keep.json holds: the version, the date built, the browser's strings, and each file
    (path relative to the language's folder, SHA-256 in hex, bytes, kept only on request)."""
    files = []
    for path in _files(site):
        relative = path.relative_to(site).as_posix()
        if relative.split("/", 1)[0] in other_languages or relative in NEVER_PATHS:
            continue
        data = path.read_bytes()
        files.append({"path": relative, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data),
                      "on_request": path.suffix in ON_REQUEST})
    version = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    return {"format": "partnering-guidelines/keep", "version": version, "built": built, "strings": strings, "files": files}


def write_keep_list(site: Path, built: str, strings: dict[str, str], other_languages: frozenset[str] = frozenset()) -> None:
    data = keep_list(site, built, strings, other_languages)
    (site / KEEP_LIST).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def refresh_keep_list(site: Path, other_languages: frozenset[str] = frozenset()) -> None:
    """The list again after files were added to a built site (the PDF pack, `make build`)."""
    listed = site / KEEP_LIST
    if listed.is_file():
        old = json.loads(listed.read_text(encoding="utf-8"))
        write_keep_list(site, old["built"], old["strings"], other_languages)
