"""The stylesheet of a page's first paint (issue 25): the rules of the site's real stylesheets that
style what the page holds, to be written inline in its <head>.

On a slow connection the stylesheets were two round trips after the page itself (4.5 s of Slow 3G's
2 s each) before any text could paint. A page now paints with these rules, which travel in its own
response, and its full stylesheets follow at the end of <body>, where they no longer hold back the
first paint. The rules are chosen, never written: each rule of the stylesheets is kept when one of
its selectors matches an element of the page as built (what scripts add later is styled when the
full stylesheets arrive), so that the first paint is the page's final look and the rules cannot
drift from the stylesheets. Content decides only which rules are kept, never their text.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# At-rules whose blocks hold style rules, kept when one of their rules is; any other at-rule
# (@keyframes, @page, @font-face, @charset) waits for the full stylesheets.
_GROUPS = ("@media", "@supports", "@layer", "@container")
# What no element matches by itself: a selector is matched without them (`a:before` as `a`).
_PSEUDO_ELEMENT = re.compile(r"::?(?:before|after|first-line|first-letter)\b|::[-\w]+(?:\([^)]*\))?")
_CUSTOM_PROPERTY = re.compile(r"^\s*(--[-\w]+)\s*:")
_VAR = re.compile(r"var\(\s*(--[-\w]+)")
# A url() other than data: resolves against the page, not the stylesheet: left to the stylesheet.
_FOREIGN_URL = re.compile(r"url\(\s*(?![\"']?data:)", re.I)


@dataclass(frozen=True)
class Rule:
    """A style rule (`body` its declarations) or a group at-rule (`rules` what it holds)."""

    prelude: str
    body: str = ""
    rules: tuple[Rule, ...] | None = None


def _blocks(css: str) -> Iterator[tuple[str, str | None]]:
    """Top-level (prelude, block) pairs of a stylesheet; a statement at-rule has no block.
    Strings and comments are skipped over, so a brace inside one does not count."""
    i, start, n = 0, 0, len(css)
    while i < n:
        c = css[i]
        if c == "/" and css.startswith("/*", i):
            end = css.find("*/", i + 2)
            css = css[:i] + " " + css[(n if end < 0 else end + 2):]
            n = len(css)
            continue
        if c in "\"'":
            i = _string_end(css, i)
            continue
        if c == ";":
            yield css[start:i].strip(), None
            i = start = i + 1
            continue
        if c == "{":
            end = _block_end(css, i)
            yield css[start:i].strip(), css[i + 1:end - 1]
            i = start = end
            continue
        i += 1


def _string_end(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _block_end(css: str, i: int) -> int:
    """The index after the brace that closes the one at `i`."""
    depth = 0
    while i < len(css):
        c = css[i]
        if c == "/" and css.startswith("/*", i):
            # A comment's apostrophe ("the browser's own") opens no string that would run on
            # into the rules after it.
            end = css.find("*/", i + 2)
            i = len(css) if end < 0 else end + 2
            continue
        if c in "\"'":
            i = _string_end(css, i)
            continue
        depth += (c == "{") - (c == "}")
        i += 1
        if depth == 0:
            return i
    return i


def parse(css: str) -> list[Rule]:
    out: list[Rule] = []
    for prelude, block in _blocks(css):
        if block is None or not prelude:
            continue
        if prelude.startswith("@"):
            if prelude.lower().startswith(_GROUPS):
                out.append(Rule(prelude, rules=tuple(parse(block))))
        else:
            out.append(Rule(prelude, block))
    return out


@functools.cache
def _selectors(prelude: str) -> tuple[str, ...]:   # the same lists on every page
    """The selectors of a selector list (commas inside :is() and :not() do not separate)."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(prelude):
        depth += (c in "([") - (c in ")]")
        if c == "," and depth == 0:
            out.append(prelude[start:i])
            start = i + 1
    return tuple(s.strip() for s in [*out, prelude[start:]] if s.strip())


_TAG = re.compile(r"<([a-zA-Z][-\w]*)((?:\s[^>]*)?)>")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_SELECTOR_ATTRIBUTE = re.compile(r"""\[\s*([-\w]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))\s*)?(?:\s[is])?\]""")
# What a selector says outside :not(), :is(), :where() and :has(), which need not hold for a match.
_OPTIONAL = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")


@dataclass(frozen=True)
class _Needs:
    """What a page must hold for a selector to match one of its elements: the tags, classes
    and ids it names, and its attributes ([dir], [dir=rtl]). Structure (descendant of what) is
    not checked: a rule kept for nothing costs bytes, a rule dropped would cost a flash."""

    names: frozenset[str]
    attributes: frozenset[tuple[str, str | None]]

    @classmethod
    def of(cls, selector: str) -> _Needs:
        bare = _OPTIONAL.sub("", _PSEUDO_ELEMENT.sub("", selector))
        attributes = set()
        for m in _SELECTOR_ATTRIBUTE.finditer(bare):
            value = next((v for v in m.group(3, 4, 5) if v is not None), None)
            attributes.add((m.group(1).lower(), value if m.group(2) == "=" else None))
        bare = _SELECTOR_ATTRIBUTE.sub("", bare)
        names = {f"{m.group(1)}{m.group(2)}" for m in re.finditer(r"([.#])([-\w]+)", bare)}
        names.update(t.lower() for t in re.findall(r"(?:^|[\s>+~(])([a-zA-Z][-\w]*)", bare))
        return cls(frozenset(names), frozenset(attributes))


@functools.cache
def _tag(tag: str, attributes: str) -> tuple[frozenset[str], frozenset[tuple[str, str | None]]]:   # a few thousand tags, on every page
    """The names (tag, classes, id) and attributes one tag gives."""
    names, found = {tag.lower()}, set()
    for m in _ATTRIBUTE.finditer(attributes):
        name = m.group(1).lower()
        value = next((v for v in m.group(2, 3, 4) if v is not None), "")
        found.update({(name, None), (name, value)})
        if name == "class":
            names.update(f".{c}" for c in value.split())
        elif name == "id":
            names.add(f"#{value}")
    return frozenset(names), frozenset(found)


class _Page:
    """The tags, classes, ids and attributes of a page's elements (any "<tag" in the page counts,
    one inside a script's text too: more rules kept, never fewer)."""

    def __init__(self, html: str) -> None:
        self.names: set[str] = set()
        self.attributes: set[tuple[str, str | None]] = set()
        for tag in _TAG.finditer(html):
            names, attributes = _tag(tag.group(1), tag.group(2))
            self.names.update(names)
            self.attributes.update(attributes)

    def holds(self, needs: _Needs) -> bool:
        return needs.names <= self.names and needs.attributes <= self.attributes


@functools.cache
def _declarations(body: str) -> tuple[str, ...]:   # the same bodies on every page
    out, depth, start, i = [], 0, 0, 0
    while i < len(body):
        c = body[i]
        if c in "\"'":
            i = _string_end(body, i)
            continue
        depth += (c == "(") - (c == ")")
        if c == ";" and depth == 0:
            out.append(body[start:i])
            start = i + 1
        i += 1
    return tuple(d.strip() for d in [*out, body[start:]] if d.strip())


@functools.cache
def _property(declaration: str) -> tuple[str | None, tuple[str, ...]]:
    """The custom property a declaration sets (if it sets one), and those it reads."""
    name = _CUSTOM_PROPERTY.match(declaration)
    return (name.group(1) if name else None), tuple(_VAR.findall(declaration))


def _kept(rules: Iterable[Rule], page: _Page, needs: dict[str, _Needs]) -> list[Rule]:
    out = []
    for rule in rules:
        if rule.rules is not None:
            if re.match(r"@media\s+print\b", rule.prelude, re.I):
                continue
            inner = _kept(rule.rules, page, needs)
            if inner:
                out.append(Rule(rule.prelude, rules=tuple(inner)))
            continue
        selectors = [s for s in _selectors(rule.prelude) if page.holds(needs[s])]
        if selectors:
            out.append(Rule(",".join(selectors), rule.body))
    return out


def _walk(rules: Iterable[Rule]) -> Iterator[Rule]:
    for rule in rules:
        if rule.rules is None:
            yield rule
        else:
            yield from _walk(rule.rules)


def _used_properties(rules: list[Rule]) -> set[str]:
    """The custom properties the kept rules read, directly or through one another."""
    defined: dict[str, list[tuple[str, ...]]] = {}
    used: set[str] = set()
    for rule in _walk(rules):
        for declaration in _declarations(rule.body):
            name, reads = _property(declaration)
            if name:
                defined.setdefault(name, []).append(reads)
            else:
                used.update(reads)
    todo = list(used)
    while todo:
        for reads in defined.get(todo.pop(), []):
            for name in reads:
                if name not in used:
                    used.add(name)
                    todo.append(name)
    return used


def _write(rules: Iterable[Rule], used: set[str]) -> str:
    """The rules as CSS, without the custom properties nothing reads (Material's root holds some
    hundred icons and colours as properties) and without rules left empty."""
    out = []
    for rule in rules:
        if rule.rules is not None:
            inner = _write(rule.rules, used)
            if inner:
                out.append(f"{rule.prelude}{{{inner}}}")
            continue
        declarations = [d for d in _declarations(rule.body) if (name := _property(d)[0]) is None or name in used]
        if declarations:
            out.append(f"{rule.prelude}{{{';'.join(declarations)}}}")
    return "".join(out)


class Stylesheets:
    """The stylesheets a kind of page loads, in order, read once for every page that loads them."""

    def __init__(self, sheets: Iterable[str]) -> None:
        self.rules = [_screen(rule) for sheet in sheets for rule in parse(sheet)]
        self.needs = {s: _Needs.of(s) for rule in _walk(self.rules) for s in _selectors(rule.prelude)}

    def critical(self, html: str) -> str:
        """The rules that may style an element of `html` on screen: none for print, no animations."""
        rules = _kept(self.rules, _Page(html), self.needs)
        css = _write(rules, _used_properties(rules))
        if re.search(r"</style", css, re.I):
            raise ValueError("a stylesheet holds '</style', which would end the <style> element it is written in")
        return css


def _screen(rule: Rule) -> Rule:
    """The rule without what a stylesheet's url() names: inline, an address resolves against the
    page rather than the stylesheet (data: addresses stay)."""
    if rule.rules is not None:
        return Rule(rule.prelude, rules=tuple(_screen(r) for r in rule.rules))
    return Rule(rule.prelude, ";".join(d for d in _declarations(rule.body) if not _FOREIGN_URL.search(d)))
