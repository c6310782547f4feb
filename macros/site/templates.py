"""The one Jinja environment for pages, parts and plain-text files (templates/)."""
from __future__ import annotations

from pathlib import Path

import jinja2

from ..project import TEMPLATES


def environment(folder: Path = TEMPLATES) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        # Pages (.md) and parts (.html) are escaped; plain-text files (.txt) are not HTML.
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "md"), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
