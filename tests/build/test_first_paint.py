"""A page paints its first text from its own response (issue 25): the rules for its elements inline
in <head>, trusted by the policy through their hash, and nothing in <head> that the first paint
would wait for; its stylesheets and scripts after its content, its own scripts as one file."""
from __future__ import annotations

import base64
import hashlib
import re

from macros.site.critical_css import _selectors, parse

PAGES = ["index.html", "steps/3.html", "assessment/module-a.html", "worksheets/rewards-and-risks.html", "cases/index.html",
         "404.html"]
STYLE = re.compile(r"<style>(.*?)</style>", re.S)
LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"")


def parts(html: str) -> tuple[str, str]:
    head, body = html.split("</head>", 1)
    return head, body


def policy(html: str) -> str:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found
    return found.group(1)


def test_a_page_carries_the_rules_of_its_first_paint_in_head_and_the_policy_trusts_them_alone(site):
    for name in PAGES:
        html = (site / name).read_text(encoding="utf-8")
        head, body = parts(html)
        styles = STYLE.findall(head)
        assert len(styles) == 1, f"{name}: {len(styles)} inline styles in <head>"
        css = styles[0]
        for rule in (".md-header{", ".md-main__inner{", ".md-typeset h1", "@media screen and (max-width:76.234375em)"):
            assert rule in css, f"{name}: no {rule} in its first paint's rules"
        style_src = re.search(r"style-src ([^;]+)", policy(html))
        assert style_src, name
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode() + "'"
        assert digest in style_src.group(1).split(), f"{name}: the policy does not trust its inline rules"
        assert "unsafe" not in policy(html), name
        inline = re.findall(r"<style\b[^>]*>", html)   # the page's own print styles too
        assert len(style_src.group(1).split()) == 1 + len(inline), f"{name}: the policy trusts a style the page lacks"
        assert "__CRITICAL_CSS__" not in html


def test_nothing_in_head_holds_back_the_first_paint(site):
    for name in PAGES:
        head, body = parts((site / name).read_text(encoding="utf-8"))
        assert not LINK.findall(head), f"{name}: a stylesheet in <head>: {LINK.findall(head)}"
        assert not SCRIPT.findall(head), f"{name}: a script from a file in <head>: {SCRIPT.findall(head)}"
        links = LINK.findall(body)
        assert len(links) == 1 and "assets/stylesheets/page." in links[0], f"{name}: {links}"
        assert body.index('<article class="md-content__inner') < body.index('<link rel="stylesheet"'), name


def test_the_first_paint_rules_are_the_stylesheets_own(site):
    """Chosen, never written: each inline rule is a rule of a stylesheet the page links, with
    declarations of that rule (whatever a hand-copied rule would say)."""
    for name in ("steps/3.html", "assessment/module-a.html"):
        html = (site / name).read_text(encoding="utf-8")
        page = site / name
        declared: dict[str, set[str]] = {}
        for href in LINK.findall(html):
            for rule in _flat(parse((page.parent / href).resolve().read_text(encoding="utf-8"))):
                for selector in _selectors(rule.prelude):
                    declared.setdefault(selector, set()).update(d.strip() for d in rule.body.split(";"))
        inline = list(_flat(parse(STYLE.findall(parts(html)[0])[0])))
        assert len(inline) > 100, name
        for rule in inline:
            for selector in _selectors(rule.prelude):
                assert selector in declared, f"{name}: {selector} is in no stylesheet of the page"
                extra = {d.strip() for d in rule.body.split(";")} - declared[selector]
                assert not extra, f"{name}: {selector} {{{extra}}} is not what the stylesheets say"


def _flat(rules):
    for rule in rules:
        if rule.rules is None:
            yield rule
        else:
            yield from _flat(rule.rules)


def test_a_page_loads_its_own_scripts_as_one_file_named_by_its_content(site):
    for name, sources in [("assessment/module-a.html", ["assets/js/assessment-model.js", "assets/js/assessment-core.js",
                                                         "assets/js/data-layer.js", "assets/js/assessment.js"]),
                          ("worksheets/rewards-and-risks.html", ["assets/js/data-layer.js", "assets/js/office-files.js",
                                                                  "assets/js/worksheet.js"])]:
        html = (site / name).read_text(encoding="utf-8")
        own = [src for src in SCRIPT.findall(html) if "/page." in src]
        assert len(own) == 1, f"{name}: {SCRIPT.findall(html)}"
        assert not [src for src in SCRIPT.findall(html) if any(src.endswith(s.rsplit("/", 1)[1]) for s in sources)], name
        file = (site / name).parent / own[0]
        text = file.resolve().read_text(encoding="utf-8")
        assert file.resolve().parent == (site / "assets" / "js").resolve()   # beside its scripts: currentScript finds their libraries
        assert hashlib.sha256(text.encode("utf-8")).hexdigest()[:12] in own[0]
        positions = []
        for source in sources:
            body = (site / source).read_text(encoding="utf-8").rstrip()
            assert body in text, f"{name}: {source} is not in {own[0]} as it is"
            positions.append(text.index(body))
        assert positions == sorted(positions), f"{name}: its scripts run out of order"


def test_a_pages_own_print_rules_come_after_the_stylesheets(site):
    """Rules of equal weight: the later wins. A template's print rules (the framework at a glance
    on one landscape page, a worksheet's page header) must come after the stylesheets at the end of
    <body>, or the theme's print rules undo them."""
    for path in ("checklists/framework.html", "worksheets/stakeholder-map.html", "action-plan.html"):
        html = (site / path).read_text(encoding="utf-8")
        own = [m.start() for m in re.finditer(r'<style media="print">', html)]
        links = [m.start() for m in re.finditer(r'<link rel="stylesheet"', html)]
        assert own and links, path
        assert min(own) > max(links), path
