"""Each page's one stylesheet and one script (macros/site/css_bundle.py, macros/site/bundles.py),
made as overrides/main.html renders the page: the template writes what the page would link, as
the theme and our blocks write it, and hands it to these filters, which give back the bundle's
path in the site for the template's `url` filter.

A bundle is made once for every page that links the same files, added to the language's files
(the first paint reads its rules there: first_paint.py) and written into the language's folder at
once: MkDocs has copied the site's files before it renders a page. Each language's folder holds
the bundles its pages link, so that "keep this language on this device" lists them
(macros/outputs/webapp.py lists the folder)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from jinja2 import pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros.site import css_bundle
from macros.site.bundles import UnbundlableScript, bundle
from macros.site.csp import attribute
from macros.site.preload import linked_stylesheets, preload_order, site_path

_SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
_ASYNC = re.compile(r"(?:^|\s)async\b", re.I)


class PageBundles:
    def __init__(self, files: Files, config: MkDocsConfig) -> None:
        self._files, self._config = files, config
        self._root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        # By the files, in order, with their `media`: each bundle's path.
        self._sheets: dict[tuple[tuple[str, str | None], ...], str] = {}
        self._scripts: dict[tuple[str, ...], str] = {}

    def _path(self, context: Context, href: str) -> str:
        page = context.get("page")
        # A theme template without a page (404.html) sits at the site's root.
        return site_path(href, page.file.dest_uri if page is not None else "", self._root)

    def _text(self, path: str) -> str:
        file = self._files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"a page would link {path}, which is not a file of the site")
        return file.content_string

    def _add(self, name: str, text: str) -> str:
        if self._files.get_file_from_path(name) is None:
            file = File.generated(self._config, name, content=text)
            self._files.append(file)
            file.copy_file()
        return name

    @pass_context
    def stylesheet(self, context: Context, html: str) -> str:
        """The `stylesheet_bundle` filter: the one stylesheet that applies, in order, those the
        `<link rel="stylesheet">` elements of `html` link, their `media` kept."""
        key = tuple((self._path(context, href), media) for href, media in linked_stylesheets(str(html)))
        if key not in self._sheets:
            try:
                self._sheets[key] = self._add(*css_bundle.bundle([css_bundle.Sheet(path, self._text(path), media)
                                                                for path, media in key]))
            except css_bundle.UnbundlableCss as exc:
                raise PluginError(str(exc)) from None
        return self._sheets[key]

    @pass_context
    def script(self, context: Context, html: str) -> str:
        """The `script_bundle` filter: the one script that runs, in the order the browser would,
        those the `<script src>` elements of `html` load. What one deferred file cannot run as
        they would run (inline code, a module, `async`) fails the build."""
        for m in _SCRIPT.finditer(str(html)):
            kind = (attribute(m.group(1), "type") or "text/javascript").lower()
            if attribute(m.group(1), "src") is None or kind != "text/javascript" or _ASYNC.search(m.group(1)):
                raise PluginError(f"a page's scripts would be bundled with {m.group(0)}, which one deferred file "
                                  "cannot run as it would run: write it outside the scripts overrides/main.html bundles")
        paths = tuple(self._path(context, src) for src in preload_order(str(html)))
        if paths not in self._scripts:
            try:
                self._scripts[paths] = self._add(*bundle([(path, self._text(path)) for path in paths]))
            except UnbundlableScript as exc:
                raise PluginError(str(exc)) from None
        return self._scripts[paths]
