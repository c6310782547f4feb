"""Search keywords as data: checked, named by file, line and field."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import material
import pytest
from conftest import ROOT

from macros.content.load import load
from macros.content.reader import ContentError
from macros.site.search import STOP_WORDS, add_keywords, keyword_target

KEYWORDS = "search/keywords.yml"


def broken_copy(tmp_path, old: str, new: str):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    path = root / KEYWORDS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root, path


def line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("old,new,field,message", [
    ('task: "6.2"', 'task: "6.9"', "task", "no task '6.9' in the content"),
    ("heading: termination-of-a-multi-stakeholder-partnership", "heading: termination", "heading",
     "task 12.1 has no heading with id 'termination'"),
    ("principle: A.4", "principle: A.9", "principle", "no principle 'A.9' in the content"),
    ('step: "9"', 'term: no-such-term', "term", "no glossary entry 'no-such-term' in the content"),
    ('task: "6.2"', 'task: "6.2"\n    step: "6"', None, "name exactly one passage"),
    ("section: iii-b", "section: iii-z", "section", "chapter iii has no section with id 'iii-z'"),
    ("chapter: iii", "chapter: ix", "chapter", "no chapter 'ix' in the content"),
])
def test_a_keyword_for_a_passage_that_does_not_exist_is_reported_with_file_line_and_field(
        tmp_path, old, new, field, message):
    root, path = broken_copy(tmp_path, old, new)
    with pytest.raises(ContentError) as caught:
        load(root)
    report = caught.value.report()
    line = line_of(path, new.splitlines()[0])
    assert f"content/{KEYWORDS}:{line}: keywords[" in report and message in report, report
    if field:
        assert f"].{field}: {message}" in report, report


def test_stop_words_are_the_ones_materials_search_leaves_out():
    folder = Path(material.__path__[0]) / "templates" / "assets" / "javascripts" / "workers"
    source = next(folder.glob("search.*.min.js")).read_text(encoding="utf-8")
    found = re.search(r"generateStopWordFilter\(\[([^\]]*)\]\)", source)
    assert found, "Material's search worker no longer holds Lunr's stop word list"
    assert list(STOP_WORDS) == json.loads(f"[{found.group(1)}]")


def test_a_keyword_for_a_passage_search_leaves_out_is_returned_not_dropped(content):
    entry = content.search_keywords.keywords[0]
    index = {"docs": [{"location": "index.html", "title": "Home", "text": ""}]}
    assert add_keywords(index, content.search_keywords.model_copy(update={"keywords": [entry]})) == [keyword_target(entry)]
    assert "keywords" not in index["docs"][0]
