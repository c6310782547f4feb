"""MkDocs hooks: load and validate the content, add one generated page per entry, write guidelines.json.

One build is one language (macros/engine/state.py); `python -m macros build` runs one per
language, English into the site root and the others into <lang>/ (macros/engine/languages.py)."""
from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from macros.content.reader import ContentError
from macros.engine import headings_only, state
from macros.engine.languages import configure, page_languages, prune_search_languages
from macros.engine.search_index import add_search_keywords
from macros.engine.staging import Staging
from macros.outputs.guidelines_json import guidelines_json
from macros.outputs.office import write_blank
from macros.project import build_date, version
from macros.site import csp
from macros.site.assessment import model_script
from macros.site.i18n import fill
from macros.site.pages import ASSESSMENT_MODEL, NavEntry, nav

_stood_in: dict[str, str] = {}


def _for_theme(text: str) -> str:
    """Text handed to the theme. MkDocs renders its templates without autoescape, and Material
    prints titles, the description and the copyright as HTML, in elements and in attributes
    (`<meta name="description" content="...">`): so all of it is escaped here, quotes included."""
    return html.escape(text, quote=True)


def _stand_in(text: str) -> str:
    """A title as MkDocs needs it: escaped for the theme; and mkdocs-macros renders a page title
    holding "{{", "{%" or "{#" as a template, so titles reach it without "{" and
    on_page_markdown gives each page its real title back afterwards."""
    title = _for_theme(text)
    if "{" not in title:
        return title
    stand_in = title.replace("{", "(")
    _stood_in[stand_in] = title
    return stand_in


def _nav_config(entries: list[NavEntry]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for title, value in entries:
        out.append({_stand_in(title): _nav_config(value) if isinstance(value, list) else value})
    return out


staging: Staging | None = None


def _build() -> state.Build:
    """The build on_config started (MkDocs calls the other hooks after it)."""
    if state.current is None:
        raise PluginError("no build in progress: on_config has not run")
    return state.current


def _staging() -> Staging:
    if staging is None:
        raise PluginError("no build in progress: on_config has not run")
    return staging


# Before the search plugin's own on_config, which reads the language it indexes for.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global staging
    csp.trusted = csp.Trusted()
    try:
        build = state.start(config.get("site_url") or None)
    except (ContentError, ValueError) as exc:
        # Stop before anything is written: a half-built site must never be published.
        raise PluginError(exc.report() if isinstance(exc, ContentError) else str(exc)) from None
    configure(config, build)
    # The previous site stays whole until this build has succeeded (see staging.py).
    staging = Staging(Path(config["site_dir"]).resolve())
    config["site_dir"] = staging.start()
    _ = build.translator.gettext
    config["nav"] = _nav_config(nav(build.content, build.pages, _, build.translator.data))
    pub = build.content.publication
    # The version and date let a field office tell whether its offline copy is current.
    config["copyright"] = _for_theme(fill(_(
        "{copyright}. Reproduced for non-commercial use with full acknowledgement of the source: "
        "{title}: {subtitle} (UNU-IAS and ESCAP, 2018). Toolkit version {version}, built {date}."
    ), copyright=" · ".join(pub.copyright), title=pub.title, subtitle=pub.subtitle, version=version(), date=build_date()))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _build()
    files.append(File.generated(config, ASSESSMENT_MODEL, content=model_script(build.content, build.translator)))
    for page in build.pages:
        meta = {"description": _for_theme(page.description), "title": _stand_in(page.title), **page_languages(build, page)}
        if page.assets:
            meta["assets"] = list(page.assets)
        if not page.searchable:
            meta["search"] = {"exclude": True}
        elif page.search_boost is not None:
            meta["search"] = {"boost": page.search_boost}
        front = _yaml_safe(json.dumps(meta, ensure_ascii=False))
        body = f"---\n{front}\n---\n\n{{{{ render_page({json.dumps(page.path)}) }}}}\n"
        existing = files.get_file_from_path(page.source)
        if existing is not None:
            raise PluginError(f"{config['docs_dir']}/{page.source} would hide the generated page {page.path}: remove the file")
        files.append(File.generated(config, page.source, content=body))
    return files


_set_aside: dict[str, list[str]] = {}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The title as written, after mkdocs-macros has run (hooks run after plugins); Markdown is
    then given a generated page's headings only (headings_only.py). A Markdown page someone adds
    to docs/ stays Markdown, its links checked."""
    if page.file.src_uri in _build().sources and "language" not in page.meta:
        raise PluginError(f"{page.file.src_uri}: the page's front matter could not be read (a character in its "
                          "title or description?): nothing is published with it")
    # Escaped already (_for_theme): as Markup, so that Material's `title | e` (the footer's
    # links) does not escape it twice, which screen readers would read as "&amp;#x27;".
    page.title = Markup(_stood_in.get(page.title, page.title))
    if page.meta.get("title") in _stood_in:
        page.meta["title"] = _stood_in[page.meta["title"]]
    if page.file.src_uri in _build().sources:
        markdown, _set_aside[page.file.src_uri] = headings_only.set_aside(markdown)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    aside = _set_aside.pop(page.file.src_uri, None)
    return html if aside is None else headings_only.put_back(html, aside)


# What YAML's reader refuses in a stream. MkDocs reads front matter as YAML and, when that fails,
# silently prints it into the page as text; JSON is YAML, so such a character is written escaped.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _yaml_safe(json_text: str) -> str:
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


_base_urls: dict[str, str] = {}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Material's inline scripts, as its templates write them (macros/site/csp.py).
    csp.trusted.theme(env, {"config": config})
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    _base_urls[page.url] = context["base_url"]
    return context


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    _base_urls[template_name] = context["base_url"]
    return context


def _policed(output: str, where: str, base_url: str) -> str:
    try:
        return csp.apply(output, where, base_url)
    except csp.UntrustedCode as exc:
        raise PluginError(str(exc)) from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _policed(output, page.file.src_uri, _base_urls[page.url])


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _policed(output, template_name, _base_urls[template_name])  # 404.html


def on_post_build(config: MkDocsConfig) -> None:
    build = _build()
    prune_search_languages(config)
    add_search_keywords(Path(config["site_dir"]), build.content)
    download = build.renderer.helpers.get("download")   # state.offline_zip's, or None
    if isinstance(download, dict):
        folder = Path(config["site_dir"]) / "downloads"
        folder.mkdir(exist_ok=True)
        for source in (download["source"], download["checksum"]):
            if source:
                shutil.copyfile(source, folder / source.name)
    out = Path(config["site_dir"]) / "guidelines.json"
    data = guidelines_json(build.content)
    data["language"] = build.language.code
    data["official_translation"] = sorted(build.official)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    # Blank Word and Excel worksheets, from the same data as the pages (so the links on them resolve).
    write_blank(build.content, Path(config["site_dir"]))
    # Counted, never hidden (the status page counts against the whole catalogue).
    interface, data_strings = build.translator.fallbacks()
    if interface or data_strings:
        print(f"{build.language.code}: fell back to English: {interface} interface strings, {data_strings} data strings")
    _staging().finish(config["strict"])
    config["site_dir"] = str(_staging().final)


def on_build_error(error: Exception) -> None:
    if staging is not None:
        staging.abandon()
