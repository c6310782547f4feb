"""The home page's paths (content/journeys.yml, ours): validated against the content, and shown."""
from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from macros.content.load import load
from macros.content.reader import ContentError
from macros.site import journeys


def broken_copy(tmp_path, old: str, new: str):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    path = root / "journeys.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def test_every_stop_resolves_to_a_step_or_task(content):
    paths = content.journeys.journeys
    assert {j.id for j in paths} >= {"starting", "stuck", "reviewing"}
    for journey in paths:
        for stop in journeys.stops(content, journey):
            assert stop.kind in ("step", "task") and stop.title and stop.target.startswith("steps/")


@pytest.mark.parametrize("old,new,message", [
    ('task: "7.4"', 'task: "7.9"', "journeys[1].stops[0].task: no task '7.9'"),
    ('step: "9"', 'step: "19"', "journeys[2].stops[0].step: no step '19'"),
    ("editorial_why: Renew,", "why: Renew,", "unknown field"),
])
def test_a_bad_stop_is_reported_with_file_line_and_field(tmp_path, old, new, message):
    root = broken_copy(tmp_path, old, new)
    with pytest.raises(ContentError) as caught:
        load(root)
    report = caught.value.report()
    assert "journeys.yml:" in report and message in report, report


