"""A page's stylesheets as one file (macros/site/css_bundle.py) that means what they meant from
their own folders, and its scripts as one file (macros/site/bundles.py) that runs them as before."""
from __future__ import annotations

import re

import pytest

from macros.site import bundles, css_bundle
from macros.site.css_bundle import Sheet, UnbundlableCss, rebase_urls
from macros.site.preload import linked_stylesheets, site_path


def test_a_relative_address_is_rewritten_to_reach_the_same_file_from_the_bundle():
    css = ".a{background:url(../images/x.png)}.b{background:url('fonts/y.woff2?v=2#f')}.c{mask:url( \"z.svg\" )}"
    out = rebase_urls(css, "assets/css", "assets/stylesheets")
    assert 'url("../images/x.png")' in out           # assets/images/x.png, from either folder
    assert 'url("../css/fonts/y.woff2?v=2#f")' in out   # assets/css/fonts/..., query and fragment kept
    assert 'url("../css/z.svg")' in out
    assert rebase_urls(".a{background:url(x.png)}", "assets/stylesheets", "assets/stylesheets") == \
        '.a{background:url("x.png")}'


def test_data_absolute_and_fragment_addresses_are_left_alone():
    svg = 'url("data:image/svg+xml;charset=utf-8,<svg><path fill=\'url(%23g)\'/></svg>")'
    css = (f".a{{mask:{svg}}}.b{{background:url(https://example.org/x.png)}}.c{{background:url(//cdn/x.png)}}"
           ".d{background:url(/root.png)}.e{fill:url(#grad)}.f{background:url()}")
    assert rebase_urls(css, "assets/css", "assets/stylesheets") == css


def test_a_bundle_applies_its_stylesheets_in_order_with_their_media_and_one_charset():
    name, text = css_bundle.bundle([
        Sheet("assets/stylesheets/main.css", '@charset "UTF-8";.a{color:red}/*# sourceMappingURL=main.css.map*/'),
        Sheet("assets/css/print.css", ".a{color:black}", media="print"),
        Sheet("assets/css/site.css", ".a{background:url(x.png)}", media="all"),
    ])
    assert re.fullmatch(r"assets/stylesheets/page\.[0-9a-f]{12}\.css", name)
    assert text.startswith('@charset "UTF-8";\n') and text.count("@charset") == 1
    assert text.index(".a{color:red}") < text.index("@media print{\n.a{color:black}\n}") < text.index('url("../css/x.png")')
    assert "sourceMappingURL" not in text
    assert "@media all" not in text


def test_a_bundle_is_named_by_its_content_and_its_order():
    a, b = Sheet("assets/css/a.css", ".a{}"), Sheet("assets/css/b.css", ".b{}")
    assert css_bundle.bundle([a, b])[0] == css_bundle.bundle([a, b])[0]
    assert css_bundle.bundle([a, b])[0] != css_bundle.bundle([b, a])[0]
    assert css_bundle.bundle([a])[0] != css_bundle.bundle([Sheet("assets/css/a.css", ".a{color:red}")])[0]


@pytest.mark.parametrize("css", ['@import "other.css";.a{}', ".a{}@import url(x.css);", "@namespace svg url(x);",
                                 '.a{}@charset "UTF-8";', '@charset "ISO-8859-1";.a{}'])
def test_what_only_counts_at_the_top_of_a_stylesheet_fails_loudly(css):
    with pytest.raises(UnbundlableCss):
        css_bundle.bundle([Sheet("assets/css/a.css", ".z{}"), Sheet("assets/css/b.css", css)])


def test_a_font_face_keeps_its_font():
    text = css_bundle.bundle([Sheet("assets/css/a.css", "@font-face{font-family:X;src:url(fonts/x.woff2)}")])[1]
    assert 'src:url("../css/fonts/x.woff2")' in text


def test_a_script_bundle_runs_its_scripts_in_order_each_as_strict_as_it_was():
    material = '"use strict";(()=>{var a=1;window.x=a;})();\n//# sourceMappingURL=bundle.min.js.map\n'
    name, text = bundles.bundle([("assets/vendor/shim.js", "/* c */\n(function () {\n  'use strict';\n})();"),
                                 ("assets/javascripts/bundle.min.js", material),
                                 ("assets/js/ours.js", "var sloppy = 1")])
    assert re.fullmatch(r"assets/js/page\.[0-9a-f]{12}\.js", name)
    assert text.index("(function ()") < text.index("(()=>{") < text.index("var sloppy")
    assert '(()=>{"use strict";var a=1;window.x=a;})();' in text   # strict inside its own function only
    assert "sourceMappingURL" not in text
    # First in the file, its prologue would have made the scripts after it strict.
    first = bundles.bundle([("assets/javascripts/bundle.min.js", material), ("assets/js/ours.js", "var sloppy = 1")])[1]
    assert not bundles._STRICT.match(first)


def test_a_script_strict_in_a_way_that_would_spread_fails_loudly():
    with pytest.raises(bundles.UnbundlableScript):
        bundles.bundle([("assets/js/a.js", '// a comment\n"use strict";\nvar a = 1;')])


def test_the_stylesheets_a_page_links_and_where_they_are_in_the_site():
    html = '<link rel="stylesheet" href="../a.css"><link rel="preload" as="style" href="b.css"><link href="c.css" media="print" rel="stylesheet">'
    assert linked_stylesheets(html) == [("../a.css", None), ("c.css", "print")]
    assert site_path("../assets/css/a.css", "steps/3.html") == "assets/css/a.css"
    assert site_path("assets/css/a.css", "index.html") == "assets/css/a.css"
    assert site_path("/guidelines/assets/a.css", "404.html", "/guidelines/") == "assets/a.css"
