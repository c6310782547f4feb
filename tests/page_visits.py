"""One load of a page serves every check made of it at that width (issue 21).

Loading a page is most of what a browser test costs, and several tests read the same page at
the same width by the same way in: the phone checks (no sideways scroll, touch targets, diagram
text) and the phone's screenshots each loaded the English site's pages at 360 px. Here a page is
loaded once per (address, viewport) in each pytest process and everything those tests read is
measured from that one load; each test then asserts its own property with its own message.

The record is kept per process (an xdist worker): a test that runs on another worker than the
others loads only the pages it names. An uncaught error in a page fails the test that loaded it
(tests/page_errors.py), which is the test whose load the others read."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Screenshots of every page type, kept in build/screenshots/ (not committed) for a person to look
# at after each change: the name each is saved under, by page.
SCREENSHOTS = {
    "index.html": "home",
    "modules/a.html": "module",
    "steps/3.html": "step",
    "cases/iv-3.html": "case",
    "cases/index.html": "case-library",
    "chapters/ii.html": "chapter",
    "glossary.html": "glossary",
    "links.html": "links",
    "about.html": "about",
    "download.html": "download",
    "checklists/index.html": "checklists",
    "checklists/module-a.html": "checklist",
    "checklists/framework.html": "framework-checklist",
    "assessment/index.html": "assessment",
    "assessment/module-a.html": "assessment-form",
    "references.html": "references",
}
SCREENSHOT_FOLDER = Path(__file__).resolve().parents[1] / "build" / "screenshots"

# Links a finger must be able to hit (WCAG 2.5.5): the step strip's and the module diagrams'.
TARGETS = {"step strip": ".you-are-here a, .you-are-here [aria-current]",
           "module diagram": "svg.diagram--module a"}

# Everything read from a loaded page in one call: its width, the element reaching past the screen
# (the last one, the deepest), each diagram label's size on screen (its font size times the
# drawing's scale), the size of every touch target, and the step the strip marks as current.
MEASURE = """([screen, targets]) => {
  const visible = e => e.getClientRects().length > 0;
  const width = document.documentElement.scrollWidth;
  const culprit = width <= screen ? null : [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > screen + 1 && getComputedStyle(e).position !== 'fixed')
    .slice(-1).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))[0];
  const diagramText = [...document.querySelectorAll('svg.diagram text')]
    .filter(e => visible(e) && e.textContent.trim())
    .map(e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a);
  const boxes = {};
  for (const [name, selector] of Object.entries(targets)) {
    boxes[name] = [...document.querySelectorAll(selector)].filter(visible).map(e => {
      const r = e.getBoundingClientRect();
      return [e.getAttribute('href') || e.textContent.trim(), Math.round(r.width), Math.round(r.height)];
    });
  }
  const currentStep = [...document.querySelectorAll(".you-are-here [aria-current='step']")]
    .filter(e => { const r = e.getBoundingClientRect();
                   return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; })
    .map(e => e.innerText);
  return {width, culprit, diagramText, boxes, currentStep};
}"""


@dataclass
class Visit:
    """What one load of a page at one viewport showed."""
    path: str
    screen: int
    width: int
    culprit: str | None
    diagram_text: list[float]
    boxes: dict[str, list[tuple[str, int, int]]]
    current_step: list[str]
    screenshots: list[Path] = field(default_factory=list)

    def sideways(self) -> str | None:
        """What reaches past the screen, if anything."""
        return None if self.width <= self.screen else f"{self.path}: {self.width} px ({self.culprit})"

    def small_targets(self, kind: str) -> list[str]:
        return [f"{name}: {w}x{h}" for name, w, h in self.boxes[kind] if w < 44 or h < 44]


_VISITS: dict[tuple[str, str, int, int], Visit] = {}


def visits(browser, base: str, paths: list[str], viewport: dict[str, int]) -> dict[str, Visit]:
    """Each page at `base` (http://... or file://...) at this viewport, loaded once for every test
    of this process that reads it; those not yet loaded are loaded now, in one browser context."""
    def key(path: str) -> tuple[str, str, int, int]:
        return base, path, viewport["width"], viewport["height"]

    missing = [path for path in paths if key(path) not in _VISITS]
    if missing:
        context = browser.new_context(viewport=viewport)
        try:
            page = context.new_page()
            for path in missing:
                page.goto(f"{base}/{path}")
                _VISITS[key(path)] = _measure(page, path, viewport)
        finally:
            context.close()
    return {path: _VISITS[key(path)] for path in paths}


def _measure(page, path: str, viewport: dict[str, int]) -> Visit:
    found = page.evaluate(MEASURE, [viewport["width"], TARGETS])
    visit = Visit(path=path, screen=viewport["width"], width=found["width"], culprit=found["culprit"],
                  diagram_text=found["diagramText"], boxes={k: [tuple(b) for b in v] for k, v in found["boxes"].items()},
                  current_step=found["currentStep"])
    if path in SCREENSHOTS:
        SCREENSHOT_FOLDER.mkdir(parents=True, exist_ok=True)
        # The first screen is what a reader meets; the full page shows everything below it.
        first = SCREENSHOT_FOLDER / f"{SCREENSHOTS[path]}-{viewport['width']}-first.png"
        full = SCREENSHOT_FOLDER / f"{SCREENSHOTS[path]}-{viewport['width']}-full.png"
        page.screenshot(path=str(first))
        page.screenshot(path=str(full), full_page=True)
        visit.screenshots = [first, full]
    return visit
