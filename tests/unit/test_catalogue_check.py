"""Translators' text is input from people, like content (issue 19): a catalogue entry that
would crash a filler, reach Python internals or bring markup is refused before any page is
built, naming the .po file, the entry's line and its msgid, with no traceback; and Python
fills translated text with i18n.fill, which cannot crash nor reach an attribute.

Every test works on a copy of translations/ in tmp_path, never on the real catalogues."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from catalogue_copies import translate, where
from cli import macros_cli
from mkdocs_config import write_config

from macros.content.reader import ContentError
from macros.project import ROOT
from macros.site import catalogue_check, i18n, pages


def config_for(catalogues: Path) -> Path:
    """The repository's mkdocs.yml with the copy of the catalogues in place of its own."""
    return write_config(catalogues.parent / "mkdocs.yml", catalogues=catalogues)


def report(folder: Path) -> str:
    with pytest.raises(ContentError) as refused:
        catalogue_check.check(folder)
    return refused.value.report()


HOSTILE = [
    # (msgid, msgstr as written in the .po, what the report says)
    ("Step {id}: {title}", "Étape {nope}", "{nope} not in the English text; {id}, {title} missing"),
    ("Step {id}: {title}", "Étape {id : {title}", "a lone { that opens or closes no placeholder"),
    ("Step {id}: {title}", "Étape {id} : {title.__class__.__mro__}", "{title.__class__.__mro__} is not a placeholder"),
    ("Step {id}: {title}", "Étape {id!r} : {title}", "{id!r} is not a placeholder"),
    ("Step {id}: {title}", "Étape {{id}} : {title}", "{{: the English text has no doubled brace"),
    ("Step %(id)s: %(title)s", "Étape %(nope)s", "%(nope)s not in the English text"),
    ("Step %(id)s: %(title)s", "Étape %(id)s à 100% : %(title)s", "a lone %"),
    ("Step %(id)s: %(title)s", "Étape %(id)d : %(title)s", "%(id)d is not a placeholder"),
    ("Step %(id)s: %(title)s", "Étape {id} : %(title)s", "{id} not in the English text"),
    ("Action plan", "Plan d'action à 100%", "a lone %"),
    ("Action plan", "Plan <script>alert(1)</script>", "an HTML tag ('<script')"),
    ("Action plan", "Plan &#60;b&gt;", "an HTML entity"),
    ("Action plan", "[x](javascript:alert(1))", "a Markdown link"),
    ("Action plan", "[x](javascript:alert(1))", "a javascript: address"),
    ("Action plan", "Plan {: #id onclick=alert(1) }", "an attribute list ('{:')"),
    ("Action plan", "<https://evil.example>", "an autolink ('<https:')"),
    ("Action plan", "![i](x.png)", "a Markdown image"),
    ("Action plan", "Plan https://evil.example", "a web address that the English text has not ('https://evil.example')"),
    ("Action plan", "Plan www.evil.example", "a web address that the English text has not"),
    ("Action plan", "Plan\\x00", "a backslash, as in an escape like \\x1b"),
    ("Action plan", "Plan\\x1b[31m", "a backslash, as in an escape like \\x1b"),
    ("Action plan", "Plan\\033[31m", "a backslash"),
    ("Action plan", "Plan\\r", "control character U+000D"),
    ("Action plan", "Plan\x1b[31m", "control character U+001B"),
    ("Action plan", "Plan\x00", "control character U+0000"),
    ("Action plan", "Plan\x85", "control character U+0085"),
    ("Action plan", "Plan\u2028", "control character U+2028"),
    ("Action plan", "Plan \ufffe", "control character U+FFFE"),
    ("Action plan", "Plan \u202e", "control character U+202E"),
    ("Action plan", "Plan\\nd'action", "a line break (\\n) that the English text has not"),
]


@pytest.mark.parametrize("msgid, msgstr, expected", HOSTILE, ids=[f"{m}->{s!r}" for m, s, _ in HOSTILE])
def test_a_hostile_translation_is_refused_naming_file_line_and_msgid(catalogue_of, msgid, msgstr, expected):
    catalogues = catalogue_of("fr")
    po, line = translate(catalogues, "fr", msgid, msgstr)
    text = report(catalogues)
    assert where(po, line, msgid) in text and expected in text, text


@pytest.mark.parametrize("msgid, msgstr, expected", [
    ("Step {id}: {title}", "Étape {id} : {title.__class__.__mro__}", "{title.__class__.__mro__} is not a placeholder"),
    ("Step %(id)s: %(title)s", "Étape %(nope)s", "%(nope)s not in the English text"),
    ("Action plan", "Plan <script>alert(1)</script>", "an HTML tag"),
    ("Action plan", "Plan\\x1b[31m", "a backslash"),
])
def test_python_m_macros_check_refuses_it_with_no_traceback(catalogue_of, msgid, msgstr, expected):
    catalogues = catalogue_of("zh")
    po, line = translate(catalogues, "zh", msgid, msgstr)
    result = macros_cli("check", "-f", config_for(catalogues))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "in the translation catalogues:" in result.stderr
    assert where(po, line, msgid) in result.stderr and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "content OK" in result.stdout   # the content is still checked and reported


def test_a_plural_the_template_has_not_is_refused(catalogues):
    """The English a translation is checked against is the template's, never the .po file's own
    msgid_plural (a tuple from gettext once stopped a build with a traceback)."""
    po = i18n.po_path("fr", catalogues)
    text = po.read_text(encoding="utf-8")
    entry = 'msgid "Action plan"\nmsgstr "Plan d\'action"'
    assert entry in text
    po.write_text(text.replace(entry, 'msgid "Action plan"\nmsgid_plural "<img src=x onerror=alert(1)> {n}"\n'
                                      'msgstr[0] "Plan"\nmsgstr[1] "<img src=x onerror=alert(1)> {n}"'), encoding="utf-8")
    assert 'msgid "Action plan": the template (toolkit.pot) has a single msgstr, no plural forms' in report(catalogues)


def test_a_huge_hostile_entry_is_checked_in_one_pass(catalogues):
    """"%(" repeated, or a long tag name before a colon, once took minutes (each "%(" rescanned
    the rest): the subprocess's timeout fails the test if it does again."""
    translate(catalogues, "fr", "Action plan", "%(" * 240_000 + "<" + "a" * 400_000 + ":")
    result = macros_cli("check", "-f", config_for(catalogues), timeout=60)
    assert result.returncode == 1 and "a lone %" in result.stderr, result.stderr[-2000:]


def test_every_problem_of_every_catalogue_is_reported_at_once(catalogues):
    fr, fr_line = translate(catalogues, "fr", "Step {id}: {title}", "{nope}")
    zh, zh_line = translate(catalogues, "zh", "Action plan", "<b>行动计划</b>")
    ru, ru_line = translate(catalogues, "ru", "Step %(id)s: %(title)s", "%(id)s %(title)s 100%")
    text = report(catalogues)
    assert text.startswith("3 problems in the translation catalogues:"), text
    for po, line, msgid in ((fr, fr_line, "Step {id}: {title}"), (zh, zh_line, "Action plan"),
                            (ru, ru_line, "Step %(id)s: %(title)s")):
        assert where(po, line, msgid) in text, text


def test_an_entry_with_a_context_is_named_with_it(catalogues):
    po = i18n.po_path("fr", catalogues)
    text = po.read_text(encoding="utf-8")
    entry = 'msgctxt "js"\nmsgid "Module {id}: {title}"\nmsgstr "Module {id} : {title}"'
    assert entry in text
    po.write_text(text.replace(entry, entry.replace('msgstr "Module {id} : {title}"', 'msgstr "Module {id}"')),
                  encoding="utf-8")
    assert 'msgctxt "js" msgid "Module {id}: {title}": placeholders differ' in report(catalogues)


def test_a_file_that_is_not_a_catalogue_names_its_line(catalogues):
    po = i18n.po_path("th", catalogues)
    lines = po.read_text(encoding="utf-8").split("\n")
    lines.insert(30, "msgstr[ nonsense")
    po.write_text("\n".join(lines), encoding="utf-8")
    assert f"{po.resolve()}:31: not a .po entry" in report(catalogues)


def test_a_byte_that_is_not_utf8_names_its_line(catalogues):
    po, line = translate(catalogues, "id", "Action plan", "Rencana aksi")
    raw = po.read_bytes().replace(b'msgstr "Rencana aksi"', b'msgstr "Rencana \xe9"', 1)
    po.write_bytes(raw)
    assert f"{po.resolve()}:{line + 1}: not UTF-8 text: byte 0xe9" in report(catalogues)


def test_what_the_english_text_has_may_be_translated(catalogues):
    """A percent sign beside a browser placeholder, as the English has it; %% in a Jinja string.
    (The browser's strings have none of their own now: Intl writes percentages, so a browser
    string with one is added to the copy.)"""
    translate(catalogues, "fr", "Step %(id)s: %(title)s", "Étape %(id)s : %(title)s (100 %%)")
    entry = '\nmsgctxt "js"\nmsgid "{percent}% ({answered} of {total} answered)"\nmsgstr "{}"\n'
    with (catalogues / "toolkit.pot").open("a", encoding="utf-8") as fh:
        fh.write(entry.replace("{}", ""))
    po = i18n.po_path("fr", catalogues)
    with po.open("a", encoding="utf-8") as fh:
        fh.write(entry.replace("{}", "{percent} % — ({answered} sur {total} répondues)"))
    assert catalogue_check.check(catalogues) == ["fr", "ru", "zh", "id", "th"]


def test_a_percent_sign_in_our_data_or_the_browsers_text_is_one(catalogues):
    """Jinja never formats a question, a definition or a browser string: only the interface's
    text must keep % for placeholders."""
    po = i18n.po_path("fr", catalogues)
    text = po.read_text(encoding="utf-8")
    definition = '"partenariats (encadré IV.13)."'
    assert text.count(definition) == 1
    po.write_text(text.replace(definition, '"partenariats (encadré IV.13, 100 %)."'), encoding="utf-8")
    assert catalogue_check.check(catalogues)
    assert not catalogue_check.percent_formatted("js") and not catalogue_check.percent_formatted("assessment:q-1.1-1")
    assert catalogue_check.percent_formatted(None) and catalogue_check.percent_formatted("checklists")


def test_a_plural_form_may_use_the_plural_placeholders():
    assert not catalogue_check.entry_problems("one file", "%(n)s fichier", "%(n)s files")
    assert not catalogue_check.entry_problems("one file", "un fichier", "%(n)s files")
    assert catalogue_check.entry_problems("one file", "%(m)s fichiers", "%(n)s files")


def test_fuzzy_entries_are_not_checked_as_they_are_never_used(catalogues):
    po, line = translate(catalogues, "fr", "Action plan", "<script>")
    text = po.read_text(encoding="utf-8").split("\n")
    text.insert(line - 1, "#, fuzzy")
    po.write_text("\n".join(text), encoding="utf-8")
    assert catalogue_check.check(catalogues)
    assert ("", "Action plan") not in i18n.translator(i18n.Language("fr", "French", "Français"), catalogues).messages


def test_the_real_catalogues_pass():
    assert catalogue_check.check() == ["fr", "ru", "zh", "id", "th"]


# --- fill: Python's filler for translated text ----------------------------------------------

def test_fill_replaces_only_bare_names_it_is_given():
    assert i18n.fill("Step {id}: {title}", id="3", title="Engage") == "Step 3: Engage"
    assert i18n.fill("{n} of {total}", n=2, total=5) == "2 of 5"
    for literal in ("{title.__class__.__mro__}", "{title[0]}", "{title!r}", "{title:>99}", "{0}", "{}",
                    "{nope}", "lone { and }", "%(title)s"):
        assert i18n.fill(literal, title="x") == literal


def test_fill_never_fills_a_value_again():
    assert i18n.fill("{a} / {b}", a="{b}", b="x") == "{b} / x"


def test_a_hostile_translation_reaches_a_page_title_literally(content):
    """Were the check bypassed, Python's own page titles still never crash or leak."""
    hostile = "Étape {title.__class__.__mro__} {nope} { %(x)s"
    tr = i18n.Translator(i18n.Language("fr", "French", "Français"), {("", "Step {id}: {title}"): hostile})
    titles = {p.path: p.title for p in pages.pages(content, None, tr)}
    assert titles["steps/3.html"] == hostile


def test_python_fills_translated_text_with_fill_only():
    """str.format on a translation would read {title.__class__} and stop on {nope}: in macros/,
    .format is called only on our own constants."""
    ours = {"MARKER", "HEADER"}
    for path in (ROOT / "macros").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "format_map"):
                receiver = node.func.value
                assert isinstance(receiver, ast.Name) and receiver.id in ours, \
                    f"{path.relative_to(ROOT)}:{node.lineno}: fill translated text with i18n.fill, not .{node.func.attr}"
