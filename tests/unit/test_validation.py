"""Bad content fails loudly, naming the file, the line, the field and what was expected."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.content.load import load
from macros.content.reader import ContentError

ROOT = Path(__file__).resolve().parents[2]


def problems(root: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load(root)
    return caught.value.report()


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_unknown_key_is_named_with_its_line(broken):
    path = broken("modules/B.yml", "title: Formation", "title: Formation\ntilte: typo")
    report = problems(broken.root)
    assert f"content/modules/B.yml:{line_of(path, 'tilte:')}: tilte: unknown field" in report


def test_missing_field(broken):
    broken("cases/IV.5.yml", "\ntitle:", "\nheadline:")
    report = problems(broken.root)
    assert "content/cases/IV.5.yml" in report and "title: required field is missing" in report


def test_wrong_type(broken):
    path = broken("modules/C.yml", 'id: "7.1"', "id: [7, 1]")
    report = problems(broken.root)
    assert f"content/modules/C.yml:{line_of(path, 'id: [7, 1]')}: steps[0].tasks[0].id" in report
    assert "string" in report


def test_bad_pattern_says_what_is_expected(broken):
    broken("cases/IV.2.yml", "id: IV.2", "id: Box 2")
    report = problems(broken.root)
    assert "id: string should match pattern" in report and "'Box 2'" in report


def test_block_with_two_kinds(broken):
    path = broken.root / "modules" / "D.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- p: "))
    indent = lines[at].index("- p: ")
    lines.insert(at + 1, " " * (indent + 2) + "heading: x")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = problems(broken.root)
    assert f"content/modules/D.yml:{at + 1}:" in report
    assert "a block needs exactly one of the keys: p, list, heading" in report


def test_duplicate_task_id(broken):
    broken("modules/B.yml", 'id: "4.2"', 'id: "4.1"')
    report = problems(broken.root)
    assert "task 4.1 is defined twice (also at content/modules/B.yml:" in report


def test_duplicate_yaml_key(broken):
    path = broken("modules/E.yml", "title: Reinvent or sustain", "title: Reinvent or sustain\ntitle: Again")
    report = problems(broken.root)
    assert f"content/modules/E.yml:{line_of(path, 'title: Again')}: title: duplicate key 'title'" in report


def test_dangling_box_reference_in_text(broken):
    broken("modules/A.yml", "box IV.3", "box IV.31")
    report = problems(broken.root)
    assert "'box IV.31' refers to a box that does not exist" in report
    assert "content/modules/A.yml:" in report


def test_dangling_task_reference_in_text(broken):
    broken("modules/E.yml", "task 10.2", "task 10.7")
    assert "'task 10.7' refers to a task that does not exist" in problems(broken.root)


def test_undefined_footnote_marker(broken):
    broken("chapters/I.yml", "[^1]", "[^99]")
    report = problems(broken.root)
    assert "footnote marker [^99] has no footnote" in report
    assert "footnote 1 is never referenced" in report


def test_orphan_case_that_nothing_places(broken, tmp_path):
    shutil.copy(broken.root / "cases" / "IV.5.yml", broken.root / "cases" / "IV.14.yml")
    broken("cases/IV.14.yml", "id: IV.5", "id: IV.14")
    report = problems(broken.root)
    assert "content/cases/IV.14.yml" in report and "box IV.14 is placed nowhere" in report


def test_box_placed_twice(broken):
    broken("modules/B.yml", "- box: IV.5", "- box: IV.5\n          - box: IV.5")
    assert "box IV.5 is placed 2 times" in problems(broken.root)


def test_file_name_must_match_id(broken):
    (broken.root / "cases" / "IV.5.yml").rename(broken.root / "cases" / "box5.yml")
    assert "case 'IV.5' must live in cases/IV.5.yml" in problems(broken.root)


def test_invalid_yaml_syntax(broken):
    broken("modules/D.yml", "title: Review", "title: [Review")
    report = problems(broken.root)
    assert "content/modules/D.yml:" in report and "not valid YAML" in report


def test_missing_module_file(broken):
    (broken.root / "modules" / "C.yml").unlink()
    assert "module C is missing: expected modules/C.yml" in problems(broken.root)


def test_every_problem_is_reported_at_once(broken):
    broken("modules/B.yml", "title: Formation", "title: Formation\ntilte: typo")
    broken("cases/IV.2.yml", "id: IV.2", "id: Box 2")
    report = problems(broken.root)
    assert "modules/B.yml" in report and "cases/IV.2.yml" in report


def test_question_pointing_at_a_missing_item(broken):
    text = (broken.root / "assessment" / "A.yml").read_text(encoding="utf-8")
    first_item = next(line for line in text.splitlines() if line.strip().startswith("items: ["))
    broken("assessment/A.yml", first_item, first_item.replace("[", '["1.1.9", ', 1))
    assert "task 1.1 has no item '1.1.9'" in problems(broken.root)


def test_duplicate_question_id_and_uncovered_task(broken):
    broken("assessment/E.yml", "id: q-12.1-1", "id: q-11.1-1")
    report = problems(broken.root)
    assert "question id 'q-11.1-1' is used twice" in report
    assert "question id must start with 'q-12.1-'" in report


def test_every_task_needs_a_question(broken):
    path = broken.root / "assessment" / "D.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    keep, skip = [], False
    for line in lines:
        if line.strip().startswith("- id: q-9.2-"):
            skip = True
        elif line.strip().startswith("- id:"):
            skip = False
        if not skip:
            keep.append(line)
    path.write_text("\n".join(keep) + "\n", encoding="utf-8")
    assert "task 9.2 has no question: every task needs at least one" in problems(broken.root)


# Every kind of block as an author writes it in YAML, with the kind the templates branch on.
BLOCKS_AS_WRITTEN = [
    ({"p": "A paragraph."}, "p"),
    ({"list": {"style": "bullet", "items": [{"text": "An item."}]}}, "list"),
    ({"heading": "A heading", "id": "a-heading"}, "heading"),
    ({"box": "IV.1"}, "box"),
    ({"figure": "II.2"}, "figure"),
    ({"factor": "A factor", "text": "Its text.", "module": "A"}, "factor"),
    ({"editorial_note": "Ours."}, "note"),
]


@pytest.mark.parametrize(("block", "kind"), BLOCKS_AS_WRITTEN, ids=[kind for _, kind in BLOCKS_AS_WRITTEN])
def test_each_kind_of_block_is_read_as_its_kind(block, kind):
    from macros.content.model import Section, block_kind

    section = Section.model_validate({"id": "s", "title": "S", "blocks": [block]})
    assert block_kind(block) == kind and block_kind(section.blocks[0]) == kind
    assert section.blocks[0].model_dump(exclude_none=True) == block


def test_a_block_of_no_known_kind_names_every_key(broken):
    broken("cases/IV.5.yml", "  - p: ", "  - para: ")
    report = problems(broken.root)
    assert "a block needs exactly one of the keys: p, list, heading, box, figure, factor, editorial_note" in report
