"""Partnering Guidelines: the publication as data, and the toolkit built from it.

Layers, each a sub-package that imports only the ones above it:

- `macros.content`  the content model, reading YAML with line numbers, the checks
- `macros.site`     addresses, the list of pages, rendering with the templates, diagrams
- `macros.outputs`  guidelines.json, the checklists' PDF pack, the offline ZIP
- `macros.engine`   the thin MkDocs layer: the `guidelines` plugin that mkdocs.yml names

`python -m macros check|check-file|schema|build|pdfs|offline|translations` is the command line.
"""
from __future__ import annotations
