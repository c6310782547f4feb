"""The installable web app of each language (issue 25): its manifest, linked from every page of
that language, valid and complete, its icons as stated; the list "Keep this language on this
device" stores; and none of it in the offline copy."""
from __future__ import annotations

import hashlib
import json
import re
import struct
from pathlib import Path
from urllib.parse import urljoin

from macros.site import i18n

LANGUAGES = [lang.code for lang in i18n.catalogue_languages()]
# What a browser needs to install an app from a manifest, and what this one promises.
REQUIRED = {"name", "short_name", "start_url", "scope", "display", "icons", "theme_color", "lang", "dir"}
MANIFEST_LINK = re.compile(r'<link rel="manifest" href="([^"]+)">')


def root_of(site: Path, code: str) -> Path:
    return site if code == "en" else site / code


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_every_page_links_its_own_languages_manifest(full_site):
    for code in LANGUAGES:
        root = root_of(full_site, code)
        # 404.html is served at any address, so its links are absolute (the site's path): not relative
        # to its file. A folder with a manifest of its own is another language's (the Urdu test overlay's too).
        others = {d.name for d in root.iterdir() if (d / "manifest.webmanifest").is_file()}
        # A light page (light/) asks for nothing but itself: no manifest (tests/build/test_light_pages.py).
        pages = [p for p in root.rglob("*.html") if p.name != "404.html" and p.relative_to(root).parts[0] not in {*others, "light"}]
        assert len(pages) > 90
        for page in pages:
            found = MANIFEST_LINK.findall(page.read_text(encoding="utf-8"))
            assert len(found) == 1, f"{page}: {len(found)} manifest links"
            target = urljoin(page.resolve().as_uri(), found[0])
            assert target == (root / "manifest.webmanifest").resolve().as_uri(), f"{page} links {target}"


def test_each_manifest_is_valid_and_its_icons_are_as_stated(full_site):
    names = set()
    for code in LANGUAGES:
        root = root_of(full_site, code)
        manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert REQUIRED <= manifest.keys(), REQUIRED - manifest.keys()
        assert manifest["lang"] == code and manifest["dir"] in ("ltr", "rtl")
        assert manifest["start_url"] == manifest["scope"] == "./", "the app opens and stays in its language's folder"
        assert manifest["display"] == "standalone"
        assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
        names.add(manifest["name"])
        sizes = set()
        for icon in manifest["icons"]:
            width, height = png_size(root / icon["src"])
            assert icon["sizes"] == f"{width}x{height}" and icon["type"] == "image/png", icon
            sizes.add(width)
        assert {192, 512} <= sizes, "phones want 192 and 512 pixel icons"
    assert len(names) == len(LANGUAGES), "each language's app has a name of its own on the home screen"


def test_the_keep_list_names_the_languages_files_with_their_hashes(full_site):
    for code in LANGUAGES:
        root = root_of(full_site, code)
        listed = json.loads((root / "keep.json").read_text(encoding="utf-8"))
        paths = {f["path"]: f for f in listed["files"]}
        assert {"index.html", "steps/3.html", "search/search_index.json"} <= paths.keys()
        assert "sw.js" not in paths and "keep.json" not in paths
        others = {d.name for d in root.iterdir() if (d / "keep.json").is_file()}
        assert not [p for p in paths if p.split("/")[0] in others], "another language's files are not this one's"
        assert not [p for p in paths if p.startswith(("downloads/", "light/")) or p.endswith(".map")]
        for path, entry in paths.items():
            data = (root / path).read_bytes()
            assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data), path
            assert entry["on_request"] == path.endswith((".pdf", ".docx", ".xlsx")), path
        assert any(p.endswith(".docx") for p in paths)
        if code != "en":
            assert listed["strings"]["Reload"] != "Reload", f"{code}: the script's strings in the language"


def test_the_offline_copy_has_no_app_and_no_service_worker(offline_sites):
    for code, folder in offline_sites.items():
        assert not (folder / "manifest.webmanifest").exists() and not (folder / "keep.json").exists(), code
        for name in ("index.html", "download.html", "steps/3.html"):
            html = (folder / name).read_text(encoding="utf-8")
            assert 'rel="manifest"' not in html and "keep-offline.js" not in html and "data-keep-offline" not in html, (code, name)
