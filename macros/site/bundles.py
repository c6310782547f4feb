"""One script per kind of page (issue 25): the scripts a page names in its assets, in order, as one
file. On a slow connection each request waits its own round trip for one of the browser's six
connections; the self-assessment's fifteen scripts were three rounds of 2 s before it was usable.

The bundle is named by its content, so that a browser keeps it until it changes, and sits beside
the scripts it holds (assets/js/), so that a script finding its libraries from its own address
(`document.currentScript`: office-files.js, send-answers.js) finds them as before. The scripts stay
files of their own too: the Node tests and any page that names one alone load them.
"""
from __future__ import annotations

import hashlib

FOLDER = "assets/js"


def bundle(scripts: list[tuple[str, str]]) -> tuple[str, str]:
    """The address and text of the one script that runs `scripts` ((name, text) pairs) in order.
    Each ends on a line of its own and a semicolon: a last line comment or an expression without
    its semicolon cannot run into the next script."""
    text = "".join(f"/* {name} */\n{body.rstrip()}\n;\n" for name, body in scripts)
    return f"{FOLDER}/page.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}.js", text
