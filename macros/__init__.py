"""Partnering Guidelines: the publication as data, and the toolkit built from it.

Layers, each a sub-package that imports only the ones above it:

- `macros.content`  the content model, reading YAML with line numbers, the checks
- `macros.site`     addresses, the list of pages, rendering with the templates, diagrams
- `macros.outputs`  guidelines.json, the checklists' PDF pack, the offline ZIP
- `macros.engine`   the thin MkDocs layer (hooks and this package's mkdocs-macros entry point)

`python -m macros check|check-file|schema|pdfs|offline` is the command line.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:   # `import macros.content` stays free of the site engine
    from mkdocs_macros.plugin import MacrosPlugin


def define_env(env: MacrosPlugin) -> None:
    """mkdocs-macros entry point (`module_name: macros` in mkdocs.yml)."""
    # Imported here so that `import macros.content` stays free of the site engine.
    from .engine.render_page import define_env as define

    define(env)
