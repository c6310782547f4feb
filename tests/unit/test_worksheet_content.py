"""Worksheets as data: every task is served by a worksheet or the data says why not; prompts
point at guidance that exists; the publication's lists are referenced, never retyped, and a
reference to a list that does not exist fails the check with file, line and field."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.content import inline
from macros.content.load import load
from macros.content.reader import ContentError
from macros.project import ROOT
from macros.site import worksheets as ws

SHEETS = ROOT / "content" / "worksheets"


def report(root: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load(root)
    return caught.value.report()


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_every_task_has_a_worksheet_or_a_reason(content):
    served = {t for s in content.worksheets for t in s.tasks}
    excused = {n.task: n.reason for n in content.worksheet_coverage.not_needed}
    for task in content.tasks:
        assert task.id in served or excused.get(task.id), f"task {task.id} has neither a worksheet nor a reason"
    assert len(content.tasks) == 32


def test_a_task_without_worksheet_or_reason_fails_the_check(broken):
    broken("worksheets/scaling-up.yml", 'tasks: ["11.1"]', 'tasks: ["12.1"]')
    broken("worksheets/scaling-up.yml", 'source: "11.1.1"', 'source: "12.1"')
    broken("worksheets/scaling-up.yml", 'source: "11.1.1"', 'source: "12.1"')
    assert "task 11.1 has no worksheet" in report(broken.root)


def test_a_reason_makes_a_task_without_worksheet_acceptable(broken):
    (broken.root / "worksheets" / "scaling-up.yml").unlink()
    # Module E's facilitator's pack names the worksheet too: it is pointed at another first.
    pack = broken.root / "workshops" / "E.yml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("worksheets: [scaling-up]", "worksheets: [moving-on]"), encoding="utf-8")
    broken("worksheets/coverage.yml", "not_needed: []",
           "not_needed:\n  - task: \"11.1\"\n    reason: Decided in the review of step 10.")
    content = load(broken.root)
    assert [n.task for n in content.worksheet_coverage.not_needed] == ["11.1"]


def test_a_referenced_list_that_does_not_exist_fails_the_check(broken):
    path = broken("worksheets/rewards-and-risks.yml", "list: rewards", "list: benefits")
    got = report(broken.root)
    line = line_of(path, "list: benefits") - 1   # the reference starts at its "- task:" line
    assert f"content/worksheets/rewards-and-risks.yml:{line}: parts[1].rows_from[0]" in got
    assert "task 3.2 has no list 'benefits'" in got


def test_a_box_without_list_and_a_missing_sub_list_fail_the_check(broken):
    broken("worksheets/rewards-and-risks.yml", "box: IV.4", "box: IV.2")
    broken("worksheets/scaling-up.yml", 'under: "11.1.1"', 'under: "11.1.2"')
    got = report(broken.root)
    assert "box IV.2 has no main list" in got
    assert "task 11.1 has no item '11.1.2' with sub-items" in got


def test_a_prompt_pointing_at_missing_guidance_fails_the_check(broken):
    path = broken("worksheets/framing-the-challenge.yml", 'source: "1.1.2"', 'source: "1.1.9"')
    assert f"framing-the-challenge.yml:{line_of(path, '1.1.9')}: parts[1].source: task 1.1 has no item '1.1.9'" in report(broken.root)


def test_an_action_table_needs_its_columns(broken):
    broken("worksheets/moving-on.yml", "      - id: owner\n        heading: Owner\n", "")
    assert "an action table needs the columns owner" in report(broken.root)


def test_no_part_takes_the_partnership_field(broken):
    path = broken("worksheets/rewards-and-risks.yml", "  - field: partner\n", "  - field: partnership-name\n")
    assert (f"rewards-and-risks.yml:{line_of(path, 'partnership-name')}: parts[0].field: part id 'partnership-name' is the "
            "partnership's name") in report(broken.root)


def test_file_name_is_the_id(broken):
    broken("worksheets/moving-on.yml", "id: moving-on", "id: moving-away")
    assert "worksheet id 'moving-away' must be its file name ('moving-on')" in report(broken.root)


def test_lists_of_the_publication_are_referenced_not_retyped(content):
    """No worksheet file repeats the text of an item it borrows: the rows come from the content."""
    borrowed = []
    for sheet in content.worksheets:
        for part in ws.parts(content, sheet):
            if isinstance(part, ws.TableView) and not part.ours:
                borrowed += [inline.plain(r.label or r.text) for r in part.rows]
    assert len(borrowed) >= 8 + 5 + 4 + 4 + 6 + 5 + 7
    text = "\n".join(p.read_text(encoding="utf-8") for p in SHEETS.glob("*.yml"))
    for item in borrowed:
        assert item.rstrip(";.") not in text, f"{item!r} is retyped in content/worksheets/"


def test_the_publications_lists_each_worksheet_uses(content):
    rows = {s.id: {p.part.table: [r.id for r in p.rows] for p in ws.parts(content, s) if isinstance(p, ws.TableView)}
            for s in content.worksheets}
    assert rows["rewards-and-risks"]["risks"] == [f"IV.4.{n}" for n in range(1, 6)]
    assert rows["rewards-and-risks"]["rewards"] == [f"3.2.rewards.{x}" for x in "abcdefgh"]
    assert rows["governance-and-accountability"]["accountable-to"] == [f"3.5.accountable-to.{x}" for x in "abcd"]
    assert rows["scaling-up"]["dimensions"] == [f"11.1.1.{x}" for x in "abcd"]
    assert rows["moving-on"]["options"] == ["12.1.renewal.a", "12.1.renewal.b", "12.1.transfer.a", "12.1.transfer.b",
                                            "12.1.termination.a", "12.1.termination.b"]
    assert rows["goals-and-scope"]["scope"] == [f"2.3.2.{x}" for x in "abcdefg"]


def test_worksheet_files_point_at_their_schema():
    for path in SHEETS.glob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "worksheet_coverage" if path.stem == "coverage" else "worksheet"
        assert first == f"# yaml-language-server: $schema=../../schema/{kind}.schema.json", path
        assert yaml.safe_load(path.read_text(encoding="utf-8")) is not None
