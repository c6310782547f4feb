"""The offline ZIP, unpacked into an awkward folder and used from file:// in Chromium."""
from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from browsing import search

from macros.outputs.offline import BUDGET_BYTES, make_zip
from macros.project import version

CONFIG = Path(__file__).resolve().parents[1] / "config" / "linkcheckerrc"

# The only other-host addresses in the shipped files are in Material's bundle, on code paths
# that never run here: a ResizeObserver polyfill (every supported browser has ResizeObserver),
# Mermaid (the site has no Mermaid diagrams) and repository facts (mkdocs.yml sets no repo_url).
# The browser tests below prove that no request leaves the machine.
MATERIAL_REMOTE = ("https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
                   "https://api.github.com/repos/${e}/${t}", "https://api.github.com/users/${e}")
# Material's bundle is also part of each page's one script (assets/js/page.*.js: macros/engine/page_bundles.py).
ALLOWED_REMOTE = {
    *((prefix, url) for prefix in ("assets/javascripts/bundle.", "assets/js/page.") for url in MATERIAL_REMOTE),
    # Addresses in the Office libraries' messages and a default of an option we never set.
    ("assets/vendor/docx/", "https://example.com"),
    ("assets/vendor/exceljs/", "https://github.com/indutny/elliptic/issues"),
    ("assets/vendor/exceljs/", "https://github.com/crypto-browserify/crypto-browserify"),
    ("assets/vendor/exceljs/", "https://github.com/indutny/elliptic"),
}
# The names of the XML vocabularies a Word or Excel file is written in: text inside the files the
# libraries make, never fetched.
XML_NAMESPACE_HOSTS = ("http://schemas.openxmlformats.org/", "http://schemas.microsoft.com/", "http://purl.org/",
                       "http://purl.oclc.org/", "http://www.w3.org/")
OFFICE_LIBRARIES = ("assets/vendor/docx/", "assets/vendor/exceljs/")


@pytest.fixture(scope="module")
def package(content, printed_site, tmp_path_factory):
    return make_zip(content, printed_site, tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def unpacked(package):
    # A path a field office might really have: spaces and non-ASCII characters.
    base = Path(tempfile.mkdtemp(prefix="offline-")) / "Field office – Dhaka Bản sao 文件"
    base.mkdir(parents=True)
    with zipfile.ZipFile(package.zip_path) as archive:
        archive.extractall(base)
    for path in [base.parent, *base.parent.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # readable by linkchecker's unprivileged user
    yield base / f"partnering-guidelines-{version()}"
    shutil.rmtree(base.parent, ignore_errors=True)


def test_zip_has_site_readme_and_checksum_within_budget(package):
    assert package.zip_path.name == f"partnering-guidelines-offline-{version()}.zip"
    assert package.size <= BUDGET_BYTES, f"{package.size} bytes is over the budget of {BUDGET_BYTES}"
    digest, name = package.checksum_path.read_text().split()
    assert name == package.zip_path.name
    assert digest == hashlib.sha256(package.zip_path.read_bytes()).hexdigest()
    with zipfile.ZipFile(package.zip_path) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    top = f"partnering-guidelines-{version()}/"
    assert all(n.startswith(top) for n in names)
    for required in ("index.html", "README.txt", "steps/3.html", "cases/iv-11.html", "guidelines.json",
                     "search/search_index.js", "assets/vendor/iframe-worker/shim.js",
                     "checklists/module-a.html", "checklists/pdf/module-a-a4.pdf", "checklists/pdf/all-letter.pdf"):
        assert top + required in names, required
    assert not [n for n in names if n.endswith(".map")]


def test_readme_says_how_to_open_version_date_and_terms(unpacked):
    text = (unpacked / "README.txt").read_text(encoding="utf-8")
    assert f"version {version()}, built 20" in text
    assert "double-click index.html" in text
    assert "non-commercial" in text and "© United Nations 2018" in text
    assert "SHA-256" in text and "certutil" in text


def test_no_file_refers_to_another_host_for_loading(unpacked):
    loading = re.compile(r"""<(?:script|link|img|iframe|source|embed|object|audio|video)\b[^>]*\b(?:src|href|data)=["']((?:https?:)?//[^"']+)""", re.I)
    css_url = re.compile(r"""url\(\s*["']?((?:https?:)?//[^"')]+)""", re.I)
    js_url = re.compile(r"""["'`]((?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^"'`\s]*)""", re.I)
    found = []
    for path in unpacked.rglob("*"):
        rel = path.relative_to(unpacked).as_posix()
        if path.suffix == ".html":
            found += [(rel, u) for u in loading.findall(path.read_text(encoding="utf-8"))]
        elif path.suffix == ".css":
            found += [(rel, u) for u in css_url.findall(path.read_text(encoding="utf-8"))]
        elif path.suffix == ".js" and not rel.startswith("search/"):
            for url in js_url.findall(path.read_text(encoding="utf-8")):
                if url.startswith("http://www.w3.org/"):
                    continue  # XML namespace names (SVG), never fetched
                if rel.startswith(OFFICE_LIBRARIES) and url.startswith(XML_NAMESPACE_HOSTS):
                    continue
                if not any(rel.startswith(prefix) and url == allowed for prefix, allowed in ALLOWED_REMOTE):
                    found.append((rel, url))
    assert not found, found


def test_linkchecker_over_the_unpacked_copy(unpacked):
    linkchecker = Path(sys.executable).with_name("linkchecker")
    result = subprocess.run([str(linkchecker), "-f", str(CONFIG), "--no-status", (unpacked / "index.html").as_uri()],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


@pytest.fixture
def offline_page(browser, unpacked):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests
    page.home = (unpacked / "index.html").as_uri()
    yield page
    context.close()


def test_reader_uses_the_toolkit_from_file_with_no_network(offline_page):
    page = offline_page
    page.goto(page.home)
    assert page.title().startswith("Home")
    assert page.evaluate("typeof ResizeObserver") == "function"
    page.get_by_role("link", name="Module C: Managing implementation").first.click()
    page.wait_for_url("**/modules/c.html")
    page.get_by_role("link", name="7.4 Ensuring the ongoing health of the multi-stakeholder partnership").click()
    page.wait_for_url("**/steps/7.html#task-7-4")
    assert page.locator("h2#task-7-4").is_visible()
    page.get_by_role("link", name="Step 8: Measuring progress →").click()
    page.wait_for_url("**/steps/8.html")
    page.locator("aside#box-iv-6 .case-box__label a").click()
    page.wait_for_url("**/cases/iv-6.html")
    assert "NGO Forum on Cambodia" in page.locator("article").inner_text()
    page.get_by_role("link", name="Link to the guidelines").first.click()
    page.wait_for_url("**/links.html")
    page.goto(page.home.replace("index.html", "checklists/module-b.html"))
    assert page.locator(".tick input").count() > 20
    pdf = page.locator("a[href='pdf/module-b-a4.pdf']")
    assert pdf.count() == 1
    outside = [u for u in page.requests if not u.startswith("file://")]
    assert not outside, outside


def test_search_works_offline_with_highlighting(offline_page):
    page = offline_page
    hrefs = search(page, page.home.rsplit("/", 1)[0], "task 3.2")
    assert any(h.endswith("steps/3.html#task-3-2") for h in hrefs[:5]), hrefs[:10]
    page.locator(".md-search-result__item a[href*='steps/3.html'][href$='#task-3-2']").first.click()
    page.wait_for_url("**/steps/3.html*")
    assert page.locator("article mark").count() > 0  # the searched words are highlighted on the page
    outside = [u for u in page.requests if not u.startswith("file://")]
    assert not outside, outside


def test_self_assessment_works_from_the_unpacked_copy(offline_page, tmp_path):
    page = offline_page
    form = page.home.replace("index.html", "assessment/module-d.html")
    page.goto(form)
    qid = page.locator("[data-question]").first.get_attribute("data-question")
    page.locator(f"input[name='{qid}'][value='fully']").check()
    page.wait_for_function("() => document.getElementById('assessment-status').textContent.startsWith('Saved')")
    page.reload()
    assert page.locator(f"input[name='{qid}'][value='fully']").is_checked()
    page.goto(page.home.replace("index.html", "assessment/index.html"))
    with page.expect_download() as info:
        page.locator("#assessment-export-json").click()
    exported = Path(info.value.path()).read_text(encoding="utf-8")
    assert f'"{qid}"' in exported
    earlier = tmp_path / "earlier.json"
    earlier.write_text(exported.replace('"fully"', '"partly"'), encoding="utf-8")
    page.locator("#assessment-import").set_input_files(str(earlier))
    page.locator("#assessment-import-replace").click()
    page.wait_for_selector("#assessment-import-result:not([hidden])")
    assert "Replaced your answers with the 1 answer in earlier.json" in page.locator("#assessment-import-result").inner_text()
    assert page.locator("#assessment-snapshots tbody tr").count() == 1
    outside = [u for u in page.requests if not u.startswith(("file://", "blob:"))]
    assert not outside, outside
