"""The self-assessment's model for the browser: questions with where they come from, the
scale, and the guidance they link to. Written as a script file (not fetched), so that it
loads from file:// too."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from ..content.load import Content
from ..content.model import Question, ScaleOption
from ..project import version
from . import storage, urls
from .i18n import ENGLISH, N_, Translating, fill

PAGE_DIR = "assessment"
# Group scoring: participants disagree on a question when their scores are this many points
# apart or more (the page says so; the browser reads it from the model).
DISAGREEMENT = 2


@dataclass(frozen=True)
class ToolPage:
    """A page of the self-assessment besides the forms: the one list its menus are made from."""

    key: str
    path: str
    title: str
    menu: str          # its name in the site menu and the assessment's own menu


HOME = ToolPage("home", f"{PAGE_DIR}/index.html", N_("Self-assessment"), N_("Start and results"))
REPORT = ToolPage("report", f"{PAGE_DIR}/report.html", N_("Self-assessment report"), N_("Full report"))
PARTNERS = ToolPage("partners", f"{PAGE_DIR}/partners.html", N_("Partnership view"), N_("Partnership view"))
COMPARE = ToolPage("compare", f"{PAGE_DIR}/compare.html", N_("Compare over time"), N_("Compare over time"))
GROUP = ToolPage("group", f"{PAGE_DIR}/group.html", N_("Group scoring"), N_("Group scoring"))
TOOL_PAGES = (HOME, REPORT, PARTNERS, GROUP, COMPARE)


def form_path(module_id: str | None) -> str:
    return f"{PAGE_DIR}/{'module-' + module_id.lower() if module_id else 'all'}.html"


def _from_page(target: str) -> str:
    """Addresses in the model are used from pages in assessment/."""
    return "../" + target


def questions(content: Content, module_id: str | None = None) -> list[tuple[str, Question]]:
    out: list[tuple[str, Question]] = []
    for part in content.assessment:
        if module_id and part.module != module_id:
            continue
        out += [(part.module, q) for q in part.questions]
    return out


def source_of(content: Content, module_id: str, question: Question, tr: Translating = ENGLISH) -> tuple[str, str, str | None]:
    """(label, guidance address, step) of what a question comes from."""
    _ = tr.gettext
    if question.task:
        step = content.step_of_task[question.task]
        task = content.task_by_id[question.task]
        return fill(_("Task {id}"), id=task.id), f"{urls.step_path(step.id)}#{urls.task_anchor(task.id)}", step.id
    module = content.module_by_id[module_id]
    if question.principle:
        group = next(g for g in module.key_principles.groups if g.id == question.principle)
        return fill(_("Key principle: {title}"), title=group.title), f"{urls.module_path(module_id)}#{urls.principle_anchor(group.id)}", None
    if question.outcome is None:   # the content check requires one of task, principle, outcome
        raise ValueError(f"question {question.id} comes from no task, key principle or outcome")
    letter = question.outcome.rsplit(".", 1)[1]
    return fill(_("Module {id} outcome ({letter})"), id=module_id, letter=letter), f"{urls.module_path(module_id)}#outcomes", None


def principle_title(content: Content, module_id: str, question: Question) -> str | None:
    """The title of the key principle a question comes from (the publication's), if it comes from one."""
    if question.task or not question.principle:
        return None
    return next(g.title for g in content.module_by_id[module_id].key_principles.groups if g.id == question.principle)


def question_text(q: Question, tr: Translating = ENGLISH) -> str:
    """A question in the page's language: our text, so translated with its ID as context."""
    return tr.data(f"assessment:{q.id}", q.text)


def scale_label(option: ScaleOption, tr: Translating = ENGLISH) -> str:
    return tr.data(f"assessment-scale:{option.key}", option.label)


def _no_lang(text: str) -> str | None:
    return None


def model(content: Content, tr: Translating = ENGLISH, lang_of: Callable[[str], str | None] = _no_lang) -> dict[str, object]:
    """The model in one language. Answers are stored by question ID and scale key, never by
    text, so an export made in one language imports and merges in any other. `lang_of`: the
    language of a text of the publication on a page of `tr`'s (None on an English page), which
    the page says of the titles it shows ("lang" beside each; "source_title" and "source_lang"
    for the key principle a question's source label names)."""
    qs = []
    for module_id, q in questions(content):
        label, target, step = source_of(content, module_id, q, tr)
        principle = principle_title(content, module_id, q)
        qs.append({"id": q.id, "module": module_id, "step": step, "task": q.task, "principle": q.principle,
                   "outcome": q.outcome, "text": question_text(q, tr), "source": label, "url": _from_page(target),
                   "source_title": principle, "source_lang": lang_of(principle) if principle else None})
    return {
        "version": version(),
        "content_version": content.fingerprint(),
        "language": tr.language.code,
        "tool": storage.assessment_tool(),
        "storage": storage.contract(),
        "strings": dict(tr.js_strings()),
        "scale": [{**o.model_dump(), "label": scale_label(o, tr)} for o in content.assessment_scale.scale],
        "modules": [{"id": m.id, "title": m.title, "lang": lang_of(m.title), "url": _from_page(urls.module_path(m.id)),
                     "form": _from_page(form_path(m.id))} for m in content.modules],
        "steps": [{"id": s.id, "title": s.title, "lang": lang_of(s.title), "module": content.module_of_step[s.id].id,
                   "url": _from_page(urls.step_path(s.id))} for s in content.steps],
        "tasks": [{"id": t.id, "title": t.title, "lang": lang_of(t.title), "step": content.step_of_task[t.id].id,
                   "url": _from_page(f"{urls.step_path(content.step_of_task[t.id].id)}#{urls.task_anchor(t.id)}")}
                  for t in content.tasks],
        "questions": qs,
        "disagreement": DISAGREEMENT,
    }


def model_script(content: Content, tr: Translating = ENGLISH, lang_of: Callable[[str], str | None] = _no_lang) -> str:
    data = json.dumps(model(content, tr, lang_of), ensure_ascii=False, separators=(",", ":"))
    # "<" escaped so that no text in the data can close a script element.
    return "window.ASSESSMENT_MODEL = " + data.replace("<", "\\u003c") + ";\n"
