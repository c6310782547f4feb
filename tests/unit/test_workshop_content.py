"""Facilitator's packs and checklist actions as data (content/workshops/, content/checklists/
actions/): every agenda adds up to its length, every session has a case box and three questions,
every ID named exists, and a mistake fails the check naming file, line and field."""
from __future__ import annotations

import shutil

import pytest

from macros.content.load import load
from macros.content.reader import ContentError
from macros.project import ROOT
from macros.site import workshops


def broken_copy(tmp_path, rel: str, old: str, new: str):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root, ignore=shutil.ignore_patterns("source"))
    shutil.copytree(ROOT / "content" / "source", root / "source")
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if new.strip() and new.strip() in row) \
        if new.strip() else None
    return root, line


def test_every_module_has_a_pack_whose_agendas_add_up_and_whose_sessions_have_a_case_and_three_questions(content):
    assert [p.module for p in content.workshops] == [m.id for m in content.modules]
    for pack in content.workshops:
        assert sorted(a.length for a in pack.agendas) == ["full-day", "half-day"]
        for agenda in pack.agendas:
            slots = workshops.slots(pack, agenda)
            assert slots[-1].end == agenda.minutes and slots[0].item.opening and slots[-1].item.closing
            assert any(s.item.energiser for s in slots), f"{pack.module} {agenda.length}: no energiser"
        for session in pack.sessions:
            assert session.case in content.case_by_id and len(session.questions) == 3
            assert 1 <= len(session.worksheets) <= 2, f"{pack.module}/{session.id}: a few worksheets, not all"


@pytest.mark.parametrize("rel,old,new,expected", [
    ("workshops/B.yml", "{session: planning, minutes: 60}", "{session: planning, minutes: 65}",
     "agendas[0].minutes: the slots add up to 215 minutes, not 210"),
    ("workshops/B.yml", "    case: IV.3", "    case: IV.99", "sessions[0].case: no case box IV.99"),
    ("workshops/C.yml", "{session: health, minutes: 75}", "{session: wellbeing, minutes: 75}",
     "agendas[1].items[3].session: no session 'wellbeing'"),
    ("workshops/D.yml", "    worksheets: [review-and-lessons]", "    worksheets: [no-such-sheet]",
     "sessions[0].worksheets[0]: no worksheet 'no-such-sheet'"),
    ("workshops/A.yml", '    tasks: ["1.1", "1.4"]', '    tasks: ["1.1", "4.1"]',
     "sessions[0].tasks[1]: task 4.1 is not a task of module A"),
    ("checklists/actions/B.yml", '  - {item: "5.3.2", editorial_action: "Share the minutes of internal meetings that concern the partnership."}\n',
     "", "items: 1 item(s) of module B have neither an action nor descriptive: true: 5.3.2"),
    ("checklists/actions/B.yml", '{item: "5.1.1", descriptive: true}', '{item: "5.1.9", descriptive: true}',
     "items[8].item: no item 5.1.9 in the tasks of module B"),
])
def test_a_mistake_in_a_pack_or_the_actions_names_file_line_and_field(tmp_path, rel, old, new, expected):
    root, line = broken_copy(tmp_path, rel, old, new)
    with pytest.raises(ContentError) as caught:
        load(root)
    report = caught.value.report()
    assert expected in report, report
    where = f"content/{rel}:"
    assert where in report, report
    if line and "agendas[0].minutes" not in expected:
        assert f"{where}{line}:" in report, report


def test_a_session_with_two_questions_fails_with_its_line(tmp_path):
    old = '      - "How could a \\"World Cafe\\" dialogue like the one in the box help your partners plan components and activities together?"\n'
    root, _ = broken_copy(tmp_path, "workshops/B.yml", old, "")
    with pytest.raises(ContentError) as caught:
        load(root)
    report = caught.value.report()
    assert "content/workshops/B.yml:11: sessions[0].questions: List should have at least 3 items" in report, report


def test_module_b_checklist_has_an_action_or_a_reason_for_every_item(content):
    actions = workshops.actions_of(content)
    b_items = [i for i in actions if i.split(".")[0] in {"4", "5", "6"}]
    assert len(b_items) == 26
    assert {i for i, a in actions.items() if a.descriptive} >= {"5.1.1", "5.2.3"}
