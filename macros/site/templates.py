"""The one Jinja environment for pages, parts and plain-text files (templates/)."""
from __future__ import annotations

import gettext
from pathlib import Path

import jinja2

from ..project import TEMPLATES


def environment(folder: Path = TEMPLATES, translations=None) -> jinja2.Environment:
    """`translations`: a gettext object for the page language (macros/site/i18n.py); English if none.
    Templates mark our own text with {% trans %} or _(), the English text as the message ID."""
    env = jinja2.Environment(
        extensions=["jinja2.ext.i18n"],
        loader=jinja2.FileSystemLoader(str(folder)),
        # Pages (.md) and parts (.html) are escaped; plain-text files (.txt) are not HTML.
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "md"), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_translations(translations or gettext.NullTranslations(), newstyle=True)
    return env
