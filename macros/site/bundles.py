"""One script per kind of page (issue 25): every script a page runs from a file (the theme's
polyfill and bundle, ours, the page's own), in the order they run, as one file. On a slow
connection each request waits its own round trip for one of the browser's six connections; the
self-assessment's fifteen scripts were three rounds of 2 s before it was usable.

The bundle is named by its content, so that a browser keeps it until it changes, and sits beside
our scripts (assets/js/), so that a script finding its libraries from its own address
(`document.currentScript`: office-files.js, send-answers.js, workspace-bar.js) finds them as
before; the iframe-worker shim finds its bootstrap from there too (its CHANGES.txt). The scripts
stay files of their own: the Node tests and any page that names one alone load them.

Scripts that share a file share its fate: an error thrown at the top of one stops those after it
(tests/browser/test_page_errors.py holds every page to none), and one file's "use strict"
prologue would make every script after it strict; so a source that starts with one either is a
single arrow function run at once (Material's bundle: the prologue moves inside it) or is refused.
"""
from __future__ import annotations

import hashlib
import re

FOLDER = "assets/js"

# The prologue of a script, after any comments: "use strict" there makes the whole file strict.
# A comment cannot hold "*/": each may be matched one way only, however many a file starts with.
_STRICT = re.compile(r"""\A(?:\s|/\*(?:[^*]|\*(?!/))*\*/|//[^\n]*\n)*(["'])use strict\1\s*;?""")
_ARROW = "(()=>{"
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=\S*\s*$", re.M)


class UnbundlableScript(ValueError):
    """A script whose meaning one file holding it with others would change."""


def _own_strictness(name: str, text: str) -> str:
    """`text` strict only in itself: a strict prologue moved into the arrow function it runs."""
    strict = _STRICT.match(text)
    if strict is None:
        return text
    rest = text[strict.end():].strip()
    if not (rest.startswith(_ARROW) and rest.endswith("})();")):
        raise UnbundlableScript(f"{name} starts with \"use strict\": in one file with other scripts it would "
                                "make them strict too; put it inside the script's own function")
    return _ARROW + '"use strict";' + rest[len(_ARROW):]


def bundle(scripts: list[tuple[str, str]]) -> tuple[str, str]:
    """The address and text of the one script that runs `scripts` ((name, text) pairs) in order.
    Each ends on a line of its own and a semicolon: a last line comment or an expression without
    its semicolon cannot run into the next script. Source maps name the files they were made
    for, not this one: their comments are left out."""
    text = "".join(f"/* {name} */\n{_own_strictness(name, _SOURCE_MAP.sub('', body)).rstrip()}\n;\n"
                   for name, body in scripts)
    return f"{FOLDER}/page.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}.js", text
