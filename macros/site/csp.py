"""The Content-Security-Policy of a built page: no other host, and inline code only by hash.

Each page carries the policy in a <meta> element (it must also hold from file://, where there
are no response headers). Inline code is trusted because a template wrote it, never because
the finished page holds it: a hash of every inline script found in the page would also bless
one that a content title or a catalogue entry had smuggled in.

- Scripts: the theme's templates (Material's and ours in overrides/) are read as templates,
  and each inline <script> in them is rendered on its own with nothing but the configuration
  and the page's base URL, before any content exists. A script whose text depends on
  anything else cannot be rendered that way, and so is never trusted.
- Styles: our page templates write their few <style> elements (printed page footers) through
  the `inline_style` filter, which escapes nothing itself but records what the template
  wrote; content reaches them only through `css_string`.
A finished page holding any other inline script or style fails the build (UntrustedCode).
"""
from __future__ import annotations

import base64
import hashlib
import re

import jinja2
from markupsafe import Markup

PLACEHOLDER = "__CONTENT_SECURITY_POLICY__"
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</style\s*>", re.S | re.I)
_VALUE = r"""\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))"""
# Script types a browser never runs: data for the page's scripts.
DATA_TYPES = frozenset({"application/json", "application/ld+json", "text/template"})


class UntrustedCode(ValueError):
    """A page holds inline code that no template wrote."""


def source_hash(body: str) -> str:
    """How a policy names an inline script or style it allows."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def attribute(attrs: str, name: str) -> str | None:
    m = re.search(r"(?:^|\s)" + re.escape(name) + _VALUE, attrs, re.I)
    if m is None:
        return None
    return next(v for v in (m.group("dq"), m.group("sq"), m.group("bare")) if v is not None)


def _runs(attrs: str) -> bool:
    """Whether a <script> with these attributes is inline code the browser runs."""
    if re.search(r"(?:^|\s)src\s*=", attrs, re.I):
        return False  # a file of the site's own ('self' in the policy)
    kind = attribute(attrs, "type")
    return kind is None or kind.strip().lower() not in DATA_TYPES


def inline_code(html: str) -> tuple[list[str], list[str]]:
    """The bodies of the inline scripts a browser would run, and of the inline styles."""
    scripts = [m.group("body") for m in _SCRIPT.finditer(html) if _runs(m.group("attrs"))]
    styles = [m.group("body") for m in _STYLE.finditer(html)]
    return scripts, styles


def script_sources(html: str, deferred: bool | None = None) -> list[str]:
    """The address of every <script src> in `html`, in order; `deferred`: only those that do
    (True) or do not (False) wait for the page to be parsed (`defer`, `async`)."""
    out = []
    for m in _SCRIPT.finditer(html):
        src, waits = attribute(m.group("attrs"), "src"), re.search(r"(?:^|\s)(?:defer|async)\b", m.group("attrs"), re.I)
        if src and (deferred is None or deferred == bool(waits)):
            out.append(src)
    return out


class Trusted:
    """What the templates of one build wrote: script bodies by base URL, style bodies."""

    def __init__(self) -> None:
        self.env: jinja2.Environment | None = None
        self.context: dict[str, object] = {}          # what a theme script may use besides base_url
        self.styles: set[str] = set()
        self._templates: list[jinja2.Template] | None = None
        self._by_base: dict[str, frozenset[str]] = {}

    def theme(self, env: jinja2.Environment, context: dict[str, object]) -> None:
        """The theme's environment (MkDocs' on_env) and what its scripts may read."""
        self.env, self.context, self._templates, self._by_base = env, context, None, {}

    def _script_templates(self) -> list[jinja2.Template]:
        """Every inline script's body in the theme's templates, compiled once (each is rendered
        for every base URL, one per folder depth); a body Jinja cannot compile is never trusted."""
        if self._templates is None:
            self._templates = []
            env = self.env
            loader = env.loader if env is not None else None
            if env is None or loader is None:
                return self._templates
            strict = env.overlay(undefined=jinja2.StrictUndefined, autoescape=False)
            for name in loader.list_templates():
                if name.endswith(".html"):
                    source = loader.get_source(env, name)[0]
                    for match in _SCRIPT.finditer(source):
                        if _runs(match.group("attrs")):
                            try:
                                self._templates.append(strict.from_string(match.group("body")))
                            except jinja2.TemplateError:
                                continue
        return self._templates

    def scripts(self, base_url: str) -> frozenset[str]:
        if base_url not in self._by_base:
            found = set()
            for template in self._script_templates():
                try:
                    found.add(template.render(**self.context, base_url=base_url))
                except jinja2.TemplateError:
                    continue  # shaped by more than the configuration: never trusted
            self._by_base[base_url] = frozenset(found)
        return self._by_base[base_url]

    def style(self, body: str) -> Markup:
        """The `inline_style` filter: a template's <style> body, recorded as trusted."""
        self.styles.add(str(body))
        return Markup(body)


def policy(scripts: list[str], styles: list[str]) -> str:
    directives = [
        "default-src 'none'",
        "script-src " + " ".join(["'self'", *sorted({source_hash(s) for s in scripts})]),
        "style-src " + " ".join(["'self'", *sorted({source_hash(s) for s in styles})]),
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


def _excerpt(body: str) -> str:
    text = " ".join(body.split())
    return text[:80] + ("…" if len(text) > 80 else "")


def apply(html: str, where: str, base_url: str, trust: Trusted) -> str:
    """Fill the policy into the page's placeholder <meta> (see overrides/main.html), after
    checking that every inline script and style in the page is one `trust`, the build's
    templates, wrote."""
    if PLACEHOLDER not in html:
        return html
    scripts, styles = inline_code(html)
    known_scripts = trust.scripts(base_url)
    for body in scripts:
        if body not in known_scripts:
            raise UntrustedCode(f"{where}: an inline script that no template wrote: {_excerpt(body)!r}. "
                                "Text from content or a catalogue must never become code.")
    for body in styles:
        if body not in trust.styles:
            raise UntrustedCode(f"{where}: an inline style that no template wrote: {_excerpt(body)!r}. "
                                "A template writes its <style> through the inline_style filter.")
    return html.replace(PLACEHOLDER, policy(scripts, styles), 1)
