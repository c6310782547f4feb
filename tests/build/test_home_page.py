"""The home page as built: the ways in, each marked as ours."""
from __future__ import annotations

from macros.site import journeys


def test_home_page_shows_each_path_marked_as_ours(site, content):
    html = (site / "index.html").read_text(encoding="utf-8")
    for journey in content.journeys.journeys:
        assert f'href="#path-{journey.id}"' in html and f'id="path-{journey.id}"' in html
        for stop in journeys.stops(content, journey):
            assert f'href="{stop.target}"' in html
    assert html.count('<span class="editorial-tag">Editorial</span> These paths are suggested by this toolkit') == 1
    for target in ("assessment/index.html", "checklists/index.html", "cases/index.html", "download.html"):
        assert f'class="home-way__link" href="{target}"' in html, target
    assert 'id="figure-ii-2"' in html
