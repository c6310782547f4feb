"""The blank Word and Excel worksheets in the built site, linked from the pack page."""
from __future__ import annotations

from macros.site import worksheets as ws


def test_blank_files_are_in_the_built_site_and_linked_from_the_pack_page(site, content):
    pack_page = (site / "checklists/index.html").read_text(encoding="utf-8")
    for sheet in content.worksheets:
        assert (site / ws.docx_path(sheet.id)).stat().st_size > 5000
        assert (site / ws.xlsx_path(sheet.id)).is_file() == ws.has_tables(sheet)
        assert f'href="../{ws.docx_path(sheet.id)}"' in pack_page
