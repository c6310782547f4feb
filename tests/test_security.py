"""Content-Security-Policy that the pages really satisfy, online and from file://."""
from __future__ import annotations

import re

import jinja2
import pytest

from macros.project import ROOT
from macros.site import csp

RECORD = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
"""


def test_every_page_declares_a_strict_policy(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert meta, f"{path.relative_to(site)} has no Content-Security-Policy"
        policy = meta.group(1)
        assert "default-src 'none'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert not re.search(r"https?:|\*", policy), policy  # no other host, no wildcard
        assert html.index("Content-Security-Policy") < html.index("<script"), "the policy must come before any script"
        assert csp.PLACEHOLDER not in html


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


def test_a_page_with_an_injected_inline_script_fails_the_build(tmp_path):
    from test_hostile_content import build_with, config_with_extra_page

    site = tmp_path / "site"
    config = config_with_extra_page(tmp_path, "notes.md", "# Notes\n\n<script>window.__pwned = 1</script>\n")
    result = build_with(config, site)
    assert result.returncode != 0
    assert "notes.md: an inline script that no template wrote: 'window.__pwned = 1'" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


@pytest.fixture(params=["http", "file"])
def base(request, server, site):
    return server if request.param == "http" else site.as_uri()


def violations(page):
    return page.evaluate("window.__violations")


def test_pages_run_without_any_policy_violation(browser, base, tmp_path):
    context = browser.new_context(accept_downloads=True, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(RECORD)
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        for path in ("index.html", "steps/3.html", "modules/a.html", "cases/index.html", "chapters/ii.html",
                     "checklists/module-a.html", "glossary.html", "links.html", "about.html"):
            page.goto(f"{base}/{path}")
            page.wait_for_timeout(200)
            assert not violations(page), (path, violations(page))
        # Search (a worker over http, the iframe-worker shim from file://)
        from test_browser import search

        assert search(page, base, "scaling up")
        assert not violations(page), violations(page)
        # Case filters, the self-assessment with its export, a copy button
        page.goto(f"{base}/cases/index.html#country=India")
        page.select_option("select[name=module]", "D")
        page.goto(f"{base}/assessment/module-e.html")
        page.locator("fieldset[data-question] input[value='partly']").first.check()
        page.goto(f"{base}/assessment/index.html")
        with page.expect_download():
            page.locator("#assessment-export-csv").click()
        assert page.locator("#assessment-results svg").count() == 2
        # A worksheet (fill, add a row, export) and the action plan it feeds
        page.goto(f"{base}/worksheets/rewards-and-risks.html")
        page.locator("[data-add-row=actions]").click()
        page.locator("#ws-actions tbody tr textarea").first.fill("Insure the van")
        with page.expect_download():
            page.locator("[data-export-json]").click()
        page.goto(f"{base}/action-plan.html")
        assert page.locator("#plan-table tbody tr").count() == 1
        assert not violations(page), violations(page)
        page.goto(f"{base}/links.html")
        page.locator("button.copy-link").first.click()
        page.wait_for_timeout(200)
        assert not violations(page), violations(page)
        assert not refused, refused
    finally:
        context.close()
