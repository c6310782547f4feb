"""Where a worksheet's page and files are, as templates link them (macros/site/worksheets.py)."""
from __future__ import annotations

from .. import worksheets


class WorksheetFiles:
    INDEX = worksheets.INDEX
    ACTION_PLAN = worksheets.ACTION_PLAN
    page_path = staticmethod(worksheets.page_path)
    docx_path = staticmethod(worksheets.docx_path)
    xlsx_path = staticmethod(worksheets.xlsx_path)
    has_tables = staticmethod(worksheets.has_tables)      # whether it has an Excel file
    facilitator_path = staticmethod(worksheets.facilitator_path)
    questionnaire_path = staticmethod(worksheets.questionnaire_path)
    source_target = staticmethod(worksheets.source_target)
