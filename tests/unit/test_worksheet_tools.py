"""The deeper worksheet tools as data: a score multiplies choices that have scores, a grid's
regions cover every pair of its two choices exactly once, and a clause goes into a worksheet
that has a draft. Bad data is refused with file, line, field and what is expected."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.content.load import load
from macros.content.reader import ContentError
from macros.site import worksheets as ws


def report(root: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load(root)
    return caught.value.report()


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return lines[nth - 1]


def test_the_tools_are_in_the_data(content):
    sheets = {s.id: s for s in content.worksheets}
    agreement = ws.clauses(sheets["partnering-agreement"])
    assert [c.title for c in agreement] == [
        "Parties", "Purpose", "Duration and scope", "Roles, responsibilities and contributions",
        "Governance and decision-making", "Communication and reporting",
        "Confidentiality, intellectual property and branding", "Dispute resolution", "Review and amendment",
        "Exit and termination", "Signatures"]
    assert [getattr(p, "field", None) or getattr(p, "table", None) for p in agreement[-1].parts] == ["signatories", "signatures"]
    risks = {p.table: p for p in sheets["rewards-and-risks"].parts if hasattr(p, "table")}
    assert {"risks", "partner-risks"} <= set(risks)
    for table in ("risks", "partner-risks"):
        ids = [c.id for c in risks[table].columns]
        assert {"likelihood", "impact", "owner", "trigger", "review", "status"} <= set(ids)
        assert risks[table].score is not None and risks[table].score.of == ["likelihood", "impact"]
    grid = ws.grid_view(next(p for p in sheets["stakeholder-map"].parts if getattr(p, "table", None) == "inventory"))
    assert grid is not None and grid.xs == ["Low", "Medium", "High"]
    assert [[grid.regions[c.region].title for c in row] for row in grid.rows][0] == ["Keep satisfied", "Keep satisfied", "Manage closely"]
    assert {"conflict-management", "review-panel"} <= set(sheets)


def test_scores_are_one_number_per_option(broken):
    path = broken("worksheets/rewards-and-risks.yml", "scores: [3, 2, 1]", "scores: [3, 2]")
    line = line_of(path, "scores: [3, 2]")
    assert (f"content/worksheets/rewards-and-risks.yml:{line}: parts[2].columns[1].scores: scores are one number per option: "
            "3 expected, 2 given") in report(broken.root)


def test_a_score_multiplies_choice_columns_with_scores(broken):
    path = broken("worksheets/rewards-and-risks.yml", "of: [likelihood, impact]", "of: [likelihood, owner]")
    got = report(broken.root)
    assert f"rewards-and-risks.yml:{line_of(path, 'of: [likelihood, owner]')}: parts[2].score.of[1]" in got
    assert "'owner' is not a choice column of this table with scores" in got


def test_grid_regions_cover_each_pair_once(broken):
    broken("worksheets/stakeholder-map.yml", "          x: [High]\n          y: [High]\n", "          x: [High]\n          y: [Medium]\n")
    got = report(broken.root)
    assert "stakeholder-map.yml:55: parts[0].grid.regions[2]: interest 'High' and influence 'Medium' are already in region 1" in got   # the third region covers it too


def test_grid_region_names_options_of_its_columns(broken):
    path = broken("worksheets/stakeholder-map.yml", "x: [Medium, Low]", "x: [Medium, Lo]")
    got = report(broken.root)
    assert f"stakeholder-map.yml:{line_of(path, 'x: [Medium, Lo]')}: parts[0].grid.regions[1].x[1]: 'Lo' is not an option of 'interest' (High, Medium, Low)" in got


def test_a_grid_with_a_pair_left_out_is_refused(broken):
    broken("worksheets/stakeholder-map.yml", "          x: [Medium, Low]\n          y: [Medium, Low]\n", "          x: [Medium]\n          y: [Medium, Low]\n")
    assert "parts[0].grid.regions: no region covers Low/Medium, Low/Low (interest/influence)" in report(broken.root)


def test_a_grid_names_columns_of_its_table(broken):
    broken("worksheets/stakeholder-map.yml", "      y: influence", "      y: power")
    assert "parts[0].grid.y: 'power' is not a column of this table" in report(broken.root)


def test_a_clause_needs_a_draft_and_a_draft_needs_clauses(broken):
    path = broken("worksheets/partnering-agreement.yml", "draft: Draft partnering agreement\n", "")
    got = report(broken.root)
    assert (f"partnering-agreement.yml:{line_of(path, 'clause: Parties')}: parts[1].clause: a clause goes into the "
            "worksheet's draft: give the worksheet a 'draft' title") in got
    broken("worksheets/moving-on.yml", "title: ", "draft: A draft\ntitle: ")
    assert "moving-on.yml:3: draft: a draft needs parts with a 'clause' to put in it" in report(broken.root)


def test_columns_are_named_by_a_table_earlier_in_the_worksheet(broken):
    path = broken("worksheets/roles-and-leadership.yml", "      table: partners\n      column: name\n",
                  "      table: partners\n      column: names\n")
    got = report(broken.root)
    assert (f"roles-and-leadership.yml:{line_of(path, 'column: names')}: parts[4].column_names.column: 'names' is not a column "
            "of table 'partners'") in got
    broken("worksheets/roles-and-leadership.yml", "Partner 5, Partner 6]", "Partner 5]")
    broken("worksheets/roles-and-leadership.yml", "partner-5, partner-6]", "partner-5, partner-6, partner-7]")
    got = report(broken.root)
    assert "parts[4].column_names.columns: table 'partners' has 5 fixed rows (fixed_rows) to name 7 columns" in got
    assert "parts[4].column_names.columns[6]: 'partner-7' is not a column of this table" in got
