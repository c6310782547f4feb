"""The Content Security Policy trusts only the inline code that templates wrote (macros/site/csp.py)."""
from __future__ import annotations

import jinja2
import pytest

from macros.project import ROOT
from macros.site import csp


def trusting(scripts=(), styles=()) -> csp.Trusted:
    trust = csp.Trusted()
    trust.theme(jinja2.Environment(loader=jinja2.DictLoader(
        {"t.html": "".join(f"<script>{s}</script>" for s in scripts)})), {})
    for style in styles:
        trust.style(style)
    return trust


def page_with(body: str) -> str:
    return f'<head><meta http-equiv="Content-Security-Policy" content="{csp.PLACEHOLDER}"></head>{body}'


def test_policy_hashes_the_code_templates_wrote_and_ignores_data_blocks():
    html = page_with('<script>a()</script><script type="application/json">{"x":1}</script>'
                     '<script src="x.js"></script><style>p{}</style>')
    out = csp.apply(html, "t.html", ".", trusting(["a()"], ["p{}"]))
    assert out.count("sha256-") == 2 and csp.PLACEHOLDER not in out


@pytest.mark.parametrize("injected", [
    "<script>alert(1)</script>",
    '<script data-kind="application/json">alert(1)</script>',   # a data type named in another attribute
    "<SCRIPT >alert(1)</SCRIPT >",
    '<script type="module">alert(1)</script>',
])
def test_an_inline_script_no_template_wrote_fails(injected):
    with pytest.raises(csp.UntrustedCode, match=r"cases/iv-3.md: an inline script that no template wrote: 'alert\(1\)'"):
        csp.apply(page_with("<script>a()</script>" + injected), "cases/iv-3.md", ".", trusting(["a()"]))


def test_an_inline_style_no_template_wrote_fails():
    with pytest.raises(csp.UntrustedCode, match="an inline style that no template wrote"):
        csp.apply(page_with("<style>body{display:none}</style>"), "x.md", ".", trusting(styles=["p{}"]))


def test_theme_scripts_are_trusted_as_rendered_for_the_page_and_nothing_more():
    """Material's bootstrap script names the page's base URL: rendered from its template for
    that URL; a script shaped by anything but the configuration is never trusted."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    env = config.theme.get_env()
    trust = csp.Trusted()
    trust.theme(env, {"config": config})
    bootstrap = [s for s in trust.scripts("../..") if s.startswith("__md_scope=")]
    assert len(bootstrap) == 1 and 'new URL("../..",location)' in bootstrap[0], bootstrap
    assert not any('"../.."' in s for s in trust.scripts("."))
    shaped = csp.Trusted()
    shaped.theme(jinja2.Environment(loader=jinja2.DictLoader({"t.html": "<script>var t={{ page.title }}</script>"})), {})
    assert shaped.scripts(".") == frozenset()
