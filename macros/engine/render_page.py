"""The mkdocs-macros side: pages call {{ render_page("steps/3.html") }}. (Named so that no module
beside the hooks file is called `macros`: MkDocs puts the hooks folder first on sys.path.)"""
from __future__ import annotations

from . import state


def define_env(env):
    @env.macro
    def render_page(path: str) -> str:
        build = state.current
        if build is None:
            raise RuntimeError("render_page called before the content was loaded (is macros/engine/hooks.py in mkdocs.yml?)")
        page = build.page(path)
        return build.renderer.render(page.template, page.path, **page.context)
