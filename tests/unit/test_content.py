"""The content as data: it validates, and holds what the publication fixes."""
from __future__ import annotations

import json
from pathlib import Path

from macros.content.model import MODELS
from macros.site.places import box_placements

ROOT = Path(__file__).resolve().parents[2]

PUBLICATION_TASKS = {
    "1": ["1.1", "1.2", "1.3", "1.4"], "2": ["2.1", "2.2", "2.3", "2.4"], "3": ["3.1", "3.2", "3.4", "3.5"],
    "4": ["4.1", "4.2"], "5": ["5.1", "5.2", "5.3"], "6": ["6.1", "6.2"],
    "7": ["7.1", "7.2", "7.3", "7.4"], "8": ["8.1", "8.2", "8.3"], "9": ["9.1", "9.2"], "10": ["10.1", "10.2"],
    "11": ["11.1"], "12": ["12.1"],
}


def test_counts_the_publication_fixes(content):
    assert [m.id for m in content.modules] == ["A", "B", "C", "D", "E"]
    assert [s.id for s in content.steps] == [str(n) for n in range(1, 13)]
    assert len(content.tasks) == 32
    assert [c.id for c in content.cases] == [f"IV.{n}" for n in range(1, 14)]
    assert {step.id: [t.id for t in step.tasks] for step in content.steps} == PUBLICATION_TASKS


def test_steps_belong_to_their_modules(content):
    expected = {"A": ["1", "2", "3"], "B": ["4", "5", "6"], "C": ["7", "8"], "D": ["9", "10"], "E": ["11", "12"]}
    assert {m.id: [s.id for s in m.steps] for m in content.modules} == expected


def test_step_3_numbering_gap_is_explained_as_editorial(content):
    note = content.step_by_id["3"].editorial_note
    assert note and "3.3" in note and "3.4" in note


def test_every_box_is_printed_where_the_publication_prints_it(content):
    placed = {case: loc.target for case, loc in box_placements(content).items()}
    assert placed["IV.1"] == "steps/2.html"
    assert placed["IV.3"] == "steps/3.html#task-3-1"
    assert placed["IV.4"] == "steps/3.html#task-3-2"
    assert placed["IV.9"] == "modules/e.html#principle-e-1"
    assert placed["IV.12"] == placed["IV.13"] == "modules/e.html"
    assert len(placed) == 13


def test_every_module_has_outcomes_principles_and_chapter_iii_factors(content):
    factors = [b for s in content.chapter_by_id["iii"].sections for b in s.blocks if getattr(b, "factor", None)]
    for module in content.modules:
        assert module.outcomes.items
        assert module.key_principles.groups
        assert any(f.module == module.id for f in factors), module.id


def test_footnotes_run_1_to_21(content):
    ids = [f.id for f in content.footnotes.footnotes]
    assert ids[:21] == [str(n) for n in range(1, 22)]
    assert {"IV.13-1", "IV.13-2", "a", "b", "c"} <= set(ids)


def test_committed_json_schemas_match_the_models():
    for kind, model in MODELS.items():
        committed = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        generated = model.model_json_schema()
        committed.pop("$schema", None)
        committed.pop("title", None)
        generated.pop("title", None)
        assert committed == generated, f"schema/{kind}.schema.json is stale: run `make schema`"


def test_every_content_file_points_editors_at_its_schema():
    for path in sorted((ROOT / "content").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), f"{path} lacks the schema comment"
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.exists(), f"{path}: {schema} does not exist"


def test_every_task_has_self_assessment_questions(content):
    asked = {q.task for part in content.assessment for q in part.questions if q.task}
    assert asked == {t.id for t in content.tasks}
    ids = [q.id for part in content.assessment for q in part.questions]
    assert len(ids) == len(set(ids)) >= 64
    assert [o.key for o in content.assessment_scale.scale] == ["not-in-place", "partly", "fully", "not-applicable"]
