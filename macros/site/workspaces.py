"""Workspaces, one per partnership: what the bar on every tool page (templates/parts/workspace.html,
docs/assets/js/workspace-bar.js) needs to know: every tool's name as the default workspace names
it (a workspace exports and clears them all), the storage contract and the browser's messages."""
from __future__ import annotations

import json

from markupsafe import Markup

from ..content.load import Content
from ..project import version
from . import storage
from .i18n import ENGLISH, Translating


def tools(content: Content) -> list[str]:
    """The tools a workspace holds: the self-assessment, the action plan and each worksheet."""
    return [storage.assessment_tool(), storage.plan_tool(), *(storage.worksheet_tool(s.id) for s in content.worksheets)]


def model(content: Content, tr: Translating = ENGLISH) -> Markup:
    data = {"storage": storage.contract(), "tools": tools(content), "version": version(), "strings": tr.js_strings()}
    # "<" escaped so that no text in the data can close the script element.
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"))
