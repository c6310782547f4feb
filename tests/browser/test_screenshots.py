"""Screenshots of every page type at a laptop's width, kept as test artefacts in
build/screenshots/ (not committed) for a person to look at after each change; the phone's are
taken by the phone's own page loads (tests/browser/test_phone.py)."""
from __future__ import annotations

from page_visits import SCREENSHOTS, visits

LAPTOP = {"width": 1366, "height": 768}


def test_screenshot_every_page_type_at_a_laptops_width(browser, server):
    for path, visit in visits(browser, server, list(SCREENSHOTS), LAPTOP).items():
        assert visit.screenshots and all(shot.stat().st_size > 5000 for shot in visit.screenshots), path
