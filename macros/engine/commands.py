"""Several sites from one mkdocs.yml, in one process, for the command line (macros/__main__.py).

- `offline`: each language's offline site (the language alone at the site's root, saying that
  it is the offline copy, linking no ZIP), its checklists' PDF pack, zipped into the folder
  the `downloads` option names (dist/): one ZIP per language.
- `build_site`: the ZIPs, then the site exactly as `mkdocs build` makes it (every language, each
  linking its ZIP), then its PDF packs, one per language; the site folder is replaced only when
  all of it is done.

Each site is a plain MkDocs build of the configuration, with the `guidelines` plugin's options
set as a mkdocs.yml would set them, and all share one Project: the content and catalogues are
read and checked once, however many sites are built."""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from playwright.sync_api import Browser, sync_playwright

from ..outputs.browser import launch
from ..outputs.offline import BUDGET_BYTES, make_zip, zip_name
from ..outputs.pdf import print_pack, print_packs
from ..outputs.webapp import refresh_keep_list
from ..site import i18n, workshops
from . import settings
from .plugin import GuidelinesPlugin
from .state import Project


def project_of(config_file: Path) -> Project:
    """The project a mkdocs.yml names, read and checked (raises ContentError)."""
    return Project.load(settings.Paths.of(settings.read(config_file)))


def configured(config_file: Path, site_dir: Path, project: Project | None = None, **options: object) -> MkDocsConfig:
    """The configuration of one site: `options` in place of the `guidelines` plugin's in the
    file (`languages=["fr"], offline=True`; folders as absolute paths), as if it said them."""
    config = load_config(str(config_file), site_dir=str(site_dir))
    plugin = config.plugins.get(settings.PLUGIN)
    if not isinstance(plugin, GuidelinesPlugin):
        raise SystemExit(f"{config_file}: no `{settings.PLUGIN}` plugin in `plugins:`")
    for name, value in options.items():
        if name not in plugin.config:
            raise TypeError(f"the {settings.PLUGIN} plugin has no option {name!r}")
        plugin.config[name] = str(value) if isinstance(value, Path) else value
    plugin.project = project
    return config


def _offline_dir(work: Path, code: str) -> Path:
    return work / ("offline-site" if code == i18n.SOURCE else f"offline-site-{code}")


def offline_site(config_file: Path, code: str, site_dir: Path, project: Project | None = None) -> None:
    """One language's offline site (MkDocs replaces site_dir only when it succeeds)."""
    mkdocs_build(configured(config_file, site_dir, project, languages=[code], offline=True))


@contextmanager
def _browser(given: Browser | None) -> Iterator[Browser]:
    if given is not None:
        yield given
        return
    with sync_playwright() as p:
        own = launch(p)
        try:
            yield own
        finally:
            own.close()


def offline(config_file: Path, codes: list[str] | None = None, project: Project | None = None,
            browser: Browser | None = None) -> int:
    """One ZIP per language (every language with a catalogue unless `codes` names some), each the
    offline site with its own PDF pack; 1 if one is over its size budget."""
    project = project or project_of(config_file)
    paths = project.paths
    codes = codes or [lang.code for lang in i18n.catalogue_languages(paths.catalogues)]
    work = config_file.resolve().parent / "build"
    failed = 0
    with _browser(browser) as chromium:
        for code in codes:
            site_dir = _offline_dir(work, code)
            offline_site(config_file, code, site_dir, project)
            print_pack(site_dir, project.content.checklists, chromium)
            package = make_zip(project.content, site_dir, paths.downloads, zip_name(code), code,
                               paths.catalogues, paths.templates)
            print(f"{package.zip_path}: {package.files} files, {package.size / 1024 / 1024:.2f} MB "
                  f"(budget {BUDGET_BYTES / 1024 / 1024:.0f} MB); SHA-256 {package.checksum_path.read_text().split()[0]}")
            if not package.within_budget:
                print(f"error: {package.zip_path.name} is over its size budget of {BUDGET_BYTES} bytes")
                failed += 1
    return 1 if failed else 0


def _published_packs(config_file: Path, site_dir: Path, project: Project, chromium: Browser) -> None:
    """Each language's PDF pack into its folder of the published site. A language with an offline
    copy had its pack printed from that copy's checklist pages minutes before: the same template,
    content, catalogue and printed address (its screen-only parts differ, which print leaves
    out), so it is copied rather than printed twice; any other language is printed here."""
    work = config_file.resolve().parent / "build"
    to_print = []
    for code in project.codes([]):
        folder = site_dir / project.language(code).prefix
        printed = _offline_dir(work, code) / "checklists" / "pdf"
        if code != i18n.SOURCE and printed.is_dir():
            for sub in ("checklists/pdf", workshops.PDF_DIR):
                shutil.copytree(_offline_dir(work, code) / sub, folder / sub, dirs_exist_ok=True)
        else:
            to_print.append(folder)
    print_packs(to_print, project.content.checklists, chromium)
    for code in project.codes([]):
        # Each language's "keep on this device" list names its PDFs too (macros/outputs/webapp.py).
        refresh_keep_list(site_dir / project.language(code).prefix)


def build_site(config_file: Path, site_dir: Path) -> int:
    """What `make build` makes: the offline ZIPs first (so that the download pages can link
    them, with their size and date), then the site of `mkdocs build`, then its PDF pack."""
    project = project_of(config_file)
    staged = site_dir.with_name(f".{site_dir.name}.building-pdfs-{os.getpid()}")
    try:
        with _browser(None) as chromium:
            if offline(config_file, project=project, browser=chromium):
                return 1
            mkdocs_build(configured(config_file, staged, project))
            _published_packs(config_file, staged, project, chromium)
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        if site_dir.exists():
            site_dir.rename(old)
        staged.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(staged, ignore_errors=True)
