"""Every stylesheet and script of a page is asked for at once (macros/site/preload.py): Chromium's
preload scanner stops at our policy's <meta>, so each page names them in <link rel="preload">
before the first script of its <head>, which stops the parser until it has run."""
from __future__ import annotations

import re

PAGES = ["index.html", "steps/3.html", "assessment/module-a.html", "worksheets/rewards-and-risks.html", "cases/index.html"]
PRELOAD = re.compile(r'<link rel="preload" as="(script|style)" href="([^"]+)">')
SCRIPT = re.compile(r"<script\b([^>]*)\ssrc=\"([^\"]+)\"([^>]*)>")
STYLE = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


def test_each_page_preloads_its_scripts_in_the_order_they_run_before_the_parser_stops(site):
    for name in PAGES:
        html = (site / name).read_text(encoding="utf-8")
        preloads = PRELOAD.findall(html)
        scripts = [(src, bool(re.search(r"\b(defer|async)\b", before + after))) for before, src, after in SCRIPT.findall(html)]
        in_order = [src for src, waits in scripts if not waits] + [src for src, waits in scripts if waits]
        assert [href for kind, href in preloads if kind == "script"] == list(dict.fromkeys(in_order)), name
        assert [href for kind, href in preloads if kind == "style"] == STYLE.findall(html), \
            f"{name}: its stylesheet is not the one preloaded"
        first_script = SCRIPT.search(html)
        assert first_script and html.rindex('<link rel="preload"') < first_script.start(), \
            f"{name}: a preload after the first script, which the parser reaches only once that script has run"
