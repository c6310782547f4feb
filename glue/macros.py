"""mkdocs-macros entry point: pages call {{ render_page("steps/3.html") }}."""
from __future__ import annotations

from glue import state


def define_env(env):
    @env.macro
    def render_page(path: str) -> str:
        build = state.current
        if build is None:
            raise RuntimeError("render_page called before the content was loaded (is glue/hooks.py in mkdocs.yml?)")
        page = build.page(path)
        return build.renderer.render(page.template, page.path, **page.context)
