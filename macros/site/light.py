"""Light pages: the guidance for a slow connection (issue 25), one request each and no script.

A light page is the body of a guidance page as the site rendered it, in a small document of its
own (templates/light/page.html) with its few rules inline: no stylesheet, font, script or icon
to ask for. The light pages of a language are its folder `light/`, a copy of the site's tree one
folder deeper, so that a link from one light page to another is the full page's link as it is;
every other link (a tool, a download, a page with no light copy) is written again to reach the
full site. Nothing here knows the site engine: macros/engine/plugin.py hands over the bodies.
"""
from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from . import csp, urls
from .pages import NavEntry, Page

FOLDER = "light/"
# The guidance: what a reader reads, not what a tool does (no form, nothing to store).
TEMPLATES = frozenset({"pages/module.md", "pages/step.md", "pages/case.md", "pages/cases.md", "pages/chapter.md",
                       "pages/glossary.md", "pages/references.md"})
OFFER_SCRIPT = "assets/js/light-offer.js"   # on the full pages: offers the light ones on a slow connection
CONTENTS = "index.html"      # the light pages' own home: their list, in navigation order

# Text is escaped in every page (autoescape), so each "<" of a body opens a tag; inside a tag,
# the templates quote attributes with '"', which a value never holds unescaped.
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>")
_LINK_ATTRIBUTE = re.compile(r'(\s(?:href|src)\s*=\s*")([^"]*)(")', re.I)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def is_light(page: Page) -> bool:
    return page.template in TEMPLATES


def light_path(path: str) -> str:
    """Where the light copy of the page at `path` is, from the language's root."""
    return FOLDER + path


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s not in ("", ".")]


def _relative(target: str, from_dir: str) -> str:
    """From the folder `from_dir` to `target`, both from the language's root ('..' may begin
    `target`: another language's page; never `from_dir`)."""
    to, here = _segments(target), _segments(from_dir)
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:])


def light_href(href: str, page: str, light: frozenset[str]) -> str:
    """A link of the page at `page` (its path in the site) as its light copy writes it: to
    another light page unchanged (the trees are alike); to anything else, relative to the light
    page's deeper folder. Fragments, queries, absolute addresses and schemes are kept as they are."""
    if not href or href.startswith(("#", "/", "?")) or _SCHEME.match(href):
        return href
    cut = min((i for i in (href.find("#"), href.find("?")) if i >= 0), default=len(href))
    path, rest = href[:cut], href[cut:]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    target = "" if target == "." else target
    if target in light:
        return href
    folder = path.endswith("/") or target == "" or target.endswith("..")
    out = _relative(target, posixpath.dirname(light_path(page)))
    if folder:
        out = (out + "/") if out else "./"
    return out + rest


def light_body(body: str, page: str, light: frozenset[str]) -> str:
    """The body of the page at `page` with its links for the light copy, and each image (but an
    inline drawing) as a link to it named by its text: the page then asks for nothing more."""

    def tag(match: re.Match[str]) -> str:
        name, attrs = match.group(1).lower(), match.group(2) or ""
        if name == "img":
            src = csp.attribute(attrs, "src") or ""
            alt = csp.attribute(attrs, "alt")
            # Attribute values are escaped already: as text they read the same.
            text = alt if alt else html.escape(posixpath.basename(html.unescape(src)) or src)
            return f'<a class="light-image" href="{light_href(src, page, light)}">{text}</a>'
        return _LINK_ATTRIBUTE.sub(lambda m: m.group(1) + light_href(m.group(2), page, light) + m.group(3), match.group(0))

    return _TAG.sub(tag, body)


def policy(css: str) -> str:
    """Nothing but the page's own inline rules, and pictures written into it (none is asked for)."""
    return f"default-src 'none'; style-src {csp.source_hash(css)}; img-src data:; form-action 'none'; base-uri 'none'"


@dataclass(frozen=True)
class Link:
    title: str
    href: str


@dataclass(frozen=True)
class Section:
    title: str | None          # None: pages the navigation lists on their own (the glossary)
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Notice:
    """The page's note on its translation (macros/engine/languages.py), its link as written for
    the light page."""

    text: str
    href: str
    label: str


@dataclass(frozen=True)
class LightPage:
    """What templates/light/page.html shows. Every text is text: the template escapes it."""

    lang: str
    direction: str
    site_name: str
    title: str | None          # None: the contents page
    css: Markup                # templates/light/light.css, as rendered
    policy: Markup             # made of hashes and our words only; its quotes as they are
    canonical: str
    full: str                  # this page in the full site
    full_home: str
    contents: str | None       # the light contents page (None: this is it)
    previous: Link | None
    next: Link | None
    notice: Notice | None
    body: Markup               # the page as the site rendered it, its links rewritten (light_body)
    sections: tuple[Section, ...]
    copyright: str


@dataclass(frozen=True)
class Chrome:
    """What every light page of a language shares."""

    lang: str
    direction: str
    site_name: str
    copyright: str
    site_url: str | None       # the language's public address, for canonical links (None: relative)


@dataclass(frozen=True)
class Source:
    """A guidance page as the site rendered it."""

    page: Page
    body: str
    notice: Notice | None      # its link as the full page writes it


def _in_order(entries: Iterable[NavEntry], by_source: Mapping[str, Page], group: str | None) -> list[tuple[str | None, str, str]]:
    """(section, title in the menu, page path) of each light page, in navigation order; a group
    inside a group is a section of its own."""
    out: list[tuple[str | None, str, str]] = []
    for title, value in entries:
        if isinstance(value, list):
            out += _in_order(value, by_source, title)
        elif value in by_source:
            out.append((group, title, by_source[value].path))
    return out


def pages(sources: Mapping[str, Source], entries: list[NavEntry], chrome: Chrome,
          env: jinja2.Environment) -> dict[str, str]:
    """Every light page of a language by its path from the language's root (light/steps/3.html),
    the contents page among them, from the guidance pages the site rendered (`sources`, by path)."""
    light = frozenset(sources)
    order = _in_order(entries, {s.page.source: s.page for s in sources.values()}, None)
    missing = light - {path for _, _, path in order}
    if missing:
        raise ValueError(f"light pages the navigation does not list: {sorted(missing)}")
    # As written: the rules are no template (Jinja would read "{#" in them).
    loader = env.loader
    if loader is None:
        raise ValueError("the light pages' rules are read from the templates' folder")
    css = Markup(loader.get_source(env, "light/light.css")[0])
    template = env.get_template("light/page.html")

    def document(path: str, title: str | None, body: str, notice: Notice | None, sections: tuple[Section, ...],
                 previous: Link | None, following: Link | None) -> str:
        here = light_path(path)
        full = light_href(posixpath.basename(path), path, light - {path})
        out = template.render(light=LightPage(
            lang=chrome.lang, direction=chrome.direction, site_name=chrome.site_name, title=title, css=css,
            policy=Markup(policy(css)), canonical=chrome.site_url + path if chrome.site_url else full, full=full,
            full_home=_relative(urls.PAGES["home"], posixpath.dirname(here)),
            contents=None if path == CONTENTS else urls.relative(CONTENTS, path),
            previous=previous, next=following, notice=notice, body=Markup(body), sections=sections,
            copyright=chrome.copyright))
        scripts, styles = csp.inline_code(out)
        if scripts or styles != [str(css)]:
            raise csp.UntrustedCode(f"{here}: a light page holds inline code besides its own rules")
        return out

    written = {}
    for n, (_, _, path) in enumerate(order):
        source = sources[path]
        previous = Link(order[n - 1][1], urls.relative(order[n - 1][2], path)) if n > 0 else None
        following = Link(order[n + 1][1], urls.relative(order[n + 1][2], path)) if n + 1 < len(order) else None
        notice = source.notice and Notice(source.notice.text, light_href(source.notice.href, path, light), source.notice.label)
        written[light_path(path)] = document(path, source.page.title, light_body(source.body, path, light), notice, (),
                                             previous, following)
    sections: list[Section] = []
    for group, title, path in order:
        entry = Link(title, urls.relative(path, CONTENTS))
        if sections and sections[-1].title == group:
            sections[-1] = Section(group, (*sections[-1].links, entry))
        else:
            sections.append(Section(group, (entry,)))
    written[light_path(CONTENTS)] = document(CONTENTS, None, "", None, tuple(sections), None, None)
    return written
