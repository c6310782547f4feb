"""Content-Security-Policy that the pages really satisfy, online and from file://."""
from __future__ import annotations

import re

import pytest

from macros.site import csp


def test_every_page_declares_a_strict_policy(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert meta, f"{path.relative_to(site)} has no Content-Security-Policy"
        policy = meta.group(1)
        assert "default-src 'none'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert not re.search(r"https?:|\*", policy), policy  # no other host, no wildcard
        if "<script" in html:   # a light page has none (macros/site/light.py)
            assert html.index("Content-Security-Policy") < html.index("<script"), "the policy must come before any script"
        assert csp.PLACEHOLDER not in html


def test_a_page_with_an_injected_inline_script_fails_the_build(tmp_path):
    from mkdocs_config import build_with, config_with_extra_page

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


