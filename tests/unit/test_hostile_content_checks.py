"""Content that a hostile or careless editor writes is refused by `python -m macros check` before
anything is built: YAML limits, control characters, unknown fields, each named by file, line and field."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cli import macros_cli

from macros.project import ROOT

# A file built to make the parser work without end (aliases, nesting, size) must be refused,
# not ground through: those tests run the check as a subprocess, which the timeout stops.
# Speed itself is bench/'s job.
GRIND = 60


def check(root: Path, timeout: float | None = None) -> subprocess.CompletedProcess:
    return macros_cli("check", root, timeout=timeout)


def assert_refused(root: Path, where: str, expected: str, timeout: float | None = None) -> None:
    result = check(root, timeout)
    assert result.returncode == 1, result.stdout
    assert where in result.stderr and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr


def write(root: Path, rel: str, data: bytes) -> None:
    (root / rel).write_bytes(data)


def case_with(root: Path, change) -> list[str]:
    """cases/IV.3.yml with `change(lines)` applied; its lines after the change."""
    path = root / "cases/IV.3.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    change(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def line_of(lines: list[str], start: str) -> int:
    return next(n for n, row in enumerate(lines, 1) if row.lstrip().startswith(start))


def test_alias_bomb_is_refused_at_once(copy):
    bomb = "\n".join([
        "id: IV.1",
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *[f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)],
    ]) + "\n"
    assert len(bomb) < 400
    write(copy, "cases/IV.1.yml", bomb.encode())
    assert_refused(copy, "content/cases/IV.1.yml:3:", "YAML alias '*a' is not allowed", GRIND)


def test_deep_nesting_is_refused_with_its_line(copy):
    write(copy, "glossary.yml", ("terms:\n  - " + "[" * 5000 + "]" * 5000 + "\n").encode())
    assert_refused(copy, "content/glossary.yml:2:", "nested more than 40 levels deep", GRIND)


def test_latin1_file_names_line_and_column(copy):
    text = (copy / "cases/IV.2.yml").read_text(encoding="utf-8").replace("title:", "title: Café", 1)
    write(copy, "cases/IV.2.yml", text.encode("latin-1", errors="replace"))
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Café" in row)
    assert_refused(copy, f"content/cases/IV.2.yml:{line}:", "not UTF-8 text: byte 0xe9")


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x85", "\u2028"])
def test_nul_and_control_characters_are_refused(copy, char):
    path = copy / "cases/IV.3.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, row in enumerate(lines) if row.startswith("title:"))
    lines[number] = lines[number] + char + "x"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_refused(copy, f"content/cases/IV.3.yml:{number + 1}:", f"control character U+{ord(char):04X}")


# Each escape makes, once parsed, a character the raw text never held: the Word files end in
# an lxml traceback on most of them, and U+2028/U+2029 break lines in browsers' scripts.
@pytest.mark.parametrize(("escape", "code"), [("\\0", 0x00), ("\\a", 0x07), ("\\x1b", 0x1B), ("\\e", 0x1B), ("\\x7f", 0x7F),
                                              ("\\N", 0x85), ("\\u0085", 0x85), ("\\L", 0x2028), ("\\u2029", 0x2029)])
def test_control_character_written_as_an_escape_is_refused(copy, escape, code):
    def change(lines):
        lines[line_of(lines, "title:") - 1] = f'title: "Planning{escape} a partnership"'
    lines = case_with(copy, change)
    assert_refused(copy, f"content/cases/IV.3.yml:{line_of(lines, 'title:')}: title: ", f"control character U+{code:04X}")


def test_control_character_escape_deep_in_a_list_or_in_a_key_is_refused(copy):
    def change(lines):
        lines[line_of(lines, "countries:") - 1] = '  countries: ["Phil\\x00ippines"]'
        lines.append('"note\\x1bx": a')
    lines = case_with(copy, change)
    result = check(copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert (f"content/cases/IV.3.yml:{line_of(lines, 'countries:')}: editorial.countries[0]: control character U+0000"
            in result.stderr), result.stderr
    # The key is named with the character escaped: a report never carries the character itself.
    assert f"content/cases/IV.3.yml:{len(lines)}: note\\x1bx: control character U+001B" in result.stderr, result.stderr
    assert "\x00" not in result.stderr and "\x1b" not in result.stderr


def test_binary_value_is_refused(copy):
    # !!binary makes bytes, which the models would take as a string: a NUL by another door.
    def change(lines):
        lines[line_of(lines, "title:") - 1] = "title: !!binary AA=="
    lines = case_with(copy, change)
    assert_refused(copy, f"content/cases/IV.3.yml:{line_of(lines, 'title:')}: title: ", "!!binary")


def test_tab_written_as_an_escape_is_allowed_like_a_typed_tab(copy):
    def change(lines):
        lines[line_of(lines, "title:") - 1] = 'title: "Planning\\ta partnership"'
    case_with(copy, change)
    result = check(copy)
    assert result.returncode == 0, result.stderr


def test_thirty_thousand_unknown_keys_are_refused_at_once_with_the_first_named(copy):
    first = len(case_with(copy, lambda lines: lines.extend(f"k{i}: x" for i in range(30_000)))) - 30_000 + 1
    result = check(copy, GRIND)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "30,000 problems in the content:" in result.stderr
    assert f"content/cases/IV.3.yml:{first}: k0: unknown field" in result.stderr
    # A bounded report: the first problems, then how many more.
    assert result.stderr.count("unknown field") == 100, result.stderr[-2000:]
    assert "and 29,900 more problems" in result.stderr


def test_oversized_file_is_refused_before_parsing(copy):
    write(copy, "corrections.yml", b"corrections: []\n" + b"# padding\n" * 60_000)
    assert_refused(copy, "content/corrections.yml", "a content file may be at most", GRIND)


def test_line_break_inside_a_text_is_refused(copy):
    path = copy / "modules/A.yml"
    text = path.read_text(encoding="utf-8").replace("title: Organize resources and secure support",
                                                    'title: "Organize resources\\n\\n[x](javascript:alert(1))"', 1)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Organize resources" in row)
    assert_refused(copy, f"content/modules/A.yml:{line}: steps[0].tasks[1].title:", "a line break inside a text")


def test_check_works_on_content_in_a_folder_of_any_name(tmp_path):
    root = tmp_path / "elsewhere-named"
    shutil.copytree(ROOT / "content", root)
    result = check(root)
    assert result.returncode == 0 and "content OK" in result.stdout, result.stderr
    (root / "modules/E.yml").unlink()
    assert_refused(root, "elsewhere-named/modules: ", "module E is missing")


def test_renamed_section_the_site_needs_is_found_by_check(copy):
    path = copy / "chapters/I.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('id: "i-b"', 'id: "i-b-renamed"'), encoding="utf-8")
    assert_refused(copy, "content/chapters/I.yml:", "a section with id 'i-b' is required")


def test_empty_modules_folder_reports_only_the_root_cause(copy):
    for path in (copy / "modules").glob("*.yml"):
        path.unlink()
    result = check(copy)
    problems = [row for row in result.stderr.splitlines() if row.startswith("  ")]
    assert len(problems) == 5, result.stderr
    assert all("is missing: expected modules/" in row for row in problems)


def test_heading_without_an_id_is_refused(copy):
    path = copy / "modules/E.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  id: renewal-of-a-multi-stakeholder-partnership\n", "\n", 1),
                    encoding="utf-8")
    assert_refused(copy, "content/modules/E.yml:", "id: required field is missing")
