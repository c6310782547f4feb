"""The tree keeps its shape: one package, no path tricks, no import cycles, layers import
downwards only, and the one copied Material partial stays pinned to Material's own."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import material

from macros.project import ROOT

PACKAGE = ROOT / "macros"
# Each layer may import itself and the layers listed (project.py is shared by all).
LAYERS = {
    "content": {"content"},
    "site": {"content", "site"},
    "outputs": {"content", "site", "outputs"},
    "engine": {"content", "site", "outputs", "engine"},
}


def _imports(path: Path) -> list[str]:
    """Absolute names of the macros modules `path` imports."""
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found += [name] + [f"{name}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return [name for name in found if name.startswith("macros")]


def test_no_code_edits_sys_path():
    edit = re.compile(r"sys\.path\.(insert|append)\(")
    for path in [*ROOT.glob("macros/**/*.py"), *ROOT.glob("tests/*.py"), *ROOT.glob("bench/*.py")]:
        if path != Path(__file__):
            assert not edit.search(path.read_text(encoding="utf-8")), f"{path}: the package is installed (pip install -e .)"


def test_layers_import_downwards_only():
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) < 2:
            continue
        allowed = LAYERS[parts[0]]
        for name in _imports(path):
            layer = name.split(".")[1] if name.count(".") else None
            if layer in LAYERS:
                assert layer in allowed, f"{path.relative_to(ROOT)} imports {name}: {parts[0]} may import only {sorted(allowed)}"


def test_every_package_is_installed():
    """pyproject.toml lists the packages by name: one left out is missing from a non-editable install."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found == listed, f"pyproject.toml [tool.setuptools] packages: add {sorted(found - listed)}, remove {sorted(listed - found)}"


def test_no_import_cycles():
    modules = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p for p in PACKAGE.rglob("*.py")}
    imports = {name: set(_imports(path)) for name, path in modules.items()}
    graph = {name: {m for m in modules if m != name and m in imports[name]} for name in modules}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(trail[trail.index(nxt):] + [nxt]) if nxt in trail else nxt)
            if nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [name])


def test_no_private_names_used_across_modules():
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                private = [a.name for a in node.names if a.name.startswith("_") and a.name != "__future__"]
                assert not private or node.module == "__future__", f"{path.relative_to(ROOT)} imports private {private}"


def test_search_partial_is_materials_own_with_one_change():
    """overrides/partials/search.html is Material's, plus an accessible name for the dialog
    (axe: aria-dialog-name). Material offers no block for it, so the copy is pinned here."""
    upstream = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    body = lambda text: text.split("-#}", 1)[1]  # noqa: E731 - the licence comment differs by design
    expected = body(upstream).replace('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">', 1)
    assert body(ours) == expected, "Material's search partial changed: re-copy it and re-apply the aria-label"


def test_static_files_live_in_docs_only():
    for folder in ("web", "toolkit", "glue", "assessment", "checklists"):
        assert not (ROOT / folder).exists(), f"{folder}/ is gone: see README's 'Where things live'"
    for path in ROOT.glob("docs/**/*"):
        assert path.suffix not in (".py", ".yml", ".md") or path.name in ("CHANGES.txt",), path


def test_the_checks_look_entities_up_in_the_content_index():
    """The content is indexed once, when it is made, before the checks run: a check that gathers
    the steps or tasks from the modules again is a second index, which can drift from the one
    the pages use. (modules.py checks the modules themselves, file by file.)"""
    gathers = re.compile(r"for \w+ in \w+\.steps\b|\bfor _, \w+ in loaded\.(modules|cases|chapters)\b.*\bfor\b")
    for path in (PACKAGE / "content" / "checks").glob("*.py"):
        if path.name != "modules.py":
            found = gathers.search(path.read_text(encoding="utf-8"))
            assert not found, f"{path.relative_to(ROOT)}: {found.group(0)!r}: use content.task_by_id, step_by_id …"


def test_templates_receive_one_page_object(content):
    """Templates reach Python only through `page` (and gettext, with `_md` for headings): no helper is a Jinja global."""
    from jinja2 import Environment

    from macros.site.render import Renderer
    from macros.site.views import SiteData

    renderer = Renderer(SiteData(content))
    ours = set(renderer.env.globals) - set(Environment().globals) - {"_", "_md", "gettext", "ngettext", "pgettext", "npgettext"}
    assert not ours, f"Jinja globals besides `page`: {sorted(ours)}"
    html = renderer.render("pages/step.md", "steps/3.html", module=content.module_by_id["A"], step=content.step_by_id["3"])
    assert 'id="task-3-2"' in html or "{: #task-3-2 }" in html


