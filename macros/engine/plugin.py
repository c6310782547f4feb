"""The `guidelines` MkDocs plugin: the site in every language, from the content, in one build.

`mkdocs build` and `mkdocs serve` build the first language (English) at the site's root and,
at the very end of that build, each other language under <code>/: a full MkDocs build of the
same mkdocs.yml for each, in this process, sharing the Project (the content and catalogues
read and checked once, and Python's imports, jieba's among them). Everything is written into a
staging folder that replaces the site only when every language is complete (staging.py).

Why the state lives on the plugin instance: MkDocs makes a new instance of a plugin for each
configuration it loads (unless the plugin has on_startup, as Material's search has), while a
hooks file is loaded once per process and shared. Each language's configuration thus has its
own GuidelinesPlugin, holding that language's Build; `_build_language` checks that it is so.
"""
from __future__ import annotations

import html
import json
import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext
from mkdocs_macros.plugin import MacrosPlugin

from macros.content.reader import ContentError
from macros.engine import headings_only
from macros.engine.languages import configure, page_languages, prune_search_languages
from macros.engine.page_bundles import PageBundles
from macros.engine.search_index import add_search_keywords
from macros.engine.settings import PLUGIN, GuidelinesConfig, Paths
from macros.engine.staging import Staging
from macros.engine.state import Build, Project
from macros.outputs.catalogue import JS, js_messages
from macros.outputs.guidelines_json import guidelines_json
from macros.outputs.office import write_blank
from macros.outputs.webapp import ICON_SIZES, KEEP_SCRIPT, MANIFEST, THEME_COLOR, icon_path, write_app, write_keep_list
from macros.project import build_date, version
from macros.site import csp, light, urls
from macros.site.assessment import model_script
from macros.site.i18n import fill
from macros.site.pages import ASSESSMENT_MODEL, NavEntry, nav
from macros.site.pages import Page as SitePage
from macros.site.preload import preload_order, style_sources

log = logging.getLogger(f"mkdocs.plugins.{PLUGIN}")


def _for_theme(text: str) -> str:
    """Text handed to the theme. MkDocs renders its templates without autoescape, and Material
    prints titles, the description and the copyright as HTML, in elements and in attributes
    (`<meta name="description" content="...">`): so all of it is escaped here, quotes included."""
    return html.escape(text, quote=True)


# What YAML's reader refuses in a stream. MkDocs reads front matter as YAML and, when that fails,
# silently prints it into the page as text; JSON is YAML, so such a character is written escaped.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _yaml_safe(json_text: str) -> str:
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


@dataclass(frozen=True)
class Part:
    """A language built at the end of another language's build, into a folder of its site."""

    code: str
    codes: list[str]        # every language of the site


class GuidelinesPlugin(BasePlugin[GuidelinesConfig]):
    def __init__(self) -> None:
        # Given before the build by whoever builds several sites of one project (the other
        # languages, `python -m macros offline`); loaded by on_config otherwise.
        self.project: Project | None = None
        self._read_here = False                  # this instance read the project: a new build reads it again
        self.part: Part | None = None            # set by the build this language is part of
        self._build: Build | None = None
        self._codes: list[str] = []
        self.staging: Staging | None = None      # the top build's only: the languages share it
        self._stood_in: dict[str, str] = {}
        self._set_aside: dict[str, list[str]] = {}
        self._base_urls: dict[str, str] = {}
        self._files: Files | None = None         # every file of the site, the theme's too (on_env)
        self._light: dict[str, light.Source] = {}   # the guidance pages as rendered, for their light copies
        self._by_source: dict[str, SitePage] = {}
        self._copyright = ""                     # the footer's line, as text

    @property
    def build(self) -> Build:
        """The build on_config started (MkDocs calls the other events after it)."""
        if self._build is None:
            raise PluginError("no build in progress: on_config has not run")
        return self._build

    def _stand_in(self, text: str) -> str:
        """A title as MkDocs needs it: escaped for the theme; and mkdocs-macros renders a page title
        holding "{{", "{%" or "{#" as a template, so titles reach it without "{" and
        on_page_markdown gives each page its real title back afterwards."""
        title = _for_theme(text)
        if "{" not in title:
            return title
        stand_in = title.replace("{", "(")
        self._stood_in[stand_in] = title
        return stand_in

    def _nav_config(self, entries: list[NavEntry]) -> list[dict[str, object]]:
        return [{self._stand_in(title): self._nav_config(value) if isinstance(value, list) else value}
                for title, value in entries]

    # Before the search plugin's own on_config, which reads the language it indexes for.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        paths = Paths.of(self.config)
        try:
            if self.project is None or self._read_here:
                self.project, self._read_here = Project.load(paths), True
            elif self.project.paths != paths:
                raise ValueError(f"the project given was read from {self.project.paths}, not from {paths}")
            if self.part is None:
                self._codes = self.project.codes(self.config.languages)
                code = self._codes[0]
            else:
                self._codes, code = self.part.codes, self.part.code
            build = self._build = self.project.build(code, self._codes, config.site_url or None, self.config.offline)
        except (ContentError, ValueError) as exc:
            # Stop before anything is written: a half-built site must never be published.
            raise PluginError(exc.report() if isinstance(exc, ContentError) else str(exc)) from None
        configure(config, build)
        self._by_source, self._light = {p.source: p for p in build.pages}, {}
        if not self.config.offline:
            # overrides/main.html links the manifest and loads keep-offline.js (never from file://).
            config.extra["webapp"] = {"manifest": MANIFEST, "theme_color": THEME_COLOR, "script": KEEP_SCRIPT,
                                      "icon": icon_path(ICON_SIZES[0])}
        if self.part is None:
            # The previous site stays whole until every language has succeeded (see staging.py).
            self.staging = Staging(Path(config.site_dir).resolve())
            config.site_dir = self.staging.start()
            # `mkdocs serve` rebuilds when the content, catalogues or templates change, wherever they are.
            config.watch.extend(str(p) for p in (paths.content, paths.catalogues, paths.official_translations,
                                                 paths.templates) if p.is_dir() and str(p) not in config.watch)
        _ = build.translator.gettext
        config.nav = self._nav_config(nav(build.content, build.pages, build.translator))
        pub = build.content.publication
        # The version and date let a field office tell whether its offline copy is current.
        self._copyright = fill(_(
            "{copyright}. Reproduced for non-commercial use with full acknowledgement of the source: "
            "{title}: {subtitle} (UNU-IAS and ESCAP, 2018). Toolkit version {version}, built {date}."
        ), copyright=" · ".join(pub.copyright), title=pub.title, subtitle=pub.subtitle, version=version(), date=build_date())
        config.copyright = _for_theme(self._copyright)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Pages call {{ render_page("steps/3.html") }}. Registered after mkdocs-macros' on_config
        # made its environment, on this configuration's own instance of it (before, it would keep
        # the macro in a dictionary its class shares between configurations).
        macros = config.plugins.get("macros")
        if not isinstance(macros, MacrosPlugin):
            raise PluginError(f"the `{PLUGIN}` plugin needs the `macros` plugin (mkdocs-macros) in mkdocs.yml")
        macros.register_macros({"render_page": self.render_page})

    def render_page(self, path: str) -> str:
        build = self.build
        page = build.page(path)
        try:
            return build.renderer.render(page.template, page.path, **page.context)
        except Exception as exc:
            # `make check` should have caught this; say at least which content the page is made from.
            sources = build.content.origin_of(*page.context.values()) or ["content/"]
            raise PluginError(f"{', '.join(sources)}: the page {build.language.prefix}{page.path} could not be rendered "
                              f"({type(exc).__name__}: {exc}). Run `make check`; if it finds nothing, this is a check "
                              "the toolkit lacks: please report it.") from exc

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self.build
        def lang_of(text: str) -> str | None:
            found = build.renderer.site.text_lang(text)
            return found.code if found else None

        files.append(File.generated(config, ASSESSMENT_MODEL, content=model_script(build.content, build.translator, lang_of)))
        for page in build.pages:
            meta = {"description": _for_theme(page.description), "title": self._stand_in(page.title),
                    **page_languages(build, page)}
            assets = page.assets
            if light.is_light(page) and not self.config.offline:
                meta["light"] = self._light_link(page)
                assets = (*assets, light.OFFER_SCRIPT)
            if assets:
                meta["assets"] = list(assets)
            if not page.searchable:
                meta["search"] = {"exclude": True}
            elif page.search_boost is not None:
                meta["search"] = {"boost": page.search_boost}
            front = _yaml_safe(json.dumps(meta, ensure_ascii=False))
            body = f"---\n{front}\n---\n\n{{{{ render_page({json.dumps(page.path)}) }}}}\n"
            if files.get_file_from_path(page.source) is not None:
                raise PluginError(f"{config.docs_dir}/{page.source} would hide the generated page {page.path}: remove the file")
            files.append(File.generated(config, page.source, content=body))
        return files

    def _light_link(self, page: SitePage) -> dict[str, str]:
        """A guidance page's link to its light copy (overrides/main.html), with the words of the
        note that offers it on a slow connection (docs/assets/js/light-offer.js)."""
        _ = self.build.translator.gettext
        return {"href": urls.relative(light.light_path(page.path), page.path), "label": _("Light version"),
                "offer": _("Slow connection? The light version of this page is one download, with no scripts."),
                "dismiss": _("Dismiss")}

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The title as written, after mkdocs-macros has run (this plugin comes after it in
        mkdocs.yml); Markdown is then given a generated page's headings only (headings_only.py).
        A Markdown page someone adds to docs/ stays Markdown, its links checked."""
        generated = page.file.src_uri in self.build.sources
        if generated and "language" not in page.meta:
            raise PluginError(f"{page.file.src_uri}: the page's front matter could not be read (a character in its "
                              "title or description?): nothing is published with it")
        # Escaped already (_for_theme): as Markup, so that Material's `title | e` (the footer's
        # links) does not escape it twice, which screen readers would read as "&amp;#x27;".
        if page.title is not None:
            page.title = Markup(self._stood_in.get(page.title, page.title))
        if page.meta.get("title") in self._stood_in:
            page.meta["title"] = self._stood_in[page.meta["title"]]
        if generated:
            markdown, self._set_aside[page.file.src_uri] = headings_only.set_aside(markdown)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        aside = self._set_aside.pop(page.file.src_uri, None)
        if aside is None:
            return html
        html = headings_only.put_back(html, aside)
        made = self._by_source.get(page.file.src_uri)
        if made is not None and light.is_light(made) and not self.config.offline:
            notice = page.meta.get("notice")
            self._light[made.path] = light.Source(made, html, light.Notice(notice["text"], notice["link"], notice["label"])
                                                  if isinstance(notice, dict) else None)
        return html

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Material's inline scripts, as its templates write them (macros/site/csp.py).
        self.build.trust.theme(env, {"config": config})
        env.filters["preload_order"] = preload_order   # overrides/main.html's preloads (macros/site/preload.py)
        env.filters["style_sources"] = style_sources
        # Each page's one stylesheet and one script, made as the page is rendered (page_bundles.py).
        bundles = PageBundles(files, config)
        env.filters["stylesheet_bundle"] = bundles.stylesheet
        env.filters["script_bundle"] = bundles.script
        self._files = files
        if self.project is not None:   # MkDocs made this environment for this language: compile once for all
            env.bytecode_cache = self.project.theme_code
        return env

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        self._base_urls[page.url] = context["base_url"]
        return context

    def on_template_context(self, context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> TemplateContext:
        self._base_urls[template_name] = context["base_url"]
        return context

    def _policed(self, output: str, where: str, url: str, base_url: str, config: MkDocsConfig) -> str:
        """The page with its first paint's rules (first_paint.py), which the policy then trusts as
        the theme's template wrote their <style>: chosen from the site's stylesheets, never content."""
        if self.project is None or self._files is None:
            raise PluginError("a page rendered before on_config and on_env")
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        output, css = self.project.first_paint.fill(output, url, self._files, root)
        if css is not None:
            self.build.trust.style(css)
        try:
            return csp.apply(output, where, base_url, self.build.trust)
        except csp.UntrustedCode as exc:
            raise PluginError(str(exc)) from None

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self._policed(output, page.file.src_uri, page.file.dest_uri, self._base_urls[page.url], config)

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        return self._policed(output, template_name, template_name, self._base_urls[template_name], config)  # 404.html

    def _write_outputs(self, *, config: MkDocsConfig) -> None:
        """This language's files beside its pages (after the search plugin wrote its index)."""
        build = self.build
        site = Path(config.site_dir)
        prune_search_languages(config)
        add_search_keywords(site, build.content)
        if build.download is not None:
            (site / "downloads").mkdir(exist_ok=True)
            for source in (build.download.source, build.download.checksum):
                if source is not None:
                    shutil.copyfile(source, site / "downloads" / source.name)
        data = guidelines_json(build.content)
        data["language"] = build.language.code
        data["official_translation"] = build.translation.official()
        data["translation_status"] = dict(sorted(build.translation.status.items()))
        (site / "guidelines.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        # Blank Word and Excel worksheets, from the same data as the pages (so the links on them resolve).
        write_blank(build.content, site, build.translator)
        if not self.config.offline:
            # The installable app of this language (macros/outputs/webapp.py); never in the offline copy.
            lang = build.language
            name = config.site_name if lang.code == "en" else f"{config.site_name} ({lang.native})"
            write_app(site, name, build.page("index.html").description, lang.code, lang.direction)
        if not self.config.offline:
            self._write_light(site, config)
        # Counted, never hidden (the status page counts against the whole catalogue).
        interface, data_strings = build.translator.fallbacks()
        if interface or data_strings:
            print(f"{build.language.code}: fell back to English: {interface} interface strings, {data_strings} data strings")

    def _write_light(self, site: Path, config: MkDocsConfig) -> None:
        """The light copies of the guidance pages (macros/site/light.py); not in the offline copy,
        which is read from a disk, nor in the search index or the sitemap (no page of MkDocs')."""
        build = self.build
        root = build.site_url.rstrip("/") + "/" + build.language.prefix if build.site_url else None
        chrome = light.Chrome(build.language.code, build.language.direction, config.site_name, self._copyright, root)
        entries = nav(build.content, build.pages, build.translator)
        for path, text in light.pages(self._light, entries, chrome, build.renderer.env).items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_text(text, encoding="utf-8")

    # After Material's offline plugin (-100), which writes the last file of the language's folder.
    @event_priority(-150)
    def _keep_list(self, *, config: MkDocsConfig) -> None:
        """What "Keep this language on this device" stores: every file of this language's folder."""
        if self.config.offline:
            return
        build = self.build
        used = js_messages(JS / Path(KEEP_SCRIPT).name)
        strings = {msgid: text for msgid, text in build.translator.js_strings().items() if msgid in used}
        others = frozenset(lang.prefix.strip("/") for lang in build.languages if lang != build.language and lang.prefix)
        write_keep_list(Path(config.site_dir), build_date(), strings, others)

    # After every other plugin's on_post_build (Material's offline plugin writes the search index
    # as a script at -100): this language is complete before the next one starts.
    @event_priority(-200)
    def _finish(self, *, config: MkDocsConfig) -> None:
        if self.staging is None:
            return   # a language built as part of another's build: that build publishes it
        for code in self._codes[1:]:
            self._build_language(config, code)
        self.staging.finish(config.strict)
        config.site_dir = str(self.staging.final)

    on_post_build = CombinedEvent(_write_outputs, _keep_list, _finish)

    def _build_language(self, parent: MkDocsConfig, code: str) -> None:
        """One more language: its own configuration (and so its own instances of the plugins),
        read from the same mkdocs.yml, built into <code>/ of the staging folder."""
        project = self.project
        if project is None or parent.config_file_path is None:
            raise PluginError("the other languages are built from a mkdocs.yml file")
        language = project.language(code)
        config = load_config(parent.config_file_path, site_dir=str(Path(parent.site_dir) / language.prefix),
                             strict=parent.strict)
        plugin = config.plugins.get(PLUGIN)
        if not isinstance(plugin, GuidelinesPlugin) or plugin is self:
            # A shared instance would mix the languages' pages: refuse rather than build it.
            raise PluginError(f"MkDocs gave the configuration of {code} the same `{PLUGIN}` plugin as {self.build.language.code}")
        plugin.project, plugin.part = project, Part(code, self._codes)
        config.site_url = self.build.site_url    # the English site's address (`mkdocs serve` sets its own)
        log.info(f"Building {language.name} ({code}) into {language.prefix}")
        try:
            mkdocs_build(config)
        except SystemExit as exc:
            # mkdocs-macros' on_error_fail ends a build with sys.exit, which MkDocs does not catch:
            # as an error, this build's on_build_error removes the staging folder, English and all.
            raise PluginError(f"{language.name} ({code}): the build stopped (status {exc.code}), "
                              "for the reason given above") from None

    def on_build_error(self, *, error: Exception) -> None:
        if self.staging is not None:
            self.staging.abandon()
