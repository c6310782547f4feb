"""Shared fixtures: the content, the sites built once per test run, a local web server, a browser.

Each site is built once without a browser; only tests that need the printed PDF pack ask for
`printed_site`, so tests that read HTML never wait for Chromium. The builds are the run's
biggest cost, so there are four, each a plain `mkdocs build` of a configuration
(mkdocs_config.py): `site` (English alone), `full_site` (every language, as published, with
the test overlay of an official translation), `hostile_languages` (a copy of the repository
with hostile text) and `offline_sites` (each language's offline copy)."""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import plant_in_catalogues, plant_in_every_text, plant_titles
from mkdocs_config import copy_repository, mkdocs, write_config
from shared_build import Build, build_if_free, build_once, shared_root, start_early, wait_for_early_builds

from macros.content.load import load
from macros.project import ROOT
from macros.site import i18n

# Every browser test fails on an uncaught error in any page it opened (tests/page_errors.py).
pytest_plugins = ["page_errors", "pytester", "catalogue_copies", "content_copies"]

# The test overlay: an Urdu, right-to-left stand-in for an official translation of box IV.1.
TEST_OVERLAY = ROOT / "tests" / "fixtures" / "translations"


def mkdocs_build(site_dir: Path, content_dir: Path | None = None, catalogues_dir: Path | None = None,
                 **options: object) -> subprocess.CompletedProcess:
    """`mkdocs build` of the repository's configuration with other folders: `content_dir` a copy
    of content/, `catalogues_dir` of translations/ (the gettext catalogues), `options` other
    options of the guidelines plugin. English alone unless `languages` says otherwise: the
    builds of every language are the shared ones below."""
    options = {"languages": ["en"], **options}
    if content_dir is not None:
        options["content"] = content_dir
    if catalogues_dir is not None:
        options["catalogues"] = catalogues_dir
    config = write_config(site_dir.parent / f"mkdocs-{site_dir.name}.yml", **options)
    return mkdocs(config, site_dir)


@pytest.fixture(scope="session")
def content():
    return load(ROOT / "content")


def _build_site(folder: Path) -> dict:
    result = mkdocs_build(folder)
    return {"returncode": result.returncode, "output": f"{result.stdout}\n{result.stderr}"}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site's pages in English alone (no language menu), built once for the whole run (by one
    worker of several). The browser tests of every page use it; the menu and the other
    languages are `full_site`'s."""
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
    copy = folder.parent / "hostile-repository"
    config = copy_repository(copy)
    plant_titles(copy / "content")
    plant_in_every_text(copy / "content")
    plant_in_catalogues(copy / "translations")
    # Run in the copy, as its owner would: the Python is this virtual environment's package.
    result = mkdocs(config, folder, cwd=copy)
    return {"returncode": result.returncode, "output": result.stdout + result.stderr, "config": str(config)}


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory) -> tuple[Path, dict]:
    """A copy of the repository with hostile text in every text field of its content and every
    translated string of its catalogues (tests/hostile.py), built by a plain `mkdocs build -f
    <copy>/mkdocs.yml`: every language, English at the root. The site and how the build went."""
    return build_once(tmp_path_factory, "hostile-languages", _build_hostile)


@pytest.fixture(scope="session")
def hostile_languages(hostile_build) -> Path:
    site, record = hostile_build
    assert record["returncode"] == 0, record["output"][-3000:]
    return site


# The address the published site is given (the deploy workflow sets SITE_URL to its own).
PUBLISHED_URL = "https://example.org/partnering-guidelines/"


# What `make offline` left in the full build's downloads folder: English's ZIP of this version
# (1.5 MB of zeros) and its checksum; ZIPs of another version, English's and French's. French
# has none of this version: its download page must link none and say how to make one.
FULL_SITE_DOWNLOADS = {"en": 1536 * 1024}


def _downloads(dist: Path) -> Path:
    from macros.outputs.offline import zip_name

    dist.mkdir(parents=True)
    for code, size in FULL_SITE_DOWNLOADS.items():
        package = dist / zip_name(code)
        package.write_bytes(b"PK" + b"\0" * size)
        (dist / (package.name + ".sha256")).write_text(f"{'0' * 64}  {package.name}\n")
    (dist / "partnering-guidelines-offline-0.0.1.zip").write_bytes(b"PK")
    (dist / "partnering-guidelines-offline-0.0.1-fr.zip").write_bytes(b"PK")
    return dist


def _build_every_language(folder: Path) -> dict:
    config = write_config(folder.parent / "full-site.mkdocs.yml", site_url=PUBLISHED_URL, official_translations=TEST_OVERLAY,
                          downloads=_downloads(folder.parent / "full-site-dist"))
    result = mkdocs(config, folder)
    return {"returncode": result.returncode, "output": f"{result.stdout}\n{result.stderr}"}


@pytest.fixture(scope="session")
def full_build(tmp_path_factory) -> tuple[Path, dict]:
    """The site as it is published (SITE_URL set): every language, English at the root and the
    others under <lang>/, each page with the language menu; with the test overlay of an official
    translation too (TEST_OVERLAY), which adds Urdu. One build for the run serves the tests of
    the published site and those of the languages (tests/build/test_i18n.py, tests/browser/test_languages_in_the_browser.py): the site and the
    build's return code and output."""
    return build_once(tmp_path_factory, "full-site", _build_every_language)


@pytest.fixture(scope="session")
def full_site(full_build) -> Path:
    """`site` is English alone, without the menu, and hid what the menu does to a phone's screen
    and to the network: the tests of every language use this one."""
    out, record = full_build
    assert record["returncode"] == 0, record["output"][-5000:]
    return out


OFFLINE_LANGUAGES = [lang.code for lang in i18n.catalogue_languages()]


def _build_offline_sites(folder: Path) -> dict:
    """In one process, as `python -m macros offline` builds them (without the PDF packs and the
    ZIPs, which the tests that need them make): the content is read once for all six."""
    config = write_config(folder.parent / "offline-sites.mkdocs.yml")
    script = ("import sys; from pathlib import Path; from macros.engine.commands import offline_site, project_of\n"
              "config = Path(sys.argv[1]); project = project_of(config)\n"
              "for code in sys.argv[3:]: offline_site(config, code, Path(sys.argv[2]) / code, project)\n")
    result = subprocess.run([sys.executable, "-c", script, str(config), str(folder), *OFFLINE_LANGUAGES],
                            capture_output=True, text=True, cwd=ROOT)
    return {"returncode": result.returncode, "output": result.stdout + result.stderr}


@pytest.fixture(scope="session")
def offline_sites(tmp_path_factory) -> dict[str, Path]:
    """Each language's offline copy (the language alone at the root, no language menu, saying it
    is the offline copy), built once for the run: its folder by language."""
    folder, record = build_once(tmp_path_factory, "offline-sites", _build_offline_sites)
    assert record["returncode"] == 0, record["output"][-3000:]
    return {code: folder / code for code in OFFLINE_LANGUAGES}


def _zip_languages(offline: Path, content) -> Build:
    """Each language's ZIP of its offline site in `offline`, as `make offline` zips it (without the
    PDF pack, which the tests that use it do not touch), unpacked into an awkward folder."""
    from macros.outputs.offline import make_zip, zip_name

    def build(folder: Path) -> dict:
        unpacked = folder / "Field office – Dhaka Bản sao 文件"
        out = {}
        for code in OFFLINE_LANGUAGES:
            package = make_zip(content, offline / code, folder / "dist", zip_name(code), code)
            with zipfile.ZipFile(package.zip_path) as archive:
                top = archive.namelist()[0].split("/")[0]
                archive.extractall(unpacked / code)
            out[code] = str(unpacked / code / top)
        return out

    return build


@pytest.fixture(scope="session")
def language_copies(content, offline_sites, tmp_path_factory) -> dict[str, Path]:
    """Each language's ZIP, unpacked (_zip_languages), once for the run: the copy by language."""
    _, record = build_once(tmp_path_factory, "offline-languages", _zip_languages(shared_root(tmp_path_factory) / "offline-sites", content))
    return {code: Path(path) for code, path in record.items()}


def _early_builds(tmp_path_factory, fixtures: set[str]) -> list[Callable[[], None]]:
    """The shared builds that tests using `fixtures` will ask for (each fixture's dependencies are
    among them), as jobs to start before the first test. The offline sites come after the full
    build, whose Word and Excel files of each language they find kept (office.write_blank), where
    side by side both would make them; the ZIPs come after the offline sites, from ones that built."""
    def job(name: str, build: Build) -> Callable[[], None]:
        return functools.partial(build_if_free, tmp_path_factory, name, build)

    def offline_then_zips() -> None:
        folder, record = build_once(tmp_path_factory, "offline-sites", _build_offline_sites)
        if record["returncode"] == 0 and "language_copies" in fixtures:
            build_if_free(tmp_path_factory, "offline-languages", _zip_languages(folder, load(ROOT / "content")))

    jobs = [job(name, build) for fixture, name, build in (("site", "site", _build_site), ("hostile_build", "hostile-languages", _build_hostile))
            if fixture in fixtures]
    offline = "offline_sites" in fixtures   # language_copies' too
    if "full_build" in fixtures and offline:
        # Waits for the full build when another worker makes it, so the offline sites come after it.
        jobs.append(lambda: (build_once(tmp_path_factory, "full-site", _build_every_language), offline_then_zips()))
    elif "full_build" in fixtures:
        jobs.append(job("full-site", _build_every_language))
    elif offline:
        jobs.append(offline_then_zips)
    return jobs


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


@pytest.fixture(scope="session")
def bfcache_browser(playwright):
    """The full Chromium with its back-forward cache on, for tests of the Back button as people
    meet it; one per worker, as launching it costs more than most such tests."""
    from macros.outputs.browser import launch

    b = launch(playwright, back_forward_cache=True)
    yield b
    b.close()


@pytest.fixture(params=["http", "file"])
def base(request, server, site):
    """The site's address, over a local web server and from file:// (as the offline copy)."""
    return server if request.param == "http" else site.as_uri()


# The randomised two-tab tests take most of a run's time: in `make test` each runs over one way
# in (the tools' deterministic tests cover both), and over both in the long run (TESTING.md).
LONG_RUN = bool(os.environ.get("DATA_LAYER_STEPS"))


def one_way_in(default: str) -> pytest.MarkDecorator:
    """Parametrizes `base` with `default` alone ("http" or "file"), or both in the long run."""
    return pytest.mark.parametrize("base", ["http", "file"] if LONG_RUN else [default], indirect=True)


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


# The kinds of test (TESTING.md), each a folder and a marker: `pytest -m unit` runs in seconds
# with no site and no browser. A test is refused where its fixtures say it belongs elsewhere.
BROWSER_FIXTURES = {"browser", "bfcache_browser", "playwright", "page", "context", "base", "server", "full_server", "printed_site"}
BUILD_FIXTURES = {"site", "full_site", "full_build", "hostile_build", "hostile_languages", "offline_sites", "language_copies"}
ALLOWED = {"unit": set(), "build": BUILD_FIXTURES, "browser": BUILD_FIXTURES | BROWSER_FIXTURES}


def pytest_collection_modifyitems(items):
    for item in items:
        kind = item.path.parent.name
        if kind not in ALLOWED:
            raise pytest.UsageError(f"{item.path}: a test belongs in tests/unit, tests/build or tests/browser (TESTING.md)")
        misplaced = set(getattr(item, "fixturenames", ())) & (BROWSER_FIXTURES | BUILD_FIXTURES) - ALLOWED[kind]
        if misplaced:
            raise pytest.UsageError(f"{item.nodeid}: uses {', '.join(sorted(misplaced))}, so it belongs in "
                                    f"tests/{'browser' if misplaced & BROWSER_FIXTURES else 'build'}, not tests/{kind}")
        item.add_marker(kind)


_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_collection_finish(session):
    """Starts the shared builds the collected tests need, so that no test waits for one that
    could have been made meanwhile; a run of unit tests, or of one file, starts no other."""
    if session.config.option.collectonly or not session.items:
        return
    fixtures = {name for item in session.items for name in getattr(item, "fixturenames", ())}
    factory = session.config._tmp_path_factory
    factory.getbasetemp()   # made here, once: the threads making it at once would collide
    start_early(_early_builds(factory, fixtures))


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is one that does not run on a fresh clone: the run fails instead."""
    wait_for_early_builds()   # a run stopped early (-x) leaves no build writing after it
    if _skipped and exitstatus == 0:
        print(f"\n{len(_skipped)} test(s) skipped; every test must run anywhere: {', '.join(_skipped[:5])}")
        session.exitstatus = 1
