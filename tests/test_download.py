"""The offline ZIP, linked from the site that `make build` makes, and the offline copy saying
that it is one."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT


def build(out, **env):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=ROOT,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_site_serves_the_zip_it_was_given_with_size_and_date(tmp_path):
    zip_path = tmp_path / "partnering-guidelines-offline-9.9.9.zip"
    zip_path.write_bytes(b"PK" + b"\0" * (1536 * 1024))
    (tmp_path / (zip_path.name + ".sha256")).write_text(f"{'0' * 64}  {zip_path.name}\n")
    site = build(tmp_path / "site", GUIDELINES_OFFLINE_ZIP=str(zip_path))
    served = sorted(p.name for p in (site / "downloads").iterdir())
    assert served == [zip_path.name, zip_path.name + ".sha256"]
    page = (site / "download.html").read_text(encoding="utf-8")
    assert f'href="downloads/{zip_path.name}"' in page and f'href="downloads/{zip_path.name}.sha256"' in page
    assert "Size: 1.5 MB" in text(page) and re.search(r"built \d{4}-\d\d-\d\d", text(page))
    home = text((site / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"Download for offline use One ZIP file, 1\.5 MB, version [\d.]+ of \d{4}-\d\d-\d\d", home)


def test_without_a_zip_the_download_page_says_so_and_links_nothing_missing(tmp_path):
    site = build(tmp_path / "site")
    assert not (site / "downloads").exists()
    page = text((site / "download.html").read_text(encoding="utf-8"))
    assert "built without the offline ZIP" in page and "downloads/" not in page


def test_the_offline_copy_says_it_is_the_offline_copy(tmp_path):
    site = build(tmp_path / "site", GUIDELINES_OFFLINE="1", GUIDELINES_OFFLINE_ZIP="")
    for path in ("index.html", "download.html"):
        page = text((site / path).read_text(encoding="utf-8"))
        assert re.search(r"This is the offline copy ?[,:] version [\d.]+, built \d{4}-\d\d-\d\d", page), path
    assert "downloads/" not in (site / "download.html").read_text(encoding="utf-8")
