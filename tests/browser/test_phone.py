"""On a phone (360 px wide): no page scrolls sideways, links in the step strip and diagrams
are touch targets of at least 44 x 44 px (WCAG 2.5.5), diagram text is at least 12 px, and
screenshots of every page type are kept for a person to look at.

Every page is loaded once at 360 x 740 px for all of these (tests/page_visits.py): the sweep of
every page measures what the other tests read, and they load only what it has not."""
from __future__ import annotations

from page_visits import SCREENSHOTS, visits

PHONE = {"width": 360, "height": 740}


def built_pages(site) -> list[str]:
    # The light pages (light/) have a test of their own at this width (tests/browser/test_light_pages_in_the_browser.py).
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "light")


def test_no_page_scrolls_sideways_at_360_px_and_each_page_type_is_photographed(browser, server, site):
    """The screenshots are taken in the sweep's own loads: a test of its own, run on another
    worker, would load those pages again and take them twice."""
    pages = built_pages(site)
    assert len(pages) > 70
    seen = visits(browser, server, pages, PHONE)
    problems = []
    wide = [w for visit in seen.values() if (w := visit.sideways())]
    if wide:
        problems.append("pages wider than a 360 px phone:\n" + "\n".join(wide))
    unshot = [path for path in SCREENSHOTS if not seen[path].screenshots
              or any(shot.stat().st_size <= 5000 for shot in seen[path].screenshots)]
    if unshot:
        problems.append(f"no screenshot at 360 px, or an empty one, of: {', '.join(unshot)}")
    assert not problems, "\n\n".join(problems)


def test_step_strip_links_are_44_px_touch_targets(browser, server):
    visit = visits(browser, server, ["steps/5.html"], PHONE)["steps/5.html"]
    assert visit.boxes["step strip"], "nothing visible in the step strip of steps/5.html"
    assert not visit.small_targets("step strip")
    assert len(visit.current_step) == 1 and visit.current_step[0].endswith("5"), visit.current_step


def test_module_diagram_links_are_44_px_touch_targets(browser, server):
    modules = [f"modules/{module}.html" for module in "abcde"]
    for path, visit in visits(browser, server, modules, PHONE).items():
        assert visit.boxes["module diagram"], f"{path}: no link visible in its diagram"
        assert not visit.small_targets("module diagram"), path


def test_diagram_text_is_at_least_12_px(browser, server):
    for path, visit in visits(browser, server, ["modules/a.html", "modules/e.html", "chapters/i.html", "steps/3.html"], PHONE).items():
        small = [round(s, 1) for s in visit.diagram_text if s < 12]
        assert not small, f"{path}: diagram text below 12 px: {small[:5]}"
