"""One stylesheet per kind of page (issue 25): every stylesheet a page links (the theme's, the
site's, the page's own), in the order they apply, as one file named by its content. On a slow
connection each stylesheet was a request of its own; a browser keeps the bundle until it changes.

The bundle sits in the theme's folder (assets/stylesheets/), not beside each source, so an
address inside a source (`url(...)`) is rewritten to reach the same file from there. What a
concatenation would change is handled here or refused: a link's `media` becomes an `@media`
block around its rules; `@charset` is said once, first; `@import` and `@namespace`, which only
count before every other rule, fail the build. `@font-face` needs nothing more than its `url()`s.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass

FOLDER = "assets/stylesheets"

# url(x), url("x"), url('x'): a quoted address may hold ")" (a data: SVG does), an unquoted one not.
_URL = re.compile(r"""url\(\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^"')\s]*))\s*\)""", re.I)
# Addresses that mean the same from any stylesheet: a scheme (data:, https:), another host, the
# host's root, the document's own fragment.
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.I)
_CHARSET = re.compile(r'^\ufeff?\s*@charset\s+"(?P<name>[^"]*)"\s*;', re.I)
_ORDERED = re.compile(r"@(?:import|namespace|charset)\b", re.I)
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


class UnbundlableCss(ValueError):
    """A stylesheet whose meaning one file holding it after others would change."""


@dataclass(frozen=True)
class Sheet:
    path: str                 # its address in the site: "assets/css/guidelines.css"
    text: str
    media: str | None = None  # its link's `media`, if any


def rebase_urls(css: str, source_folder: str, target_folder: str) -> str:
    """`css` from a file in `source_folder` rewritten to mean the same from a file in
    `target_folder` (folders of the site, "assets/css"): every relative `url()`; the others
    (data:, another host, the root, a fragment) as they are."""
    def rebased(m: re.Match[str]) -> str:
        address = next(v for v in (m.group("dq"), m.group("sq"), m.group("bare")) if v is not None)
        if not address or _ABSOLUTE.match(address):
            return m.group(0)
        cut = min((i for i in (address.find("?"), address.find("#")) if i >= 0), default=len(address))
        target = posixpath.relpath(posixpath.normpath(posixpath.join(source_folder, address[:cut])), target_folder or ".")
        return 'url("' + (target + address[cut:]).replace('"', "%22") + '")'
    return _URL.sub(rebased, css)


def _body(sheet: Sheet) -> str:
    text = _SOURCE_MAP.sub("", sheet.text)
    charset = _CHARSET.match(text)
    if charset:
        if charset.group("name").lower() != "utf-8":
            raise UnbundlableCss(f"{sheet.path} is in {charset.group('name')}: the bundle is UTF-8")
        text = text[charset.end():]
    ordered = _ORDERED.search(text)
    if ordered:
        raise UnbundlableCss(f"{sheet.path}: {ordered.group(0)} counts only before every other rule, and in "
                             "one file after other stylesheets it would be ignored: write the rules it brings in "
                             "into the stylesheet, or link that stylesheet from the page")
    text = rebase_urls(text, posixpath.dirname(sheet.path), FOLDER).strip()
    if sheet.media and sheet.media.strip().lower() != "all":
        text = f"@media {sheet.media.strip()}{{\n{text}\n}}"
    return text


def bundle(sheets: list[Sheet]) -> tuple[str, str]:
    """The address and text of the one stylesheet that applies `sheets` in order."""
    text = '@charset "UTF-8";\n' + "".join(f"/* {sheet.path} */\n{_body(sheet)}\n" for sheet in sheets)
    return f"{FOLDER}/page.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}.css", text
