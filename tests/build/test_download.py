"""The offline ZIP, linked from the site that `mkdocs build` makes when `make offline` has left
it in the downloads folder (dist/), and the offline copy saying that it is one."""
from __future__ import annotations

import re

from conftest import FULL_SITE_DOWNLOADS

from macros.outputs.offline import zip_name
from macros.project import version


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_each_language_links_its_own_zip_from_the_downloads_folder_or_says_how_to_make_it(full_site):
    """The full build's downloads folder (conftest.py) holds English's ZIP of this version and
    ZIPs of another version; French has none of this version."""
    site = full_site
    assert FULL_SITE_DOWNLOADS == {"en": 1536 * 1024}, "the sizes below are this one's"
    english = site / "downloads" / zip_name("en")

    served = sorted(p.name for p in (site / "downloads").iterdir())
    assert served == [english.name, english.name + ".sha256"]
    page = (site / "download.html").read_text(encoding="utf-8")
    assert f'href="downloads/{english.name}"' in page and f'href="downloads/{english.name}.sha256"' in page
    assert f"-{version()}.zip" in english.name
    assert "Size: 1.5 MB" in text(page) and re.search(r"built \d{4}-\d\d-\d\d", text(page))
    home = text((site / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"Download for offline use One ZIP file, 1\.5 MB, version [\d.]+ of \d{4}-\d\d-\d\d", home)

    # French has no ZIP of this version: its page links none (never English's) and says how to make one.
    french = (site / "fr" / "download.html").read_text(encoding="utf-8")
    assert not (site / "fr" / "downloads").exists()
    assert "downloads/" not in french and "<code>make offline</code>" in french


def test_without_a_zip_the_download_page_says_so_and_links_nothing_missing(site):
    assert not (site / "downloads").exists()
    page = text((site / "download.html").read_text(encoding="utf-8"))
    assert "built without the offline ZIP" in page and "downloads/" not in page


def test_the_offline_copy_says_it_is_the_offline_copy(offline_sites):
    site = offline_sites["en"]
    for path in ("index.html", "download.html"):
        page = text((site / path).read_text(encoding="utf-8"))
        assert re.search(r"This is the offline copy ?[,:] version [\d.]+, built \d{4}-\d\d-\d\d", page), path
    assert "downloads/" not in (site / "download.html").read_text(encoding="utf-8")
