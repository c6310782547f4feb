"""Workshops as a trainer finds them in the built site: the five ways into every module, the
home page's card, the packs' timed agendas, sessions, cases and questions, the checklists'
actions, the paper questionnaire, and the packs in the search index."""
from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path, PurePosixPath

from macros.site import urls, workshops

WAYS = ("checklist", "assessment", "worksheets", "facilitator", "cases")


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def resolves(site: Path, page: str, href: str) -> bool:
    """Whether a relative link of `page` leads to a built file (and its anchor, if any)."""
    if href == "#":
        return True
    target, _, anchor = href.partition("#")
    path = (site / PurePosixPath(page).parent / target).resolve()
    if not path.is_file():
        return False
    return not anchor or f'id="{anchor}"' in path.read_text(encoding="utf-8")


def ways_in(html: str) -> dict[str, list[str]]:
    nav = re.search(r'<nav class="use-module[^"]*".*?</nav>', html, re.S)
    assert nav, "no 'Use this module'"
    assert "Use this module" in nav.group(0)
    # A way that is the page itself is named, not linked (aria-current): it counts as resolved.
    return {way: re.findall(r'href="([^"]+)"', body) + ["#"] * body.count('aria-current="page"')
            for way, body in re.findall(r'<li class="use-module__way" data-way="(\w+)">(.*?)</li>', nav.group(0), re.S)}


def test_every_module_page_and_its_checklists_link_their_five_ways_in_and_each_link_resolves(site, content):
    for module in content.modules:
        pages = [urls.module_path(module.id), f"checklists/module-{module.id.lower()}.html",
                 *(f"checklists/step-{s.id}.html" for s in module.steps)]
        for page in pages:
            found = ways_in(read(site, page))
            assert tuple(found) == WAYS, f"{page}: {tuple(found)}"
            for way, hrefs in found.items():
                assert hrefs, f"{page}: no link for {way}"
                for href in hrefs:
                    assert resolves(site, page, href), f"{page}: {way} link {href} leads nowhere"
            assert any(h.endswith(f"facilitator/module-{module.id.lower()}.html") for h in found["facilitator"])
            pack = workshops.pack_of(content, module.id)
            linked = {(site / PurePosixPath(page).parent / h).resolve() for h in found["cases"]}
            assert {(site / urls.case_path(s.case)).resolve() for s in pack.sessions} <= linked, page


def test_the_home_page_card_runs_a_workshop(site, content):
    home = read(site, "index.html")
    card = re.search(r'<li class="home-way home-way--workshop"><a class="home-way__link" href="([^"]+)">(.*?)</a>', home, re.S)
    assert card and "Run a workshop" in card.group(2)
    assert resolves(site, "index.html", card.group(1))
    target = read(site, card.group(1).partition("#")[0])
    for module in content.modules:
        assert f'href="../facilitator/module-{module.id.lower()}.html"' in target


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def test_each_pack_prints_timed_agendas_and_every_session_with_its_case_and_three_questions(site, content):
    for pack in content.workshops:
        page = f"facilitator/module-{pack.module.lower()}.html"
        html = read(site, page)
        for agenda in pack.agendas:
            table = re.search(rf'id="agenda-{agenda.length}".*?(<table class="agenda-table">.*?</table>)', html, re.S).group(1)
            times = re.findall(r'<td class="agenda-time">(\d+:\d\d)–(\d+:\d\d)', table)
            assert len(times) == len(agenda.items) and times[0][0] == "0:00"
            assert times[-1][1] == workshops.clock(agenda.minutes), f"{page} {agenda.length}: ends at {times[-1][1]}"
            assert all(a[1] == b[0] for a, b in zip(times, times[1:], strict=False)), f"{page}: slots do not follow each other"
            methods = set(re.findall(r"</td><td>(Plenary|Groups|Pairs)</td>", table))
            assert methods == {"Plenary"} | {slot.session.method.capitalize() for slot in workshops.slots(pack, agenda) if slot.session}
        for session in pack.sessions:
            block = re.search(rf'id="session-{session.id}".*?</ol>', html, re.S).group(0)
            case = content.case_by_id[session.case]
            assert f'href="../{urls.case_path(case.id)}" data-address="{urls.case_path(case.id)}"' in block
            questions = re.findall(r"<li>(.*?)</li>", re.search(r'<ol class="session-questions">(.*?)</ol>', block, re.S).group(1), re.S)
            assert [htmllib.unescape(q) for q in questions] == session.questions
            assert "Discussion questions, drawn from box" in block and '<span class="editorial-tag">Ours</span>' in block
        assert "Closing round" in html and "action-plan.html" in html and "questionnaire-" in html
        # Every link of the pack carries its address for print, and the print stylesheet writes it.
        body = html[html.index('<article'):html.index('</article>')]
        for link in re.findall(r'<a href="[^"#][^"]*"[^>]*>', body):
            if "md-button" not in link and "headerlink" not in link:
                assert "data-address=" in link, f"{page}: {link}"


def test_checklist_items_are_actions_and_descriptive_items_have_no_tick_box(site, content):
    actions = workshops.actions_of(content)
    assert {part.module for part in content.checklist_actions} == {"A", "B", "C", "D", "E"}
    for ident, entry in actions.items():
        module = content.module_of_step[ident.split(".")[0]]
        html = read(site, f"checklists/module-{module.id.lower()}.html")
        li = re.search(rf'<li id="check-{urls.item_anchor(ident)}"[^>]*>(.*?)(?=<li id="check-|</ul>)', html, re.S).group(0)
        if entry.descriptive:
            assert "<input" not in li and 'class="tick-describes"' in li, ident
        else:
            assert f'<input type="checkbox" name="{ident}">' in li, ident
            assert htmllib.escape(entry.editorial_action, quote=True).replace("&#x27;", "&#39;") in li, ident
            assert f"(item {ident})" in li and "<summary>The publication&#39;s text</summary>" in li, ident
    # The publication's sentence stays one tap away: 5.3.2 in its details, as printed.
    assert "Minutes of internal meetings may be shared" in read(site, "checklists/module-b.html")
    # Every module's checklist is written as actions now.
    for module in content.modules:
        assert 'class="tick-action"' in read(site, f"checklists/module-{module.id.lower()}.html"), module.id


def test_the_paper_questionnaire_has_write_in_lines_and_a_grid_on_the_online_scale(site, content):
    labels = [o.label for o in content.assessment_scale.scale]
    for module in content.modules:
        html = read(site, f"facilitator/questionnaire-{module.id.lower()}.html")
        fields = re.findall(r'<p class="write-in__field">(\w+): <span class="write-in__line"', html)
        assert fields == ["Participant", "Organization", "Date"]
        grids = re.findall(r'<table class="score-grid">.*?</table>', html, re.S)
        assert grids
        questions = 0
        for grid in grids:
            heads = re.findall(r'<th scope="col" class="score-head">(.*?)</th>', grid)
            assert [htmllib.unescape(h) for h in heads] == labels
            for row in re.findall(r'<tr class="paper-question">(.*?)</tr>', grid, re.S):
                assert row.count('class="score-box"') == len(labels)
                questions += 1
        expected = next(a for a in content.assessment if a.module == module.id).questions
        assert questions == len(expected)
        assert "@bottom-right" in html and "counter(page)" in html and f"Printable questionnaire: Module {module.id}" in html


def test_packs_and_questionnaires_are_in_the_search_index(site, content):
    docs = json.loads(read(site, "search/search_index.json"))["docs"]
    where = {doc["location"]: doc for doc in docs}
    for module in content.modules:
        pack = where[f"facilitator/module-{module.id.lower()}.html"]
        assert "Facilitator" in pack["title"]
        agenda = where[f"facilitator/module-{module.id.lower()}.html#agenda-half-day"]
        assert "agenda" in agenda["title"].lower()
        assert f"facilitator/questionnaire-{module.id.lower()}.html" in where
    words = " ".join(d["title"] + " " + d["text"] for loc, d in where.items() if loc.startswith("facilitator/module-b"))
    assert "workshop" in words.lower() and "agenda" in words.lower()
