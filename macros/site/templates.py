"""The one Jinja environment for pages, parts and plain-text files (templates/)."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from gettext import NullTranslations
from pathlib import Path
from typing import TypedDict

import jinja2
from jinja2.runtime import Context
from markupsafe import Markup

from ..project import ROOT, TEMPLATES
from .escape import md_escape
from .i18n import ENGLISH, Translating

EXTENSIONS = ("jinja2.ext.i18n",)
# Pages (.md) and parts (.html) are escaped; plain-text files (.txt) are not HTML.
ESCAPED = ("html", "md")


class Options(TypedDict):
    """Jinja's whitespace options for every template (they also name the compiled cache)."""

    trim_blocks: bool
    lstrip_blocks: bool
    keep_trailing_newline: bool


OPTIONS: Options = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}
COMPILED = ROOT / "build" / "cache" / "jinja"


def compiled_cache() -> jinja2.BytecodeCache:
    """Templates compiled by an earlier build, kept in build/cache/jinja/ (like the office files):
    compiling ours took a fifth of a build. Jinja keys them by file and source (and its own
    version); the options above change the compiled code too, so they name the files, and code
    compiled under other options is never used."""
    options = hashlib.sha1(repr((EXTENSIONS, ESCAPED, sorted(OPTIONS.items()))).encode()).hexdigest()[:12]
    COMPILED.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(COMPILED), pattern=f"{options}-%s.cache")


class CompiledInMemory(jinja2.BytecodeCache):
    """Compiled templates kept for the life of a process, for environments that are made again
    and again with the same settings: MkDocs makes one for the theme per configuration, so each
    language of a build would compile Material's templates anew (half a second each). Keyed by
    file and source, as Jinja keys any bytecode cache: a changed template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def environment(folder: Path = TEMPLATES, tr: Translating = ENGLISH) -> jinja2.Environment:
    """`tr`: the page language's text (macros/site/i18n.py). Templates mark our own text with
    {% trans %} or _(), the English text as the message ID."""
    env = jinja2.Environment(
        extensions=list(EXTENSIONS),
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=jinja2.select_autoescape(enabled_extensions=ESCAPED, default_for_string=True),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=compiled_cache(),
        **OPTIONS,
    )
    # Newstyle gettext is compiled into the templates, like OPTIONS: always on, so not in the cache key.
    # The i18n extension adds this method to the environment at run time: Jinja's types cannot know it.
    translations = tr.gettext_translations()
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(text_gettext(translations))
    return env


def _filled(context: Context, text: str, variables: dict[str, object]) -> str:
    """A catalogue's text is text, like content: escaped where the template is HTML, never
    trusted as markup (Jinja's own newstyle gettext marks it safe). Markup a sentence needs
    comes in through its variables (`_("Run %(command)s", command=code | safe)`)."""
    if context.eval_ctx.autoescape:
        text = Markup.escape(text)
    return text % variables


def text_gettext(translations: NullTranslations) -> dict[str, Callable[..., str]]:
    """gettext, ngettext, pgettext and npgettext for templates, as Jinja's newstyle ones but
    with the translation escaped (see _filled)."""

    @jinja2.pass_context
    def gettext_(context: Context, string: str, **variables: object) -> str:
        return _filled(context, translations.gettext(string), variables)

    @jinja2.pass_context
    def ngettext_(context: Context, singular: str, plural: str, num: int, **variables: object) -> str:
        variables.setdefault("num", num)
        return _filled(context, translations.ngettext(singular, plural, num), variables)

    @jinja2.pass_context
    def pgettext_(context: Context, string_context: str, string: str, **variables: object) -> str:
        variables.setdefault("context", string_context)
        return _filled(context, translations.pgettext(string_context, string), variables)

    @jinja2.pass_context
    def npgettext_(context: Context, string_context: str, singular: str, plural: str, num: int, **variables: object) -> str:
        variables.setdefault("context", string_context)
        variables.setdefault("num", num)
        return _filled(context, translations.npgettext(string_context, singular, plural, num), variables)

    @jinja2.pass_context
    def markdown_gettext(context: Context, string: str, **variables: object) -> Markup:
        return _markdown_filled(translations.gettext(string), variables)

    return {"gettext": gettext_, "ngettext": ngettext_, "pgettext": pgettext_, "npgettext": npgettext_,
            "_md": markdown_gettext}


_PLACEHOLDER = re.compile(r"(%\([A-Za-z_]\w*\)s|%%)")


def _markdown_filled(text: str, variables: dict[str, object]) -> Markup:
    """`_md()`: a sentence on a line that Markdown reads (a heading). Its own words and any plain
    value are made inert for Markdown as well as HTML (md_escape); a value that is Markup
    already is taken as prepared for Markdown (`x | md_escape`, `i.text(x, markdown=true)`)."""
    pieces = _PLACEHOLDER.split(text)
    pattern = Markup("").join(Markup(p) if n % 2 else md_escape(p) for n, p in enumerate(pieces))
    return pattern % {k: v if isinstance(v, Markup) else md_escape(str(v)) for k, v in variables.items()}
