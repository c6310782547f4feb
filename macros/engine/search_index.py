"""Our search keywords into the search index Material wrote (this runs after its search plugin's
on_post_build, and before the offline plugin copies the index into search_index.js)."""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.content.load import Content
from macros.site.search import add_keywords


def add_search_keywords(site_dir: Path, content: Content) -> None:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    missing = add_keywords(index, content.search_keywords)
    if missing:
        # The content check found the passage, so it is a page or heading search leaves out.
        raise PluginError("content/search/keywords.yml: no search entry for " + ", ".join(missing) +
                          ": the passage is excluded from search or is not a heading of its own")
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
