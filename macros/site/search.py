"""What the site's search index needs beyond Material's own: the words a query leaves out, and
our keywords (content/search/keywords.yml) on the passages they are for.

Material appends a wildcard to every word typed ("of" becomes "of*"), and Lunr skips its stop
word filter for a wildcard term: so "of", "a" or "is" matched every word beginning with those
letters (office, agenda, island...) and drowned the words that mattered ("termination of a
partnership" ranked annex II above step 12). A separator that swallows the stop words removes
them from queries before that happens; in the text they were never indexed anyway."""
from __future__ import annotations

from typing import Required, TypedDict

from macros.content.model import SearchKeywordList, SearchKeywords
from macros.site import urls


class SearchDocument(TypedDict, total=False):
    """One entry of Material's search index (search/search_index.json): a page or a heading."""

    location: Required[str]   # 'steps/3.html#task-3-2'
    title: str
    text: str
    keywords: list[str]       # ours: searched, never shown


class SearchIndex(TypedDict):
    config: dict[str, object]
    docs: list[SearchDocument]

# Lunr's English stop word list (lunr.stopWordFilter, in Material's search worker): the words
# the index leaves out. A test holds it equal to the worker's own.
STOP_WORDS = (
    "a able about across after all almost also am among an and any are as at be because been but by can "
    "cannot could dear did do does either else ever every for from get got had has have he her hers him his "
    "how however i if in into is it its just least let like likely may me might most must my neither no nor "
    "not of off often on only or other our own rather said say says she should since so some than that the "
    "their them then there these they this tis to too twas us wants was we were what when where which while "
    "who whom why will with would yet you your"
).split()


# Words that carry no topic and that Lunr's list lacks (it has "among" and "across", not
# "between" or "through"): "trust between partners" ranked first the cases that say "between 2002
# and 2006", above the box on building trust. Left out like Lunr's, of queries and of the index.
FUNCTION_WORDS = (
    "against before between both during each onto per such those through toward towards under until upon via "
    "whether within without"
).split()


def stop_word_separator() -> str:
    """An alternative for the search separator matching a whole stop word, typed in lower case
    or capitalised (Material compiles the separator without the case-insensitive flag), but not
    one that is part of a number or a contraction ("A.1", the principle; "it's")."""
    words = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in (*STOP_WORDS, *FUNCTION_WORDS))
    return rf"|\b(?:{words})\b(?![.'’]\w)"


def keyword_target(entry: SearchKeywords) -> str:
    """The search document a keywords entry is for: its page and anchor, from IDs only."""
    if entry.task is not None:
        step = entry.task.split(".")[0]
        anchor = urls.task_anchor(entry.task) + (f"-{entry.heading}" if entry.heading else "")
        return f"{urls.step_path(step)}#{anchor}"
    if entry.step is not None:
        return urls.step_path(entry.step)
    if entry.principles is not None:
        return f"{urls.module_path(entry.principles)}#key-principles"
    if entry.principle is not None:
        return f"{urls.module_path(entry.principle.split('.')[0])}#{urls.principle_anchor(entry.principle)}"
    if entry.term is not None:
        return f"{urls.PAGES['glossary']}#term-{entry.term}"
    if entry.box is not None:
        return urls.case_path(entry.box)
    if entry.chapter is not None:
        return urls.chapter_path(entry.chapter) + (f"#{entry.section}" if entry.section else "")
    raise ValueError("a keywords entry names no passage")   # the content check refuses it


def add_keywords(index: SearchIndex, keywords: SearchKeywordList) -> list[str]:
    """Give each targeted document of Material's search index its keywords, in a field of its
    own: found by search, never shown in a result (Material shows only title and text).
    Returns the targets that are not a document of the index."""
    docs = {doc["location"]: doc for doc in index["docs"]}
    missing = []
    for entry in keywords.keywords:
        target = keyword_target(entry)
        if target not in docs:
            missing.append(target)
            continue
        docs[target].setdefault("keywords", []).extend(entry.editorial_words)
    return missing
