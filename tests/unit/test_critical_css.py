"""A page's first-paint rules are chosen from the real stylesheets by what the page holds
(macros/site/critical_css.py), and a page's scripts become one file (macros/site/bundles.py)."""
from __future__ import annotations

import pytest

from macros.site.bundles import bundle
from macros.site.critical_css import Stylesheets, parse

SHEET = """@charset "UTF-8";
/* a comment with a brace { */
:root{--md-primary:#4051b5;--md-unused:red;--md-shade:var(--md-primary)}
.md-header[title="{;}"]{color:blue}
.md-header{background:var(--md-shade);height:3rem}
.md-search{display:none}
.md-typeset h1,.md-typeset .absent{font-size:2em}
.md-nav__link:before{content:"{"}
.md-icon{background:url(icons/x.svg);mask:url("data:image/svg+xml;charset=utf-8,<svg></svg>");width:1rem}
[dir=rtl] .md-header{margin-right:0}
[data-md-color-primary=pink]{--md-primary:pink}
@media print{.md-header{display:none}}
@media screen and (max-width:76.2344em){.md-header{height:2rem}.md-search{height:1px}}
@keyframes spin{0%{opacity:0}}
"""
PAGE = """<html><body dir="ltr" data-md-color-primary="indigo"><header class="md-header"></header>
<article class="md-typeset"><h1>T</h1><a class="md-nav__link md-icon">x</a></article></body></html>"""


def test_rules_for_the_elements_of_the_page_are_kept_with_the_properties_they_read():
    css = Stylesheets([SHEET]).critical(PAGE)
    assert ".md-header{background:var(--md-shade);height:3rem}" in css
    assert ".md-typeset h1{font-size:2em}" in css                  # the selector the page lacks is dropped
    assert '.md-nav__link:before{content:"{"}' in css             # a pseudo-element styles its element
    assert ":root{--md-primary:#4051b5;--md-shade:var(--md-primary)}" in css   # read through another property
    assert "@media screen and (max-width:76.2344em){.md-header{height:2rem}}" in css


@pytest.mark.parametrize("left_out", [
    ".md-search",              # no such element on the page
    "--md-unused",             # a property nothing kept reads
    "@media print", "display:none",
    "@keyframes", "@charset",
    "icons/x.svg",             # an address that would resolve against the page, not the stylesheet
    "[dir=rtl]", "pink",       # attributes the page's elements do not have
    "comment",
    "color:blue",              # a selector holding braces, which must not end the rule
])
def test_what_the_first_paint_does_not_use_is_left_to_the_stylesheets(left_out):
    css = Stylesheets([SHEET]).critical(PAGE)
    assert left_out not in css
    assert "data:image/svg+xml" in css


def test_a_right_to_left_page_keeps_its_rules():
    css = Stylesheets([SHEET]).critical(PAGE.replace('dir="ltr"', 'dir="rtl"'))
    assert "[dir=rtl] .md-header{margin-right:0}" in css


def test_a_stylesheet_that_would_end_the_style_element_is_refused():
    with pytest.raises(ValueError, match="</style"):
        Stylesheets(['.md-header{content:"</style><script>alert(1)</script>"}']).critical(PAGE)


def test_a_bundle_runs_its_scripts_in_order_and_is_named_by_its_content():
    name, text = bundle([("assets/js/a.js", "var a = 1 // no newline at the end"), ("assets/js/b.js", "(function () {})()")])
    assert text.index("var a = 1") < text.index("(function")
    assert "// no newline at the end\n;\n" in text                  # the comment ends before the next script
    assert name.startswith("assets/js/page.") and name.endswith(".js")
    assert bundle([("assets/js/a.js", "var a = 2")])[0] != bundle([("assets/js/a.js", "var a = 1")])[0]


def test_an_apostrophe_in_a_comment_inside_a_rule_hides_no_rule_after_it():
    css = ".md-header{display:block; /* the browser's own */ color:red}\n.md-search{height:1px}\n.md-icon{width:1rem}"
    assert [rule.prelude for rule in parse(css)] == [".md-header", ".md-search", ".md-icon"]
