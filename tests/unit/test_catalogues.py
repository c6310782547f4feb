"""Translation catalogues and official translations as data."""
from __future__ import annotations

import shutil

import pytest
from babel.messages.pofile import read_po
from conftest import TEST_OVERLAY

from macros.content import overlay
from macros.content.reader import ContentError
from macros.site import i18n

FIXTURE = TEST_OVERLAY


def test_an_overlay_that_is_not_a_counterpart_is_refused(tmp_path, content):
    shutil.copytree(FIXTURE, tmp_path / "translations")
    bad = tmp_path / "translations" / "ur" / "cases" / "IV.1.yml"
    text = bad.read_text(encoding="utf-8")
    bad.write_text(text.replace("  - p: >-\n      آزمائشی پیراگراف دو۔ یہ متن صرف جانچ کے لیے ہے۔\n", ""), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        overlay.apply(content, tmp_path / "translations", "ur")
    report = err.value.report()
    assert "translations/ur/cases/IV.1.yml" in report and "blocks" in report


def test_catalogues_have_stable_contexts_and_a_reviewed_flag_is_counted(tmp_path):
    with (i18n.TRANSLATIONS / "toolkit.pot").open("rb") as fh:
        template = read_po(fh)
    contexts = {m.context for m in template if m.id}
    assert "assessment:q-1.1-1" in contexts and "assessment-scale:fully" in contexts and "js" in contexts
    folder = tmp_path / "translations"
    shutil.copytree(i18n.TRANSLATIONS, folder)
    po = i18n.po_path("fr", folder)
    text = po.read_text(encoding="utf-8")
    before = i18n.status(i18n.Language("fr", "French", "Français"), folder).reviewed
    po.write_text(text.replace('msgctxt "assessment-scale:fully"', '#, reviewed\nmsgctxt "assessment-scale:fully"', 1),
                  encoding="utf-8")
    assert i18n.status(i18n.Language("fr", "French", "Français"), folder).reviewed == before + 1
