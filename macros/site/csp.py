"""The Content-Security-Policy of a built page: no other host, and inline code only by hash.

Each page carries the policy in a <meta> element (it must also hold from file://, where there
are no response headers). Inline scripts and styles differ from page to page (Material's
bootstrap script names the page's depth), so their hashes are computed from the page itself.
"""
from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "__CONTENT_SECURITY_POLICY__"
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_STYLE = re.compile(r"<style(?P<attrs>[^>]*)>(?P<body>.*?)</style>", re.S | re.I)
_DATA_TYPES = ("application/json", "application/ld+json", "text/template")


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def inline_hashes(html: str) -> tuple[list[str], list[str]]:
    scripts, styles = [], []
    for m in _SCRIPT.finditer(html):
        attrs = m.group("attrs").lower()
        if "src=" in attrs or any(t in attrs for t in _DATA_TYPES):
            continue  # external, or data that is never executed
        scripts.append(_hash(m.group("body")))
    styles = [_hash(m.group("body")) for m in _STYLE.finditer(html)]
    return sorted(set(scripts)), sorted(set(styles))


def policy(html: str) -> str:
    scripts, styles = inline_hashes(html)
    directives = [
        "default-src 'none'",
        "script-src " + " ".join(["'self'", *scripts]),
        "style-src " + " ".join(["'self'", *styles]),
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        # Search runs in a worker, or from file:// in an iframe (the iframe-worker shim).
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "child-src 'self' blob:",
        "manifest-src 'self'",
        "form-action 'none'",
        "base-uri 'none'",
    ]
    return "; ".join(directives)


def apply(html: str) -> str:
    """Fill the policy into the page's placeholder <meta> (see overrides/main.html)."""
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER, policy(html.replace(PLACEHOLDER, "")), 1)
