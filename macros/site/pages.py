"""The list of pages the site has, and its navigation, derived from the content.

Each page is a template plus the data it shows. Adding a case file adds its page, its
navigation entry, its links and its entry in guidelines.json; nothing is hand-written
per page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..content.load import Content
from . import assessment, checklists, urls, worksheets, workshops
from .i18n import ENGLISH, Translating, fill


@dataclass(frozen=True)
class Page:
    path: str                 # 'steps/3.html'
    title: str                # shown in navigation and the browser tab
    template: str             # 'pages/step.md', under templates/
    description: str          # the page's meta description
    context: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    assets: tuple[str, ...] = ()        # stylesheets and scripts only this page loads
    searchable: bool = True   # False for pages that repeat guidance shown elsewhere
    search_boost: float | None = None   # ranks the page's results: guidance above lists (None: 1)

    @property
    def source(self) -> str:
        """The Markdown file name the engine builds this page from."""
        return self.path[: -len(".html")] + ".md"


# A navigation entry: (title, the page's Markdown file) or (title, the entries under it).
NavEntry = tuple[str, "str | list[NavEntry]"]

# Search ranks the guidance (steps and their tasks, then modules) above pages that only list or
# describe it: a reader who types "scaling up" wants step 11, not the case library's card.
GUIDANCE, DEFINITIONS, LIST, LOW = 3.0, 2.0, 0.3, 0.5


def _guidance_pages(content: Content, tr: Translating) -> list[Page]:
    """The publication's own pages: modules, steps, case boxes, chapters."""
    _ = tr.gettext
    title = content.publication.title
    out = []
    for module in content.modules:
        out.append(Page(urls.module_path(module.id), fill(_("Module {id}: {title}"), id=module.id, title=module.title),
                        "pages/module.md",
                        fill(_("Module {id} ({title}) of the multi-stakeholder partnership guidelines: "
                               "its outcomes, key principles, steps {steps} and their tasks."),
                             id=module.id, title=module.title, steps=", ".join(s.id for s in module.steps)),
                        {"module": module}, search_boost=GUIDANCE / 1.5))
        for step in module.steps:
            out.append(Page(urls.step_path(step.id), fill(_("Step {id}: {title}"), id=step.id, title=step.title),
                            "pages/step.md",
                            fill(_("Step {id} ({title}) of the multi-stakeholder partnership guidelines, module "
                                   "{module}: tasks {tasks}."),
                                 id=step.id, title=step.title, module=module.id, tasks=", ".join(t.id for t in step.tasks)),
                            {"module": module, "step": step}, search_boost=GUIDANCE))
    out.append(Page(urls.PAGES["cases"], _("Case library"), "pages/cases.md",
                    _("The thirteen case boxes of the multi-stakeholder partnership guidelines, from India, Cambodia, "
                    "the Philippines, Nepal, Papua New Guinea, Viet Nam, Mongolia and small island developing States, "
                    "filterable by country, module, step, theme and Goal."),
                    assets=CASE_LIBRARY_ASSETS, search_boost=LIST))
    for case in content.cases:
        tags = case.editorial   # ours, in the page's language (macros/outputs/catalogue.py)
        where = (", ".join(tr.data("case-country", x) for x in tags.countries)
                 or (tr.data("case-region", tags.region) if tags.region else _("general guidance")))
        out.append(Page(urls.case_path(case.id), fill(_("Box {id}: {title}"), id=case.id, title=case.title),
                        "pages/case.md",
                        fill(_("Box {id} of the multi-stakeholder partnership guidelines ({where}): {title}."),
                             id=case.id, where=where, title=case.title),
                        {"case": case}))
    for chapter in content.chapters:
        name = f"{chapter.label}: {chapter.title}" if chapter.label else chapter.title
        out.append(Page(urls.chapter_path(chapter.id), name, "pages/chapter.md",
                        fill(_("{name} — from {title}, ESCAP / UNU-IAS 2018."), name=name, title=title),
                        {"chapter": chapter}))
    return out


def _reference_pages(tr: Translating) -> list[Page]:
    """The glossary, notes and the pages about the toolkit itself."""
    _ = tr.gettext
    return [
        Page(urls.PAGES["glossary"], _("Glossary"), "pages/glossary.md",
             _("The abbreviations and terms of the multi-stakeholder partnership guidelines (MSP, SDG, ESCAP, UNU-IAS, "
             "NGO, SIDS and more), with the publication's own definitions where it gives them."), search_boost=DEFINITIONS),
        Page(urls.PAGES["references"], _("Notes and bibliography"), "pages/references.md",
             _("Every footnote and bibliography entry of the multi-stakeholder partnership guidelines."), search_boost=LOW),
        Page(urls.PAGES["links"], _("Link to the guidelines"), "pages/links.md",
             _("Stable addresses of every module, step, task and case box, to link from courses and "
             "learning platforms, and the machine-readable guidelines.json."),
             assets=LINKS_ASSETS, search_boost=LIST),
        Page(urls.PAGES["download"], _("Download for offline use"), "pages/download.md",
             _("The whole toolkit as one ZIP file for field offices and workshops without internet: open index.html, "
               "everything works offline."), search_boost=LOW),
        Page(urls.PAGES["accessibility"], _("Accessibility"), "pages/accessibility.md",
             _("How the Partnering Guidelines toolkit meets WCAG 2.1 AA: what is tested on every change, what we do, "
             "and the known limitations."), search_boost=LOW),
        Page(urls.PAGES["about"], _("About, cite and copyright"), "pages/about.md",
             _("Publication details, authors, ISBN, copyright and reproduction terms of the guidelines, "
             "how to cite a page, and the editorial corrections made in this edition."), search_boost=LOW),
        Page(urls.PAGES["translations"], _("Languages and translation status"), "pages/translations.md",
             _("The languages of the toolkit, how much of its own text each has translated and reviewed, "
               "and how an official translation of the guidelines can be added."), search_boost=LOW),
    ]


def pages(content: Content, site_url: str | None = None, tr: Translating = ENGLISH, prefix: str = "") -> list[Page]:
    """`tr` translates our own text (macros/site/i18n.py); `prefix` is the language's folder in
    the published site ('th/'), for the address a printed checklist gives (the English site's
    `site_url` and the language's folder)."""
    _ = tr.gettext
    title = content.publication.title
    out = [
        Page(urls.PAGES["home"], _("Home"), "pages/home.md",
             fill(_("{title}: the ESCAP / UNU-IAS guidelines for multi-stakeholder partnerships to implement "
                    "the 2030 Agenda in Asia and the Pacific, as a searchable toolkit."), title=title),
             search_boost=LOW),
    ]
    out += _guidance_pages(content, tr)
    out += checklist_pages(content, site_url, tr, prefix)
    out += assessment_pages(content, tr)
    out += worksheet_pages(content, tr)
    out += workshop_pages(content, site_url, tr, prefix)
    out += _reference_pages(tr)
    return out


# The stylesheets and scripts (under docs/) that only some pages load. assessment-model.js is
# generated from the content at build time (engine/plugin.py writes it).
ASSESSMENT_MODEL = "assets/js/assessment-model.js"
CHECKLIST_ASSETS = ("assets/css/checklist.css", "assets/js/print-button.js")
# workspace.js before the tools' scripts (they ask it which workspace this tab shows).
WORKSPACE_ASSETS = ("assets/css/workspace.css", "assets/js/workspace.js", "assets/js/workspace-bar.js")
DATA_ASSETS = ("assets/js/data-layer.js", *WORKSPACE_ASSETS, "assets/js/data-view.js", "assets/js/worksheet-core.js")
ASSESSMENT_ASSETS = ("assets/css/assessment.css", ASSESSMENT_MODEL, "assets/js/assessment-core.js",
                     "assets/js/data-layer.js", *WORKSPACE_ASSETS, "assets/js/data-view.js", "assets/js/assessment-data.js",
                     "assets/js/assessment-steps.js", "assets/js/assessment.js",
                     "assets/js/print-button.js")
# A module's form also sends its answers to group scoring; the group page reads them, and none
# of the self-assessment's own answers (assessment.js is not on it).
FORM_ASSETS = (*ASSESSMENT_ASSETS, "assets/js/scoring-core.js", "assets/js/send-answers.js")
GROUP_ASSETS = ("assets/css/assessment.css", ASSESSMENT_MODEL, "assets/js/data-layer.js", *WORKSPACE_ASSETS, "assets/js/scoring-core.js",
                "assets/js/group-scoring.js")
CASE_LIBRARY_ASSETS = ("assets/js/case-library.js",)
LINKS_ASSETS = ("assets/js/copy-link.js",)
# office-files.js is small; the Word and Excel libraries it loads are not, and load only when asked for.
OFFICE_ASSETS = ("assets/js/office-files.js", "assets/js/worksheet-office.js")
# print-values.js before the page scripts, which ask it to refresh its printed copies.
WORKSHEET_ASSETS = ("assets/css/worksheet.css", *DATA_ASSETS, *OFFICE_ASSETS, "assets/js/print-values.js", "assets/js/worksheet.js",
                    "assets/js/worksheet-derived.js", "assets/js/print-button.js")
PLAN_ASSETS = ("assets/css/worksheet.css", *DATA_ASSETS, *OFFICE_ASSETS, "assets/js/print-values.js", "assets/js/action-plan.js",
               "assets/js/print-button.js")
PRINT_ASSETS = ("assets/css/worksheet.css", "assets/js/print-button.js")
WORKSHOP_ASSETS = ("assets/css/worksheet.css", "assets/css/workshop.css", "assets/js/print-button.js")


def worksheet_pages(content: Content, tr: Translating = ENGLISH) -> list[Page]:
    _, data = tr.gettext, tr.data
    out = [Page(worksheets.INDEX, _("Worksheets"), "worksheets/index.md",
                _("Worksheets for every step of a multi-stakeholder partnership: fill them in your browser, print them, "
                  "or download them as Word and Excel files."), {}, PRINT_ASSETS, search_boost=LIST)]
    for sheet in content.worksheets:
        tasks = ", ".join(sheet.tasks)
        title = data(f"worksheet:{sheet.id}", sheet.title)
        description = (_("Worksheet for tasks {tasks} of the multi-stakeholder partnership guidelines: {title}. Fill it "
                         "in your browser, print it, or use the Word and Excel versions.") if len(sheet.tasks) > 1 else
                       _("Worksheet for task {tasks} of the multi-stakeholder partnership guidelines: {title}. Fill it "
                         "in your browser, print it, or use the Word and Excel versions."))
        out.append(Page(worksheets.page_path(sheet.id), fill(_("Worksheet: {title}"), title=title),
                        "worksheets/worksheet.md", fill(description, tasks=tasks, title=title),
                        {"sheet": sheet}, WORKSHEET_ASSETS, search_boost=LIST))
    out.append(Page(worksheets.ACTION_PLAN, _("Action plan"), "worksheets/action-plan.md",
                    _("One action plan from the self-assessment's next actions and the worksheets' actions: owner, due "
                      "date, status and the task each serves; sortable, printable, exportable."), {}, PLAN_ASSETS,
                    search_boost=LIST))
    return out


def workshop_pages(content: Content, site_url: str | None = None, tr: Translating = ENGLISH,
                   prefix: str = "") -> list[Page]:
    """Each module's facilitator's pack and printed questionnaire: found by search ("workshop
    agenda"), printed with the toolkit's address beside each link when the site has a public one."""
    _ = tr.gettext
    public = f"{site_url.rstrip('/')}/{prefix}" if site_url else None
    sizes = content.checklists.page_sizes
    out = []
    for module in content.modules:
        title = fill(_("Facilitator's pack: Module {id}"), id=module.id)
        path = worksheets.facilitator_path(module.id)
        out.append(Page(path, title, "worksheets/facilitator.md",
                        fill(_("A workshop on module {id} ({title}) to run as printed: half-day and full-day agendas "
                               "with timed sessions, methods, materials, case boxes and discussion questions."),
                             id=module.id, title=module.title),
                        {"module": module, "public": public, "footer": checklists.footer(title, path, public, tr),
                         "pdfs": [(size, workshops.pdf_path(module.id, size)) for size in sizes]},
                        # Ranked as a page of its own (not a list): "workshop agenda" finds it.
                        WORKSHOP_ASSETS))
        title = fill(_("Printable questionnaire: Module {id}"), id=module.id)
        path = worksheets.questionnaire_path(module.id)
        out.append(Page(path, title, "worksheets/questionnaire.md",
                        fill(_("The self-assessment questions of module {id} ({title}) on paper, for participants "
                               "without devices."), id=module.id, title=module.title),
                        {"module": module, "public": public, "footer": checklists.footer(title, path, public, tr)},
                        WORKSHOP_ASSETS, search_boost=LIST))
    return out


def assessment_pages(content: Content, tr: Translating = ENGLISH) -> list[Page]:
    _ = tr.gettext

    def page(path: str, title: str, template: str, description: str, searchable: bool = True,
             search_boost: float | None = None, assets: tuple[str, ...] = ASSESSMENT_ASSETS, **context: object) -> Page:
        return Page(path, title, template, description, {"title": title, **context}, assets, searchable, search_boost)

    home, report, partners, compare = assessment.HOME, assessment.REPORT, assessment.PARTNERS, assessment.COMPARE
    group = assessment.GROUP
    out = [page(home.path, _(home.title), "assessment/home.md",
                _("Assess your partnership against the guidelines in your browser: scores by module and step, where to "
                "start, export and import, a printable report. Answers never leave your computer."))]
    for module in content.modules:
        out.append(page(assessment.form_path(module.id),
                        fill(_("Self-assessment: Module {id}: {title}"), id=module.id, title=module.title),
                        "assessment/form.md",
                        fill(_("Self-assessment questions for module {id} ({title}), each linked to the task "
                               "or key principle it comes from; answers are saved in your browser."),
                             id=module.id, title=module.title),
                        # Searched: in a translation, the questions are the guidance's tasks in the
                        # reader's language (the guideline text stays English); found below it.
                        search_boost=LIST, assets=FORM_ASSETS, module=module))
    # The same questions again, for search: the modules' pages are found instead.
    out.append(page(assessment.form_path(None), _("Self-assessment: all twelve steps"), "assessment/form.md",
                    _("The whole self-assessment on one page: every question of the five modules and twelve steps."),
                    False, module=None))
    out.append(page(report.path, _(report.title), "assessment/report.md",
                    _("A printable report of your self-assessment: every question with your answer, note and next action."),
                    False))
    out.append(page(partners.path, _(partners.title), "assessment/partners.md",
                    _("Load several partners' exported self-assessments to see each partner's answers side by side "
                    "and where partners disagree most.")))
    out.append(page(group.path, _(group.title), "assessment/group.md",
                    _("Group scoring for workshops: participants answer a module on their phones and send their answers "
                      "as a link, a QR code or a file; see per question how many answered, the median, the spread and "
                      "where participants disagree, round after round. No server: answers travel inside the links."),
                    assets=GROUP_ASSETS))
    out.append(page(compare.path, _(compare.title), "assessment/compare.md",
                    _("Compare your current self-assessment with an earlier export: step scores then and now, and the "
                    "answers that changed."), False))
    return out


def checklist_pages(content: Content, site_url: str | None = None, tr: Translating = ENGLISH, prefix: str = "") -> list[Page]:
    """Each language links its own PDF pack, printed from its own pages (macros/outputs/pdf.py)."""
    _ = tr.gettext
    selection = content.checklists
    in_pack = {entry.id for entry in selection.pack}
    public = f"{site_url.rstrip('/')}/{prefix}" if site_url else None

    def pdfs(ident: str) -> list[tuple[str, str]]:
        return [(size, checklists.pdf_path(ident, size)) for size in selection.page_sizes] if ident in in_pack else []

    def page(ident: str, title: str, template: str, description: str, **context: object) -> Page:
        path = checklists.page_path(ident)
        # Checklists repeat the tasks' wording: left out of search, so that search leads to the guidance.
        return Page(path, title, template, description,
                    {"title": title, "pdfs": pdfs(ident), "footer": checklists.footer(title, path, public, tr), **context},
                    CHECKLIST_ASSETS, searchable=False)

    out = [Page(urls.PAGES["checklists"], _("Checklists"), "checklists/checklists.md",
                _("Printable checklists of the multi-stakeholder partnership guidelines for workshops: every task and "
                "action item with tick boxes, per module and per step, and a PDF pack in A4 and US Letter."),
                {}, CHECKLIST_ASSETS, search_boost=LIST)]
    out.append(page("framework", _("Framework at a glance"), "checklists/framework.md",
                    _("The five modules, twelve steps and 32 tasks of the multi-stakeholder partnership guidelines "
                      "on one printable page.")))
    out.append(page("all", _("Checklist: all modules"), "checklists/checklist.md",
                    _("A printable checklist of all five modules of the partnership guidelines: outcomes and every "
                      "task's action items."),
                    scope="all"))
    for module in content.modules:
        out.append(page(f"module-{module.id.lower()}", fill(_("Checklist: Module {id}: {title}"), id=module.id, title=module.title),
                        "checklists/checklist.md",
                        fill(_("A printable workshop checklist for module {id} ({title}): its outcomes and every "
                               "action item of steps {steps}, with who, by when and status."),
                             id=module.id, title=module.title, steps=", ".join(s.id for s in module.steps)),
                        scope="module", module=module))
    for step in content.steps:
        module = next(m for m in content.modules if step in m.steps)
        out.append(page(f"step-{step.id}", fill(_("Checklist: Step {id}: {title}"), id=step.id, title=step.title),
                        "checklists/checklist.md",
                        fill(_("A printable workshop checklist for step {id} ({title}): every action item of tasks "
                               "{tasks}."), id=step.id, title=step.title, tasks=", ".join(t.id for t in step.tasks)),
                        scope="step", module=module, step=step))
    return out


def nav(content: Content, site_pages: list[Page], tr: Translating = ENGLISH) -> list[NavEntry]:
    """Navigation in the engine-neutral form [title, path-or-children]."""
    _, data = tr.gettext, tr.data
    by_path = {p.path: p for p in site_pages}

    def entry(path: str, title: str | None = None) -> NavEntry:
        page = by_path[path]
        return (title or page.title, page.source)

    modules: list[NavEntry] = []
    for module in content.modules:
        children = [entry(urls.module_path(module.id), fill(_("Module {id} overview"), id=module.id))]
        children += [entry(urls.step_path(s.id)) for s in module.steps]
        modules.append((fill(_("Module {id}: {title}"), id=module.id, title=module.title), children))
    cases = [entry(urls.PAGES["cases"])] + [entry(urls.case_path(c.id), f"{c.id} {c.title}") for c in content.cases]
    publication = [entry(urls.chapter_path(c.id)) for c in content.chapters] + [entry(urls.PAGES["references"])]
    module_name = _("Module {id}: {title}")
    checklist_nav = [entry(urls.PAGES["checklists"], _("All checklists")), entry(checklists.page_path("framework")),
                     entry(checklists.page_path("all"), _("All modules"))]
    checklist_nav += [entry(checklists.page_path(f"module-{m.id.lower()}"), fill(module_name, id=m.id, title=m.title))
                      for m in content.modules]
    assessment_nav = [entry(assessment.HOME.path, _(assessment.HOME.menu))]
    assessment_nav += [entry(assessment.form_path(m.id), fill(module_name, id=m.id, title=m.title)) for m in content.modules]
    assessment_nav += [entry(assessment.form_path(None), _("All twelve steps"))]
    assessment_nav += [entry(tool.path, _(tool.menu)) for tool in assessment.TOOL_PAGES[1:]]
    worksheet_nav = [entry(worksheets.INDEX, _("All worksheets"))]
    worksheet_nav += [entry(worksheets.page_path(s.id), data(f"worksheet:{s.id}", s.title)) for s in content.worksheets]
    worksheet_nav += [entry(worksheets.ACTION_PLAN)]
    worksheet_nav += [entry(worksheets.facilitator_path(m.id)) for m in content.modules]
    return [
        entry(urls.PAGES["home"]),
        (_("Modules and steps"), modules),
        (_("Case boxes"), cases),
        (_("Checklists"), checklist_nav),
        (_("Self-assessment"), assessment_nav),
        (_("Worksheets and action plan"), worksheet_nav),
        (_("The publication"), publication),
        entry(urls.PAGES["glossary"]),
        entry(urls.PAGES["links"]),
        entry(urls.PAGES["download"]),
        entry(urls.PAGES["about"]),
        entry(urls.PAGES["accessibility"]),
        entry(urls.PAGES["translations"]),
    ]
