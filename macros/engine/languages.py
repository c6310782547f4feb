"""The MkDocs side of a build in one language: Material's language and search, the language
switcher and hreflang alternates of each page, the notice about the guideline text."""
from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path
from typing import Protocol, cast

from mkdocs.config.defaults import MkDocsConfig

from macros.engine.state import Build
from macros.site import i18n, urls
from macros.site.pages import Page
from macros.site.search import stop_word_separator

# Our search worker (docs/assets/javascripts/workers/search-languages.js) cuts Thai and Chinese
# into words with zero-width spaces (as Material's build does Chinese, with jieba): every
# language but English splits on them, on Chinese punctuation, and on apostrophes (French
# "l’évaluation" holds the word "évaluation").
SEGMENTED_SEPARATOR = r"|[\u200b\u3000\-、。，．？！；'’]+"
# Languages written without spaces between words, which the worker segments. Lunr's support
# for Thai is a segmenter whose tokenizer Material replaces by its own: 660 KB loaded for nothing.
WORKER_SEGMENTED = frozenset({"th", "zh"})
LANGUAGE_SWITCH = "assets/js/language-switch.js"
# What mkdocs.yml gives each heading's permalink as its title (the toc extension): said in the
# page's language.
PERMALINK_TITLE = i18n.N_("Link to this section")


def _lunr_languages() -> Path:
    """The folder of the Lunr language support Material ships (lunr.fr.min.js...)."""
    spec = find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("mkdocs-material is not installed")
    return Path(spec.submodule_search_locations[0]) / "templates" / "assets" / "javascripts" / "lunr" / "min"


class _SearchOptions(Protocol):
    separator: str | None
    lang: list[str] | None
    pipeline: list[str] | None


class _SearchPlugin(Protocol):
    """What is read and set of Material's search plugin (an untyped package)."""

    @property
    def config(self) -> _SearchOptions: ...


def _search_plugin(config: MkDocsConfig) -> _SearchPlugin | None:
    for name, plugin in config["plugins"].items():
        if name in ("search", "material/search"):
            return cast(_SearchPlugin, plugin)
    return None


def configure(config: MkDocsConfig, build: Build) -> None:
    lang = build.language
    config["theme"]["language"] = lang.code
    toc = config["mdx_configs"].get("toc")
    if isinstance(toc, dict) and toc.get("permalink_title") == PERMALINK_TITLE:
        toc["permalink_title"] = build.translator.gettext(PERMALINK_TITLE)
    if lang.direction == "rtl":
        config["theme"]["direction"] = "rtl"
    search = _search_plugin(config)
    if search is not None:
        configure_search(search.config, lang.code)
    if len(build.languages) > 1:
        # Truthy but not a list: Material's header then includes partials/alternate.html (ours,
        # per page), while its base.html adds no <link rel="alternate"> (see page_languages).
        config["extra"]["alternate"] = True
        config["extra_javascript"].append(LANGUAGE_SWITCH)
        if config.get("site_url") and lang.prefix:
            # The language's own address, for its canonical links and its sitemap (English's
            # otherwise: a French page would name the English one as its canonical page).
            config["site_url"] = config["site_url"].rstrip("/") + "/" + lang.prefix


def configure_search(search: _SearchOptions, code: str) -> None:
    """Our separator, which keeps "3.2" in one piece, in every language, with Lunr's English stop
    words left out of queries (macros/site/search.py says why): the guideline text is English in
    every language until an official translation replaces it. A language written with spaces
    between words has Lunr's stemmer and stop words where Material ships them (French, Russian);
    the search worker gives each word of a query the same treatment as the index's."""
    separator = (search.separator or r"[\s\-]+") + stop_word_separator()
    if code == "en":
        search.separator = separator
        return
    stemmed = code not in WORKER_SEGMENTED and (_lunr_languages() / f"lunr.{code}.min.js").is_file()
    search.lang = [code] if stemmed else ["en"]
    search.pipeline = ["stemmer", "stopWordFilter"] if stemmed else ["stopWordFilter"]
    search.separator = separator + SEGMENTED_SEPARATOR


def _root_of(lang: i18n.Language, current: i18n.Language) -> str:
    """From the root of `current`'s site to the root of `lang`'s."""
    up = "../" if current.prefix else ""
    return up + lang.prefix


def page_languages(build: Build, page: Page) -> dict[str, object]:
    """Front matter for one page: its counterparts in every language built, and the notice
    about the guideline text when it is shown in English.

    The counterparts are the language switcher's links (partials/alternate.html) and, when the
    site's address is known, the sitemap's hreflang alternates (overrides/sitemap.xml). Never a
    <link rel="alternate"> in the page: Material takes each one for the home of another language
    and fetches sitemap.xml beside it (integrations/alternate in its bundle), six failed requests
    on every page (steps/sitemap.xml, fr/steps/sitemap.xml...)."""
    meta: dict[str, object] = {"language": build.language.code}
    if len(build.languages) > 1:
        root = build.site_url.rstrip("/") + "/" if build.site_url else None
        meta["alternates"] = [
            {"code": lang.code, "native": lang.native, "current": lang == build.language,
             "href": urls.relative(_root_of(lang, build.language) + page.path, page.path)
                     if lang != build.language else urls.relative(page.path, page.path),
             "url": root + lang.prefix + page.path if root else None}
            for lang in build.languages
        ]
    if build.language.code != "en":
        _ = build.translator.gettext
        meta["notice"] = {
            "text": _("This translation of the toolkit's own text was made by the toolkit and has not been reviewed "
                      "by the publishers.") + " " + _guideline_text(_covered(build, page), build.translator),
            "link": urls.relative(urls.PAGES["translations"], page.path),
            "label": _("Languages and translation status"),
        }
    return meta


def _guideline_text(statuses: set[str], tr: i18n.Translating) -> str:
    """What the notice says of the page's guideline text, from the statuses of its units."""
    _ = tr.gettext
    if statuses & {"draft", "reviewed"}:
        return _("Parts of the guideline text on this page are translations that are not official yet: each is "
                 "labelled, with its English one tap away.")
    if statuses == {"official"}:
        return _("The guideline text on this page is an official translation.")
    if "official" in statuses:
        return _("Parts of the guideline text on this page are an official translation; the rest is shown in "
                 "English, the language of the publication.")
    return _("The guideline text is shown in English, the language of the publication: its publishers have not "
             "published a translation.")


def _covered(build: Build, page: Page) -> set[str]:
    """The statuses of the units of the page's file of guideline text ('english' for those not translated)."""
    ctx = page.context
    for key, kind in (("case", "case"), ("chapter", "chapter"), ("module", "module")):
        unit = ctx.get(key)
        if unit is not None and hasattr(unit, "id"):
            return build.translation.owners.get(f"{kind}:{unit.id}", set())
    return set()


def prune_search_languages(config: MkDocsConfig) -> list[Path]:
    """Material copies the search support of every language into every site (Thai's word
    segmenter alone is 660 KB); keep only what this site's search languages load, so that the
    offline ZIPs stay within their budget. Returns the files removed."""
    from pathlib import Path

    search = _search_plugin(config)
    langs = set(search.config.lang or []) if search is not None else set()
    folder = Path(config["site_dir"]) / "assets" / "javascripts" / "lunr"
    keep = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"} | {f"lunr.{lang}.min.js" for lang in langs}
    if "ja" in langs:
        keep.add("tinyseg.js")
    if "th" in langs:
        keep.add("wordcut.js")
    removed = []
    for path in sorted(folder.rglob("*.js")) if folder.is_dir() else []:
        if path.name not in keep:
            path.unlink()
            removed.append(path)
    return removed
