"""Shared fixtures: the content, one built site per test run, a local web server, a browser.

The site is built once without a browser; only tests that need the printed PDF pack ask for
`printed_site`, so tests that read HTML never wait for Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hostile import plant_in_catalogues, plant_in_every_text, plant_titles
from shared_build import build_once

from macros.content.load import load
from macros.engine.languages_build import build_all
from macros.project import ROOT
from macros.site import i18n

# Every browser test fails on an uncaught error in any page it opened (tests/page_errors.py).
pytest_plugins = ["page_errors", "pytester"]


def mkdocs_build(site_dir: Path, content_dir: Path | None = None,
                 catalogues_dir: Path | None = None) -> subprocess.CompletedProcess:
    """`catalogues_dir`: another copy of translations/ (the gettext catalogues)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if content_dir is not None:
        env["GUIDELINES_CONTENT"] = str(content_dir)
    if catalogues_dir is not None:
        env["GUIDELINES_CATALOGUES"] = str(catalogues_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def content():
    return load(ROOT / "content")


def _build_site(folder: Path) -> dict:
    result = mkdocs_build(folder)
    return {"returncode": result.returncode, "output": f"{result.stdout}\n{result.stderr}"}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site's pages, built once for the whole run (by one worker of several), as
    `make build` builds them."""
    out, record = build_once(tmp_path_factory, "site", _build_site)
    assert record["returncode"] == 0, f"mkdocs build failed:\n{record['output']}"
    return out


@pytest.fixture(scope="session")
def printed_site(site, content, browser, tmp_path_factory) -> Path:
    """The built site with the checklists' PDF pack printed into it, as `make build` leaves it."""
    from macros.outputs.pdf import print_pack

    def print_into(_folder: Path) -> dict:
        return {"written": [p.name for p in print_pack(site, content.checklists, browser)]}

    build_once(tmp_path_factory, "pdf-pack", print_into)
    return site


def _build_hostile(folder: Path) -> dict:
    copies = folder.parent / "hostile-sources"
    shutil.rmtree(copies, ignore_errors=True)
    content, catalogues = copies / "content", copies / "translations"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(ROOT / "translations", catalogues)
    plant_titles(content)
    plant_in_every_text(content)
    plant_in_catalogues(catalogues)
    os.environ["GUIDELINES_CATALOGUES"] = str(catalogues)
    try:
        results = build_all(folder, content_dir=content)
    finally:
        del os.environ["GUIDELINES_CATALOGUES"]
    return {code: {"returncode": r.returncode, "output": r.stdout + r.stderr} for code, r in results}


@pytest.fixture(scope="session")
def hostile_languages(tmp_path_factory) -> Path:
    """Every language built from copies of the content and catalogues with hostile text in every
    text field and every translated string (tests/hostile.py); English at the root."""
    site, results = build_once(tmp_path_factory, "hostile-languages", _build_hostile)
    failed = {code: r["output"][-3000:] for code, r in results.items() if r["returncode"]}
    assert not failed, failed
    assert sorted(results) == sorted(lang.code for lang in i18n.catalogue_languages())
    return site


# The address the published site is given (the deploy workflow sets SITE_URL to its own).
PUBLISHED_URL = "https://example.org/partnering-guidelines/"


def _build_every_language(folder: Path) -> dict:
    from macros.engine.languages_build import build_all

    return {code: {"returncode": r.returncode, "output": f"{r.stdout}\n{r.stderr}"}
            for code, r in build_all(folder, site_url=PUBLISHED_URL)}


@pytest.fixture(scope="session")
def full_site(tmp_path_factory) -> Path:
    """The site as it is published: every language (English at the root, the others under
    <lang>/, each page with the language menu), built once for the run. `site` is English alone,
    without the menu, and hid what the menu does to a phone's screen and to the network."""
    out, record = build_once(tmp_path_factory, "full-site", _build_every_language)
    failed = {code: r["output"] for code, r in record.items() if r["returncode"]}
    assert not failed, failed
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(site):
    yield from _serve(site)


@pytest.fixture(scope="session")
def full_server(full_site):
    yield from _serve(full_site)


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright):
    from macros.outputs.browser import launch

    b = launch(playwright)
    yield b
    b.close()


@pytest.fixture(params=["http", "file"])
def base(request, server, site):
    """The site's address, over a local web server and from file:// (as the offline copy)."""
    return server if request.param == "http" else site.as_uri()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is one that does not run on a fresh clone: the run fails instead."""
    if _skipped and exitstatus == 0:
        print(f"\n{len(_skipped)} test(s) skipped; every test must run anywhere: {', '.join(_skipped[:5])}")
        session.exitstatus = 1
