"""The content and renderer of the build in progress, shared by the hooks and the macros.

One build is one language: GUIDELINES_LANGUAGE (default English) names it, and
GUIDELINES_LANGUAGES the languages built beside it (`python -m macros build` sets both; a
plain `mkdocs build` is the English site alone, with no language switcher)."""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..content import overlay
from ..content.load import Content, load
from ..project import CONTENT, build_date, version
from ..site import catalogue_check, i18n
from ..site.pages import Page, pages
from ..site.render import Renderer


@dataclass
class Build:
    content: Content
    renderer: Renderer
    pages: list[Page]
    language: i18n.Language = i18n.ENGLISH.language
    languages: list[i18n.Language] = field(default_factory=list)      # every language built beside this one
    translator: i18n.Translator = field(default_factory=lambda: i18n.Translator(i18n.ENGLISH.language))
    official: set = field(default_factory=set)         # units an official translation replaced
    site_url: str | None = None                        # SITE_URL: the address of the English site

    @functools.cached_property
    def sources(self) -> set[str]:
        """The generated pages' Markdown files (docs/ may hold hand-written ones too)."""
        return {page.source for page in self.pages}

    def page(self, path: str) -> Page:
        for page in self.pages:
            if page.path == path:
                return page
        raise KeyError(f"no page {path!r}")


current: Build | None = None


def overlay_root(content_root: Path) -> Path:
    return Path(os.environ.get("GUIDELINES_TRANSLATIONS", content_root / "translations"))


def start(site_url: str | None = None) -> Build:
    """Load the content: from GUIDELINES_CONTENT if set (tests build broken copies), else content/.
    Every language's catalogue is checked first (a CatalogueError), whichever language this
    build is: a bad translation stops every build before anything is written."""
    global current
    catalogue_check.check()
    root = Path(os.environ.get("GUIDELINES_CONTENT", CONTENT))
    content = load(root)
    known = {lang.code: lang for lang in i18n.all_languages(overlay_root(root))}
    code = os.environ.get("GUIDELINES_LANGUAGE", i18n.SOURCE)
    if code not in known:
        raise ValueError(f"GUIDELINES_LANGUAGE={code!r}: not in translations/languages.yml nor an official translation")
    codes = [c.strip() for c in os.environ.get("GUIDELINES_LANGUAGES", code).split(",") if c.strip()]
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ValueError(f"GUIDELINES_LANGUAGES names unknown languages: {', '.join(unknown)}")
    language = known[code]
    content, official = overlay.apply(content, overlay_root(root), code)
    tr = i18n.translator(language)
    renderer = Renderer(content, site_url=site_url, tr=tr, overlay_root=overlay_root(root))
    offline = os.environ.get("GUIDELINES_OFFLINE") == "1"
    renderer.helpers.update(
        offline_copy={"version": version(), "date": build_date()} if offline else None,
        download=None if offline else offline_zip(os.environ.get("GUIDELINES_OFFLINE_ZIP")),
    )
    # A site of one language has it at its root (an offline ZIP); beside English it is under <lang>/,
    # and the PDF pack is printed once, from the English pages.
    pdf_root = "../" if language.prefix and len(codes) > 1 else ""
    current = Build(content, renderer, pages(content, site_url, tr.gettext, pdf_root, tr.data),
                    language, [known[c] for c in codes], tr, official, site_url)
    return current


def offline_zip(name: str | None) -> dict[str, object] | None:
    """The offline ZIP named by GUIDELINES_OFFLINE_ZIP (`make build` builds it first and names
    it), which the site then serves from downloads/ with its size and date. Named explicitly, so
    that no other build picks up a stale ZIP from dist/. The offline copy cannot contain itself."""
    if not name:
        return None
    path = Path(name).resolve()
    if not path.is_file():
        raise FileNotFoundError(f"GUIDELINES_OFFLINE_ZIP={name}: no such file (run `make offline` first)")
    checksum = path.with_name(path.name + ".sha256")
    return {
        "source": path, "href": f"downloads/{path.name}", "name": path.name, "version": version(),
        "megabytes": f"{path.stat().st_size / 1024 / 1024:.1f}",
        "date": datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat(),
        "checksum": checksum if checksum.is_file() else None,
    }
