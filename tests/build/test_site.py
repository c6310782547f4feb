"""The built site, read as a user reads it: pages, text, links, anchors, guidelines.json."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import fidelity
import yaml

from macros.content import inline
from macros.content.load import load
from macros.outputs.guidelines_json import guidelines_json
from macros.project import ROOT
from macros.site import urls
from macros.site.pages import pages


class _Text(HTMLParser):
    """The text of a page's main article, and the ids and links in it."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.chunks: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.article_links: list[str] = []     # the links in the page's own text, not in its menus or panels (<nav>)
        self._nav = 0
        self.description = None
        self.title = None
        self._in_title = False
        self.skip = False  # footnote markers are not part of the sentence

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "sup" and "fnref" in (a.get("class") or ""):
            self.skip = True
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "article":
            self.depth += 1
        if tag == "nav":
            self._nav += 1
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
            if self.depth > 0 and not self._nav:
                self.article_links.append(a["href"])
        if tag == "meta" and a.get("name") == "description":
            self.description = a.get("content")
        if tag == "title":
            self._in_title = True
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "td", "th", "dt", "dd", "br", "figcaption"):
            self.chunks.append(" ")

    def handle_endtag(self, tag):
        if tag == "sup":
            self.skip = False
        if tag == "article":
            self.depth -= 1
        if tag == "nav":
            self._nav -= 1
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self.depth > 0 and not self.skip:
            self.chunks.append(data)
        if self._in_title:
            self.title = (self.title or "") + data

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())


def read(site: Path, path: str) -> _Text:
    parser = _Text()
    parser.feed((site / path).read_text(encoding="utf-8"))
    return parser


def test_every_page_is_built(site, content):
    for page in pages(content):
        assert (site / page.path).is_file(), page.path


def test_no_template_or_macro_residue_on_any_page(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        # CSS closes a rule and its @media block with "}}": only what opens a template is residue there.
        styles = "".join(re.findall(r"(?s)<style\b[^>]*>(.*?)</style>", html))
        text = re.sub(r"(?s)<(script|style)\b.*?</\1>", "", html)
        for residue in ("{{", "}}", "{%", "%}", "Macro Rendering Error", "Traceback", "Undefined", "{: #", "href=\"None\""):
            assert residue not in text, f"{path.relative_to(site)} contains {residue!r}"
        for residue in ("{{", "{%"):   # "100%}" and "@media x{#id{" are CSS
            assert residue not in styles, f"{path.relative_to(site)}: its <style> contains {residue!r}"


ADDRESSES = [line for line in (ROOT / "tests/fixtures/addresses.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]


def test_every_address_courses_link_to_still_resolves(site):
    """The addresses listed once (tests/fixtures/addresses.txt), not computed by the code that
    makes them: each page exists and carries its anchor."""
    assert len(ADDRESSES) > 200
    pages: dict[str, _Text] = {}
    for address in ADDRESSES:
        path, _, anchor = address.partition("#")
        assert (site / path).is_file(), address
        if anchor:
            assert anchor in pages.setdefault(path, read(site, path)).ids, address


def test_every_task_and_item_is_on_its_step_page(site, content):
    """Each task's items as the published guidelines.json gives them: their text on their step
    page, at the address listed for it."""
    data = json.loads((site / "guidelines.json").read_text(encoding="utf-8"))
    for step in (s for m in data["modules"] for s in m["steps"]):
        page = read(site, step["url"])
        text = fidelity.fold(page.text)
        for task in step["tasks"]:
            assert task["url"] in ADDRESSES and task["url"].partition("#")[2] in page.ids
            assert fidelity.fold(f"Task {task['id']}: {task['title']}") in text
            todo = list(task["items"])
            while todo:
                entry = todo.pop(0)
                todo[:0] = entry.get("items", [])
                assert entry["url"] in ADDRESSES and entry["url"].partition("#")[2] in page.ids, entry["url"]
                if entry["text"]:
                    assert fidelity.fold(entry["text"]) in text, f"{entry['id']} missing on step {step['id']}"


def test_step_pages_show_their_boxes_context_and_neighbours(site, content):
    page = read(site, "steps/3.html")
    assert "Part of Module A: Initiation" in page.text
    assert "box-iv-3" in page.ids and "box-iv-4" in page.ids
    assert "Organizational risks" in page.text and "Reputation impact" in page.text
    assert "../steps/2.html" not in page.links and "2.html" in page.links and "4.html" in page.links
    assert "Common rewards" in page.text and "Greater innovation" in page.text
    first, last = read(site, "steps/1.html"), read(site, "steps/12.html")
    assert "Step 2: Agenda setting and scoping →" in first.text and "←" not in first.text
    assert "← Step 11: Scaling up" in last.text


def test_module_pages_have_outcomes_principles_steps_and_factors(site, content):
    for module in content.modules:
        page = read(site, urls.module_path(module.id))
        text = page.text
        assert fidelity.fold(module.outcomes.lead) in fidelity.fold(text)
        for group in module.key_principles.groups:
            assert urls.principle_anchor(group.id) in page.ids
        for step in module.steps:
            assert f"../steps/{step.id}.html" in page.links
            for task in step.tasks:
                assert f"../steps/{step.id}.html#{urls.task_anchor(task.id)}" in page.links
        assert "Key success factors" in text or "Key challenges" in text
    assert "Mutual trust." in read(site, "modules/b.html").text
    assert "Measuring impact." in read(site, "modules/c.html").text


def test_case_pages_link_both_ways(site, content):
    """Read off the built pages, not from the code that places the boxes: the guidance page that
    prints a box (it carries the box's anchor) and every guidance page whose own text links to the
    case are linked from the case's own text."""
    import posixpath

    guidance = {str(p.relative_to(site)): read(site, str(p.relative_to(site)))
                for folder in ("steps", "modules", "chapters") for p in sorted((site / folder).glob("*.html"))}

    def target(href: str, at: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(at), href.partition("#")[0]))

    for case in content.cases:
        path = urls.case_path(case.id)
        page = read(site, path)
        assert f"Box {case.id}:" in page.text
        if case.source:
            assert fidelity.fold("Source: " + inline.plain(case.source)) in fidelity.fold(page.text)
        anchor = "box-" + Path(path).stem
        printed = [g for g, text in guidance.items() if anchor in text.ids]
        assert len(printed) == 1, (case.id, printed)
        linked_back = {target(href, path) for href in page.article_links}
        assert printed[0] in linked_back, (case.id, printed)
        citing = [g for g, text in guidance.items() if any(target(href, g) == path for href in text.article_links)]
        assert citing, case.id
        assert not set(citing) - linked_back, (case.id, sorted(set(citing) - linked_back))
    mongolia = read(site, "cases/iv-11.html")
    assert "Mongolia" in mongolia.text and "../steps/12.html#task-12-1" in mongolia.links


def test_every_sentence_of_the_publication_is_on_the_site(site, content):
    text = " ".join(read(site, str(p.relative_to(site))).text for p in sorted(site.rglob("*.html")))
    fixes = [(c.original, c.corrected) for c in content.corrections.corrections]
    misses = fidelity.forward(text, fixes)
    assert not misses, "Source text not found on the site:\n" + "\n".join(map(str, misses))


def test_footnotes_are_numbered_as_printed_and_linked(site):
    page = read(site, "steps/3.html")
    assert "fn-18" in page.ids and "fnref-18" in page.ids and "#fn-18" in page.links
    assert "18. Ros Tennyson, The Partnering Toolbook" in page.text
    refs = read(site, "references.html")
    for n in range(1, 22):
        assert f"fn-{n}" in refs.ids


def test_pages_have_distinct_titles_and_descriptions(site, content):
    seen = {}
    for page in pages(content):
        parsed = read(site, page.path)
        assert parsed.description and len(parsed.description) > 50, page.path
        assert parsed.description not in seen, f"{page.path} repeats the description of {seen.get(parsed.description)}"
        seen[parsed.description] = page.path
        assert page.title.split(":")[0] in (parsed.title or ""), page.path


def test_copyright_attribution_version_and_date_on_every_page(site):
    from macros.project import version

    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "© United Nations 2018" in text and "non-commercial" in text, path
        assert re.search(rf"Toolkit version {re.escape(version())}, built \d{{4}}-\d{{2}}-\d{{2}}", text), path


def test_nothing_is_loaded_from_another_host(site):
    pattern = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)=["'](?:https?:)?//""", re.I)
    for path in site.rglob("*.html"):
        found = pattern.findall(path.read_text(encoding="utf-8"))
        assert not found, f"{path.relative_to(site)} loads {found}"


def test_guidelines_json_lists_everything_with_working_addresses(site, content):
    data = json.loads((site / "guidelines.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert len(data["modules"]) == 5
    steps = [s for m in data["modules"] for s in m["steps"]]
    tasks = [t for s in steps for t in s["tasks"]]
    assert len(steps) == 12 and len(tasks) == 32 and len(data["cases"]) == 13
    addresses = [m["url"] for m in data["modules"]] + [s["url"] for s in steps] + [t["url"] for t in tasks]
    addresses += [c["url"] for c in data["cases"]] + [i["url"] for t in tasks for i in t["items"]]
    for address in addresses:
        path, _, anchor = address.partition("#")
        assert (site / path).is_file(), address
        if anchor:
            assert anchor in read(site, path).ids, address
    assert tasks[0]["items"][0]["text"].startswith("The first task is to identify and frame")


def test_addresses_do_not_depend_on_titles(content, tmp_path):
    """Renaming every title must leave every address as it was."""
    import shutil

    copy = tmp_path / "content"
    shutil.copytree(content.root, copy)
    def rename(node):
        if isinstance(node, dict):
            return {k: ("Renamed " + v if k == "title" and isinstance(v, str) else rename(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [rename(v) for v in node]
        return node

    for path in copy.rglob("*.yml"):
        data = rename(yaml.safe_load(path.read_text(encoding="utf-8")))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    renamed = load(copy)
    assert renamed.task_by_id["3.2"].title.startswith("Renamed")

    def addresses(c):
        data = guidelines_json(c)
        found = [p.path for p in pages(c)]
        found += [m["url"] for m in data["modules"]] + [c_["url"] for c_ in data["cases"]]
        for m in data["modules"]:
            for s in m["steps"]:
                found.append(s["url"])
                for t in s["tasks"]:
                    found += [t["url"]] + [i["url"] for i in t["items"]]
        return found

    assert addresses(renamed) == addresses(content)
