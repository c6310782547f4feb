"""The work of checking a content file grows with its size, not with its square: a file of
30,000 unknown keys once took half a minute, one whole-dict scan per problem.

Work is counted, not timed, so that a busy machine cannot make the test pass or fail: the
Python lines run (every line of PyYAML's Python parts, the models' hooks and ours) to read,
validate and report a file, at two sizes."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from macros.content.reader import ContentError, read_yaml, validate
from macros.project import ROOT


def lines_run(action) -> int:
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += 1
        return trace

    before = sys.gettrace()  # a coverage tool's tracer, if any, is put back
    sys.settrace(trace)
    try:
        action()
    finally:
        sys.settrace(before)
    return count


def check_case(root: Path, unknown_keys: int) -> int:
    """Python lines run to read, validate and report a case file with `unknown_keys` unknown keys."""
    path = root / "cases/IV.3.yml"
    path.write_text((ROOT / "content/cases/IV.3.yml").read_text(encoding="utf-8")
                    + "".join(f"k{i}: x\n" for i in range(unknown_keys)), encoding="utf-8")

    def run():
        source, problems = read_yaml(path, root)
        problems += validate(source, "case")[1]
        assert len(problems) == unknown_keys
        ContentError(problems).report()

    return lines_run(run)


def test_checking_work_grows_linearly_with_unknown_keys(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content/cases", root / "cases")
    base, small, large = (check_case(root, n) for n in (0, 500, 2000))
    # Four times the keys: about four times the work beyond the file's own (sixteen if quadratic).
    growth = (large - base) / (small - base)
    assert growth < 5, f"4x the unknown keys cost {growth:.1f}x the work: {base=}, {small=}, {large=}"
