"""Workspaces, one per partnership: what the bar on every tool page (templates/parts/workspace.html,
docs/assets/js/workspace-bar.js) needs to know: every tool's name as the default workspace names
it (a workspace exports and clears them all), the storage contract and the browser's messages."""
from __future__ import annotations

import json
from functools import cache

from babel.messages.extract import extract_from_file
from markupsafe import Markup

from ..content.load import Content
from ..project import ROOT, version
from . import storage
from .i18n import ENGLISH, Translating

BAR_SCRIPT = ROOT / "docs" / "assets" / "js" / "workspace-bar.js"


@cache
def _bar_messages() -> frozenset[str]:
    """The messages workspace-bar.js says (t("…"), tf("…")): the bar's model carries their
    translations only, not the whole catalogue's a second time on every tool page."""
    found = extract_from_file("javascript", str(BAR_SCRIPT), keywords={"t": None, "tf": (1,)})
    return frozenset(message for _, message, _, _ in found if isinstance(message, str))


def tools(content: Content) -> list[str]:
    """The tools a workspace holds: the self-assessment, its group scoring, the action plan and
    each worksheet."""
    return [storage.assessment_tool(), storage.group_tool(), storage.plan_tool(),
            *(storage.worksheet_tool(s.id) for s in content.worksheets)]


def model(content: Content, tr: Translating = ENGLISH) -> Markup:
    strings = {k: v for k, v in tr.js_strings().items() if k in _bar_messages()}
    data = {"storage": storage.contract(), "tools": tools(content), "version": version(), "strings": strings}
    # "<" escaped so that no text in the data can close the script element.
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"))
