"""Case library, framework diagrams and "you are here", as a reader meets them."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from macros.site import urls


class _SvgLinks(HTMLParser):
    """Links inside <svg class="diagram ..."> elements, by diagram class."""

    def __init__(self):
        super().__init__()
        self.current = None
        self.depth = 0
        self.links: dict[str, list[str]] = {}
        self.current_steps: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and "diagram" in (a.get("class") or ""):
            self.current = a["class"].split()[-1]
            self.links.setdefault(self.current, [])
        if self.current and tag == "a":
            self.links[self.current].append(a.get("href"))
        if self.current and a.get("aria-current") == "step":
            self.current_steps.append(self.current)

    def handle_endtag(self, tag):
        if tag == "svg":
            self.current = None


def svg_links(site, path):
    p = _SvgLinks()
    p.feed((site / path).read_text(encoding="utf-8"))
    return p


def test_every_step_and_task_is_a_link_in_the_module_diagrams(site, content):
    for module in content.modules:
        links = svg_links(site, urls.module_path(module.id)).links["diagram--module"]
        for step in module.steps:
            assert f"../steps/{step.id}.html" in links
            for task in step.tasks:
                assert f"../steps/{step.id}.html#{urls.task_anchor(task.id)}" in links, task.id


def test_every_step_and_module_is_a_link_in_the_framework_diagram(site, content):
    links = svg_links(site, "chapters/ii.html").links["diagram--framework"]
    for step in content.steps:
        assert f"../steps/{step.id}.html" in links
    for module in content.modules:
        assert f"../modules/{module.id.lower()}.html" in links


def test_core_principles_diagram_names_the_three_principles(site):
    html = (site / "chapters/i.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg class="diagram diagram--principles".*?</svg>', html, re.S).group(0)
    for name in ("Convergence of", "Complementarity", "Shared value", "Mutuality"):
        assert name in svg
    assert "<title" in svg and "<desc" in svg


def test_each_step_page_says_you_are_here(site, content):
    for step in content.steps:
        parsed = svg_links(site, urls.step_path(step.id))
        assert parsed.current_steps == ["diagram--here"], step.id
        links = parsed.links["diagram--here"]
        assert len([link for link in links if link.endswith(".html") and "/" not in link.strip("./")]) >= 11  # the other steps
        assert f"{step.id}.html" not in links  # the current step is marked, not linked to itself


def test_glossary_page_marks_whose_definition_it_is(site, content):
    html = (site / "glossary.html").read_text(encoding="utf-8")
    for entry in content.glossary.terms:
        assert f'id="term-{entry.id}"' in html
    msp = next(t for t in content.glossary.terms if t.abbreviation == "MSP")
    assert msp.definition and "voluntary and collaborative relationships" in msp.definition
    editorial = [t for t in content.glossary.terms if t.editorial_definition]
    assert html.count('<span class="editorial-tag">Editorial</span>') == len(editorial)


def test_abbreviations_are_explained_once_per_page(site):
    html = (site / "chapters/annex-i.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert article.count('<abbr title="Economic and Social Commission for Asia and the Pacific">ESCAP</abbr>') == 1
    assert article.count("ESCAP") > 3
    case = (site / "cases/iv-12.html").read_text(encoding="utf-8")
    assert '<abbr title="World Health Organization">WHO</abbr>' in case
