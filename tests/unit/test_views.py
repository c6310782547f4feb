"""Views, not a grab bag: each page template receives one `page` object, the typed view of its
kind of page (macros/site/views/), which holds exactly what the template shows. Read from the
templates themselves (Jinja's own parser), so that a helper nobody shows, a name a template
uses that its view lacks, or a module handed to a template fails here, before a build."""
from __future__ import annotations

import ast
import dataclasses
import types
import typing
from collections.abc import Iterator

import pytest
from jinja2 import nodes

from macros.project import ROOT, TEMPLATES
from macros.site.pages import pages
from macros.site.templates import environment
from macros.site.views import VIEWS, PageView, SiteData, view
from macros.site.views.base import Addresses
from macros.site.views.worksheet_files import WorksheetFiles

ENV = environment()
# Objects of ours that a view shows as a set of named address rules: each rule must be used.
FACADES = {"urls": Addresses, "ws": WorksheetFiles}


def _parsed(template: str) -> nodes.Template:
    return ENV.parse(ENV.loader.get_source(ENV, template)[0])


def _with_parts(template: str) -> Iterator[str]:
    """The template and every template it imports, however deep."""
    seen: list[str] = []
    todo = [template]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        for node in _parsed(name).find_all((nodes.Import, nodes.FromImport, nodes.Include)):
            assert isinstance(node.template, nodes.Const), f"{name}: imports a template by a computed name"
            todo.append(node.template.value)
    yield from seen


def _page_uses(template: str) -> dict[str, set[str]]:
    """`page.<name>` -> the `<attribute>`s read from it (`page.urls.slug`), in the template and its parts."""
    used: dict[str, set[str]] = {}
    for name in _with_parts(template):
        tree = _parsed(name)
        for node in tree.find_all(nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name == "page":
                used.setdefault(node.attr, set())
        for node in tree.find_all(nodes.Getattr):
            inner = node.node
            if isinstance(inner, nodes.Getattr) and isinstance(inner.node, nodes.Name) and inner.node.name == "page":
                used[inner.attr].add(node.attr)
        for node in tree.find_all(nodes.Name):
            assert node.name != "page" or any(
                isinstance(parent, nodes.Getattr) and parent.node is node for parent in tree.find_all(nodes.Getattr)
            ), f"{name}: `page` is passed on whole; templates read what they show from it by name"
    return used


def _members(cls: type) -> set[str]:
    """The public names a view class answers to: its fields, properties, methods and class values."""
    names = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
    for klass in cls.__mro__[:-1]:
        names |= {n for n in vars(klass) if not n.startswith("_")}
    return {n for n in names if not n.startswith("_") and n != "make"}


def _declared(cls: type) -> set[str]:
    """The public names the class itself adds (not those of the views it builds on)."""
    own = {n for n in vars(cls) if not n.startswith("_")} - {"make"}
    fields = set(cls.__annotations__) if "__annotations__" in vars(cls) else set()
    return {n for n in own | fields if not n.startswith("_")}


USES = {template: _page_uses(template) for template in VIEWS}


@pytest.mark.parametrize("template", sorted(VIEWS))
def test_a_template_reads_only_what_its_view_holds(template):
    cls = VIEWS[template]
    used = USES[template]
    assert not [n for n in used if n.startswith("_")], f"{template} reads a private part of its view"
    missing = set(used) - _members(cls)
    assert not missing, f"{template} (and its parts) read {sorted(missing)} from `page`, which {cls.__name__} does not hold"
    for name, facade in FACADES.items():
        unknown = used.get(name, set()) - {n for n in vars(facade) if not n.startswith("_")}
        assert not unknown, f"{template}: page.{name} has no {sorted(unknown)}"


def test_each_view_holds_exactly_what_its_templates_show():
    """A name a view adds is shown by one of its own templates; a name of a view others build
    on (PageView, the questions) by the templates of one of them at least."""
    by_class: dict[type, set[str]] = {}
    for template, cls in VIEWS.items():
        by_class.setdefault(cls, set()).update(USES[template])
    every_view = {klass for cls in by_class for klass in cls.__mro__ if issubclass(klass, PageView)}
    for klass in every_view:
        shown_by = set().union(*(used for cls, used in by_class.items() if issubclass(cls, klass)))
        unshown = _declared(klass) - shown_by
        assert not unshown, f"{klass.__name__} holds {sorted(unshown)}, which no template of it shows: remove them"
    for name, facade in FACADES.items():
        shown = set().union(*(USES[t].get(name, set()) for t in VIEWS))
        unshown = {n for n in vars(facade) if not n.startswith("_")} - shown
        assert not unshown, f"page.{name} offers {sorted(unshown)}, which no template uses: remove them"


def _view_classes() -> set[type]:
    return {klass for cls in VIEWS.values() for klass in cls.__mro__ if klass.__module__.startswith("macros.site.views")}


def test_no_view_is_a_grab_bag():
    """No view answers for names it does not declare, and none holds loosely typed values: no
    `__getattr__`, no field typed object, Any, a callable or a dictionary of anything."""
    for path in (ROOT / "macros").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name in ("__getattr__", "__getattribute__"):
                raise AssertionError(f"{path.relative_to(ROOT)}:{node.lineno}: {node.name} answers for any name")
    loose = {object, typing.Any}
    for cls in _view_classes():
        if not dataclasses.is_dataclass(cls):
            continue
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if f.name.startswith("_"):
                continue
            hint = hints[f.name]
            parts = [hint, *typing.get_args(hint)]
            assert not loose & set(parts), f"{cls.__name__}.{f.name}: {hint} says nothing of what it holds"
            assert typing.get_origin(hint) is not typing.get_origin(typing.Callable[[], None]), f"{cls.__name__}.{f.name} is a function"
            if typing.get_origin(hint) is dict:
                assert typing.get_args(hint)[1] not in loose, f"{cls.__name__}.{f.name}: {hint} is a bag"


def test_every_page_gets_its_view_and_no_view_hands_out_a_module(content):
    """Every page of the site has a view, and nothing a view holds, nor any of the named rules
    it offers, is a module or the build's own machinery."""
    site = SiteData(content)
    templates = {p.template for p in pages(content)}
    assert templates == set(VIEWS), f"pages without a view: {sorted(templates - set(VIEWS))}; views of no page: {sorted(set(VIEWS) - templates)}"
    for page in pages(content):
        made = view(page.template, site, page.path, page.context)
        assert type(made) is VIEWS[page.template]
        for name in _members(type(made)):
            value = getattr(made, name)
            values = [value, *(getattr(value, n) for n in vars(type(value)) if not n.startswith("_"))] \
                if type(value) in FACADES.values() else [value]
            for each in values:
                assert not isinstance(each, types.ModuleType | SiteData), f"{page.template}: page.{name} hands out {each!r}"


def test_a_page_list_that_gives_a_view_the_wrong_thing_is_named(content):
    with pytest.raises(TypeError, match=r"needs `module`, a Module: the page list gave 'A'"):
        view("pages/module.md", SiteData(content), "modules/a.html", {"module": "A"})


def test_every_page_template_is_listed():
    on_disk = {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.md")}
    assert on_disk == set(VIEWS)
