"""Hostile text, planted into copies of the content and of the catalogues (never the real files).

What a careless or hostile editor or translator could write: markup, Markdown, Jinja and
Python format syntax, and the characters that end an attribute, an element, a script or a
CDATA section. Every test that plants them asserts that they are shown as written and that
nothing they spell runs, links or styles anything."""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po

# Markup and syntax that must stay text, in content.
TITLE_PAYLOADS = [
    "{draft}",
    "{: onclick=alert(1) style=color:red",
    "{: #task-9-9 .evil }",
    "[x](javascript:alert(1))",
    "![i](x.png)",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "{{ 7*7 }} {% raw %}",
    "`code` *a* _b_ #",
]
HOSTILE = " ".join(TITLE_PAYLOADS)
# The characters that end a quoted attribute, an element, a script or CDATA: in every text field.
ENDINGS = " \"'<>&</script>]]>"
# A title that breaks out of <meta content="..."> if it is written raw (it did).
BREAKOUT = 'x"><script>window.__pwned=1</script><meta x="'
# In a catalogue entry: what the catalogue check lets through (no tags, no Markdown, no
# placeholders of its own), yet breaks out of an attribute or a script if written raw.
CATALOGUE_ENDINGS = " \" onmouseover=\"window.__pwned=1\" x=' ]]> < > &"
# Refused by the catalogue check; a test renders them past it to see that they stay text too.
CATALOGUE_MARKUP = [
    "Plan <script>window.__pwned=1</script>",
    "[x](javascript:window.__pwned=1)",
    "{: #id onclick=window.__pwned=1 }",
    "<https://evil.example>",
    "![i](x.png)",
    "<img src=x onerror=window.__pwned=1>",
]

# Fields of the content model that hold text (macros/content/model.py); values that look like
# IDs (a slug) are references, not text, and are left alone.
TEXT_FIELDS = {"date_place", "description", "editorial_note", "editorial_summary", "editorial_title",
               "editorial_why", "factor", "heading", "intro", "label", "lead", "name", "notes_label", "p",
               "reason", "series", "subtitle", "term", "text", "title", "where",
               "clause", "draft", "strategy"}   # the worksheets' own words too
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def rewrite(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def _append_to_text(data, suffix: str) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and key in TEXT_FIELDS and not SLUG.match(value):
                data[key] = value + suffix
            else:
                _append_to_text(value, suffix)
    elif isinstance(data, list):
        for value in data:
            _append_to_text(value, suffix)


def plant_in_every_text(root: Path, suffix: str = ENDINGS) -> None:
    """`suffix` at the end of every text field of every content file under `root`."""
    for path in sorted(root.rglob("*.yml")):
        rewrite(path, lambda data: _append_to_text(data, suffix))


def plant_titles(root: Path) -> None:
    """The markup payloads in a task title, a step title, an item, a case title, a chapter
    section title, a paragraph, a glossary definition and a self-assessment question; the
    attribute breakout at the start of a case box's title."""
    def module_a(data):
        step = data["steps"][0]
        step["title"] += " " + HOSTILE
        step["tasks"][1]["title"] = "Organize resources " + HOSTILE
        step["tasks"][1]["blocks"][0]["list"]["items"][0]["text"] += " " + HOSTILE
        data["intro"][0]["p"] += " " + HOSTILE

    rewrite(root / "modules/A.yml", module_a)
    rewrite(root / "cases/IV.5.yml", lambda d: d.update(title=d["title"] + " " + HOSTILE))
    rewrite(root / "cases/IV.3.yml", lambda d: d.update(title=BREAKOUT + d["title"]))
    rewrite(root / "chapters/II.yml", lambda d: d["sections"][0].update(title=d["sections"][0]["title"] + " " + HOSTILE))
    rewrite(root / "glossary.yml", lambda d: next(t for t in d["terms"] if t.get("editorial_definition")).update(
        editorial_definition="Ours " + HOSTILE))
    rewrite(root / "assessment/A.yml", lambda d: d["questions"][0].update(text=d["questions"][0]["text"] + " " + HOSTILE))


def plant_in_catalogues(folder: Path, suffix: str = CATALOGUE_ENDINGS) -> list[str]:
    """`suffix` after every translated string of every language's catalogue under `folder`;
    returns the languages changed."""
    changed = []
    for po in sorted(folder.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh)
        for message in catalog:
            if not message.id or not message.string:
                continue
            if isinstance(message.string, tuple):
                message.string = tuple(s + suffix if s else s for s in message.string)
            else:
                message.string += suffix
        with po.open("wb") as fh:
            write_po(fh, catalog, width=0)
        changed.append(po.parent.parent.name)
    return changed
