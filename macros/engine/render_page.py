"""The mkdocs-macros side: pages call {{ render_page("steps/3.html") }}. (Named so that no module
beside the hooks file is called `macros`: MkDocs puts the hooks folder first on sys.path.)"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs_macros.plugin import MacrosPlugin

from . import state


def define_env(env: MacrosPlugin) -> None:
    def render_page(path: str) -> str:
        build = state.current
        if build is None:
            raise RuntimeError("render_page called before the content was loaded (is macros/engine/hooks.py in mkdocs.yml?)")
        page = build.page(path)
        try:
            return build.renderer.render(page.template, page.path, **page.context)
        except Exception as exc:
            # `make check` should have caught this; say at least which content the page is made from.
            sources = build.content.origin_of(*page.context.values()) or ["content/"]
            raise PluginError(f"{', '.join(sources)}: the page {page.path} could not be rendered ({type(exc).__name__}: {exc}). "
                              "Run `make check`; if it finds nothing, this is a check the toolkit lacks: please report it.") from exc

    env.macro(render_page)
