"""Case library, framework diagrams and "you are here", as a reader meets them."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from macros.site import urls
from macros.site.places import case_scope


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


def visible_cases(page):
    return sorted(c.get_attribute("id") for c in page.locator(".case-card").all() if c.is_visible())


def expected(content, predicate):
    return sorted(f"case-{urls.slug(c.id)}" for c in content.cases if predicate(c))


def test_case_filters_show_exactly_the_matching_cases(page, server, content):
    scope = case_scope(content)
    page.goto(f"{server}/cases/index.html")
    assert len(visible_cases(page)) == 13
    page.select_option("select[name=country]", "India")
    assert visible_cases(page) == expected(content, lambda c: "India" in c.editorial.countries)
    assert "#country=India" in page.url
    page.select_option("select[name=country]", "")
    page.select_option("select[name=module]", "C")
    assert visible_cases(page) == expected(content, lambda c: "C" in scope[c.id][0])
    page.select_option("select[name=step]", "8")
    assert visible_cases(page) == expected(content, lambda c: "C" in scope[c.id][0] and "8" in scope[c.id][1])
    assert re.search(r"#module=C&step=8$", page.url)
    page.click("form[data-case-filters] button[type=reset]")
    page.wait_for_function("document.querySelectorAll('.case-card:not([hidden])').length === 13")


def test_a_course_link_restores_the_filter(page, server, content):
    scope = case_scope(content)
    page.goto(f"{server}/cases/index.html#module=C")
    assert page.locator("select[name=module]").input_value() == "C"
    want = expected(content, lambda c: "C" in scope[c.id][0])
    assert visible_cases(page) == want
    assert page.locator("#case-count").inner_text() == f"{len(want)} of 13 cases match."
    page.goto(f"{server}/cases/index.html#theme=scaling-up&sdg=17")
    assert visible_cases(page) == expected(content, lambda c: "scaling-up" in c.editorial.themes and 17 in c.editorial.sdgs)


def test_without_javascript_every_case_is_listed(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{server}/cases/index.html#module=C")
        assert len(visible_cases(page)) == 13
        assert not page.locator("form[data-case-filters]").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_diagrams_render_at_phone_and_desktop_widths(browser, server, tmp_path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{server}/modules/c.html#steps-and-tasks")
        box = page.locator("svg.diagram--module").bounding_box()
        assert box and box["width"] <= width and box["height"] > 200
        page.screenshot(path=str(tmp_path / f"module-c-{width}.png"))
        page.goto(f"{server}/chapters/ii.html#figure-ii-2")
        framework = page.locator("svg.diagram--framework")
        text_version = page.locator(".fig-text--narrow")
        if width < 600:
            assert not framework.is_visible() and text_version.is_visible()  # readable on a phone
        else:
            assert framework.is_visible() and not text_version.is_visible()
    finally:
        context.close()


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
