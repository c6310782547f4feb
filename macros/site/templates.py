"""The one Jinja environment for pages, parts and plain-text files (templates/)."""
from __future__ import annotations

import gettext
import hashlib
from pathlib import Path

import jinja2

from ..project import ROOT, TEMPLATES

EXTENSIONS = ("jinja2.ext.i18n",)
# Pages (.md) and parts (.html) are escaped; plain-text files (.txt) are not HTML.
ESCAPED = ("html", "md")
OPTIONS = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}
COMPILED = ROOT / "build" / "cache" / "jinja"


def compiled_cache() -> jinja2.BytecodeCache:
    """Templates compiled by an earlier build, kept in build/cache/jinja/ (like the office files):
    compiling ours took a fifth of a build. Jinja keys them by file and source (and its own
    version); the options above change the compiled code too, so they name the files, and code
    compiled under other options is never used."""
    options = hashlib.sha1(repr((EXTENSIONS, ESCAPED, sorted(OPTIONS.items()))).encode()).hexdigest()[:12]
    COMPILED.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(COMPILED), pattern=f"{options}-%s.cache")


def environment(folder: Path = TEMPLATES, translations=None) -> jinja2.Environment:
    """`translations`: a gettext object for the page language (macros/site/i18n.py); English if none.
    Templates mark our own text with {% trans %} or _(), the English text as the message ID."""
    env = jinja2.Environment(
        extensions=list(EXTENSIONS),
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=jinja2.select_autoescape(enabled_extensions=ESCAPED, default_for_string=True),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=compiled_cache(),
        **OPTIONS,
    )
    # Newstyle gettext is compiled into the templates, like OPTIONS: always on, so not in the cache key.
    env.install_gettext_translations(translations or gettext.NullTranslations(), newstyle=True)
    return env
