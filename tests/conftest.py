"""Shared fixtures: the content, one built site per test run, a local web server, a browser.

The site is built once without a browser; only tests that need the printed PDF pack ask for
`printed_site`, so tests that read HTML never wait for Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from macros.content.load import load
from macros.project import ROOT


def mkdocs_build(site_dir: Path, content_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if content_dir is not None:
        env["GUIDELINES_CONTENT"] = str(content_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def content():
    return load(ROOT / "content")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site's pages, built once for the whole run, as `make build` builds them."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(out)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def printed_site(site, content, browser) -> Path:
    """The built site with the checklists' PDF pack printed into it, as `make build` leaves it."""
    from macros.outputs.pdf import print_pack

    print_pack(site, content.checklists, browser)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


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


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def pytest_collection_modifyitems(config, items):
    """The fidelity tests compare with the publication's source text, which lives outside the
    repository (shared/source/). Without it they cannot run: in CI that is a failure, elsewhere
    a skip that says where to put it."""
    import fidelity

    if fidelity.SOURCE.is_file():
        return
    message = (f"source text not found: put it at {fidelity.SOURCE} or set GUIDELINES_SOURCE "
               "to partnering-for-sustainable-development-2018.txt")
    if os.environ.get("CI"):
        raise pytest.UsageError(message)
    for item in items:
        if "fidelity" in item.keywords or item.module.__name__ == "test_fidelity" or item.name.startswith("test_every_sentence") \
                or item.name in ("test_figure_labels_of_tasks_are_the_figures_own",):
            item.add_marker(pytest.mark.skip(reason=message))
