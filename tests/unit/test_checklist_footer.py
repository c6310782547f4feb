"""The printed checklists' footer."""
from __future__ import annotations


def test_footer_names_toolkit_and_checklist_and_only_a_public_address():
    from macros.site.checklists import footer

    local = footer("Checklist: Module A: Initiation", "checklists/module-a.html", None)
    assert "Checklist: Module A: Initiation · Partnering Guidelines toolkit" in local
    assert "checklists/module-a.html" not in local and "ESCAP / UNU-IAS, 2018" in local
    public = footer("Checklist: Module A: Initiation", "checklists/module-a.html", "https://example.org/guidelines/")
    assert public.endswith("\nhttps://example.org/guidelines/checklists/module-a.html")
