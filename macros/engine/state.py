"""What a build knows: the project every language shares, and the build of one language.

A `Project` is read and checked once per `mkdocs build`, however many languages it builds:
the catalogues are checked, the content loaded and checked, and every official translation
laid over it and checked, before anything is written (a bad translation stops the whole build,
not its own language after the others are out). Each language is then one `Build`, held by
the plugin instance of its own MkDocs configuration (macros/engine/plugin.py): nothing here is
a module global, so that the languages built in one process cannot see each other's state."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..content import overlay
from ..content.load import Content, load
from ..outputs.offline import zip_name
from ..project import build_date, version
from ..site import catalogue_check, csp, i18n
from ..site.pages import Page, pages
from ..site.render import Renderer
from ..site.templates import CompiledInMemory
from ..site.views import DownloadFacts, OfflineCopy, SiteData
from .first_paint import FirstPaint
from .settings import Paths


@dataclass
class Build:
    content: Content
    renderer: Renderer
    pages: list[Page]
    language: i18n.Language
    languages: list[i18n.Language]         # every language built beside this one (itself included)
    translator: i18n.Translator
    trust: csp.Trusted                     # the inline code this build's templates wrote
    translation: overlay.Translation = field(default_factory=overlay.Translation)   # what an official translation replaced
    site_url: str | None = None            # the address of the English site (SITE_URL)
    download: Download | None = None       # the offline ZIP the download page links

    @functools.cached_property
    def sources(self) -> set[str]:
        """The generated pages' Markdown files (docs/ may hold hand-written ones too)."""
        return {page.source for page in self.pages}

    def page(self, path: str) -> Page:
        for page in self.pages:
            if page.path == path:
                return page
        raise KeyError(f"no page {path!r}")


@dataclass(frozen=True)
class Download:
    """An offline ZIP found in the downloads folder, which the site serves from downloads/."""

    source: Path
    checksum: Path | None

    def facts(self) -> DownloadFacts:
        """What the download page shows of it (templates/pages/download.md)."""
        size = self.source.stat()
        return DownloadFacts(href=f"downloads/{self.source.name}", name=self.source.name, version=version(),
                             megabytes=f"{size.st_size / 1024 / 1024:.1f}",
                             date=datetime.fromtimestamp(size.st_mtime, UTC).date().isoformat(),
                             checksum=self.checksum)


def find_download(folder: Path, code: str) -> Download | None:
    """This version's ZIP of the language in `folder` (`make offline` leaves them in dist/), or
    None: the page then says how to make one. A language whose ZIP is missing links none, never
    another language's. (A ZIP of this version built from older content is still linked: the
    version names what a field office has.)"""
    path = folder / zip_name(code)
    if not path.is_file():
        return None
    checksum = path.with_name(path.name + ".sha256")
    return Download(path, checksum if checksum.is_file() else None)


@dataclass
class Project:
    """The content and catalogues of one mkdocs.yml, shared by every language built from it."""

    paths: Paths
    content: Content
    languages: list[i18n.Language]                      # every language there is: catalogues', then official-only
    overlaid: dict[str, tuple[Content, overlay.Translation]]   # per language: the content with its official translation
    # The theme's templates, compiled once for every language (the theme is the same for all).
    theme_code: CompiledInMemory = field(default_factory=CompiledInMemory)
    # The stylesheets each page's first paint is chosen from, read once for every language.
    first_paint: FirstPaint = field(default_factory=FirstPaint)

    @classmethod
    def load(cls, paths: Paths) -> Project:
        """Raises ContentError (CatalogueError, LanguageListError) with every problem found."""
        catalogue_check.check(paths.catalogues)
        content = load(paths.content)
        languages = i18n.all_languages(paths.official_translations, paths.catalogues)
        overlaid = {lang.code: overlay.apply(content, paths.official_translations, lang.code) for lang in languages}
        return cls(paths, content, languages, overlaid)

    def language(self, code: str) -> i18n.Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise ValueError(f"{code!r} is not a language of this project: not in {self.paths.catalogues}/languages.yml "
                         f"nor an official translation in {self.paths.official_translations}")

    def codes(self, wanted: list[str]) -> list[str]:
        """The languages to build (every one if none is named), English first: more than one
        language is English at the root and the others under <code>/, and needs English."""
        codes = list(dict.fromkeys(wanted)) or [lang.code for lang in self.languages]
        for code in codes:
            self.language(code)
        if len(codes) > 1 and i18n.SOURCE not in codes:
            raise ValueError(f"languages {codes}: several languages are built beside English, at the site's root; "
                             f"add {i18n.SOURCE!r}, or build one language alone")
        return sorted(codes, key=lambda code: code != i18n.SOURCE)

    def build(self, code: str, codes: list[str], site_url: str | None, offline: bool) -> Build:
        """The build of one language; `codes`: every language built beside it."""
        language = self.language(code)
        content, translation = self.overlaid[code]
        tr = i18n.translator(language, self.paths.catalogues)
        trust = csp.Trusted()
        # The offline copy cannot contain itself: it says what it is instead of linking a ZIP.
        download = None if offline else find_download(self.paths.downloads, code)
        site = SiteData(content, tr, self.paths.official_translations, self.paths.catalogues,
                        offline_copy=OfflineCopy(version(), build_date()) if offline else None,
                        download=download.facts() if download else None, translation=translation)
        renderer = Renderer(site, self.paths.templates, trust)
        # The language's folder in the published site, for the addresses printed checklists give,
        # also when it is built alone (its offline copy: the same PDFs, macros/engine/commands.py).
        return Build(content, renderer, pages(content, site_url, tr, language.prefix), language,
                     [self.language(c) for c in codes], tr, trust, translation, site_url, download)
