"""The list of pages the site has, and its navigation, derived from the content.

Each page is a template plus the data it shows. Adding a case file adds its page, its
navigation entry, its links and its entry in guidelines.json; nothing is hand-written
per page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import assessment, checklists, urls
from .content import Content


@dataclass(frozen=True)
class Page:
    path: str                 # 'steps/3.html'
    title: str                # shown in navigation and the browser tab
    template: str             # 'pages/step.md'
    description: str          # the page's meta description
    context: dict = field(default_factory=dict, hash=False, compare=False)
    assets: tuple = ()        # stylesheets and scripts only this page loads
    searchable: bool = True   # False for pages that repeat guidance shown elsewhere

    @property
    def source(self) -> str:
        """The Markdown file name the engine builds this page from."""
        return self.path[: -len(".html")] + ".md"


def pages(content: Content, site_url: str | None = None) -> list[Page]:
    title = content.publication.title
    out = [
        Page(urls.PAGES["home"], "Home", "pages/home.md",
             f"{title}: the ESCAP / UNU-IAS guidelines for multi-stakeholder partnerships to implement "
             "the 2030 Agenda in Asia and the Pacific, as a searchable toolkit."),
    ]
    for module in content.modules:
        out.append(Page(urls.module_path(module.id), f"Module {module.id}: {module.title}", "pages/module.md",
                        f"Module {module.id} ({module.title}) of the multi-stakeholder partnership guidelines: "
                        f"its outcomes, key principles, steps {', '.join(s.id for s in module.steps)} and their tasks.",
                        {"module": module}))
        for step in module.steps:
            out.append(Page(urls.step_path(step.id), f"Step {step.id}: {step.title}", "pages/step.md",
                            f"Step {step.id} ({step.title}) of the multi-stakeholder partnership guidelines, module "
                            f"{module.id}: tasks {', '.join(t.id for t in step.tasks)}.",
                            {"module": module, "step": step}))
    out.append(Page(urls.PAGES["cases"], "Case library", "pages/cases.md",
                    "The thirteen case boxes of the multi-stakeholder partnership guidelines, from India, Cambodia, "
                    "the Philippines, Nepal, Papua New Guinea, Viet Nam, Mongolia and small island developing States, "
                    "filterable by country, module, step, theme and Goal.",
                    assets=("assets/js/case-library.js",)))
    for case in content.cases:
        where = ", ".join(case.editorial.countries) or case.editorial.region or "general guidance"
        out.append(Page(urls.case_path(case.id), f"Box {case.id}: {case.title}", "pages/case.md",
                        f"Box {case.id} of the multi-stakeholder partnership guidelines ({where}): {case.title}.",
                        {"case": case}))
    for chapter in content.chapters:
        name = f"{chapter.label}: {chapter.title}" if chapter.label else chapter.title
        out.append(Page(urls.chapter_path(chapter.id), name, "pages/chapter.md",
                        f"{name} — from {title}, ESCAP / UNU-IAS 2018.", {"chapter": chapter}))
    out += checklist_pages(content, site_url)
    out += assessment_pages(content)
    out += [
        Page(urls.PAGES["glossary"], "Glossary", "pages/glossary.md",
             "The abbreviations and terms of the multi-stakeholder partnership guidelines (MSP, SDG, ESCAP, UNU-IAS, "
             "NGO, SIDS and more), with the publication's own definitions where it gives them."),
        Page(urls.PAGES["references"], "Notes and bibliography", "pages/references.md",
             "Every footnote and bibliography entry of the multi-stakeholder partnership guidelines."),
        Page(urls.PAGES["links"], "Link to the guidelines", "pages/links.md",
             "Stable addresses of every module, step, task and case box, to link from courses and "
             "learning platforms, and the machine-readable guidelines.json.",
             assets=("assets/js/copy-link.js",)),
        Page(urls.PAGES["accessibility"], "Accessibility", "pages/accessibility.md",
             "How the Partnering Guidelines toolkit meets WCAG 2.1 AA: what is tested on every change, what we do, "
             "and the known limitations."),
        Page(urls.PAGES["about"], "About, cite and copyright", "pages/about.md",
             "Publication details, authors, ISBN, copyright and reproduction terms of the guidelines, "
             "how to cite a page, and the editorial corrections made in this edition."),
    ]
    return out


CHECKLIST_ASSETS = ("assets/css/checklist.css", "assets/js/print-button.js")
ASSESSMENT_ASSETS = ("assets/css/assessment.css", "assets/js/assessment-model.js", "assets/js/assessment-core.js",
                     "assets/js/toolkit-store.js", "assets/js/assessment-answers.js", "assets/js/assessment.js", "assets/js/print-button.js")


def assessment_pages(content: Content) -> list[Page]:
    def page(path, title, template, description, searchable=True, **context):
        return Page(path, title, template, description, {"title": title, **context}, ASSESSMENT_ASSETS, searchable)

    out = [page("assessment/index.html", "Self-assessment", "assessment-home.md",
                "Assess your partnership against the guidelines in your browser: scores by module and step, where to "
                "start, export and import, a printable report. Answers never leave your computer.")]
    for module in content.modules:
        out.append(page(assessment.form_path(module.id), f"Self-assessment: Module {module.id}: {module.title}",
                        "assessment-form.md",
                        f"Self-assessment questions for module {module.id} ({module.title}), each linked to the task "
                        "or key principle it comes from; answers are saved in your browser.", False, module=module))
    out.append(page(assessment.form_path(None), "Self-assessment: all twelve steps", "assessment-form.md",
                    "The whole self-assessment on one page: every question of the five modules and twelve steps.",
                    False, module=None))
    out.append(page("assessment/report.html", "Self-assessment report", "assessment-report.md",
                    "A printable report of your self-assessment: every question with your answer, note and next action.", False))
    out.append(page("assessment/partners.html", "Partnership view", "assessment-partners.md",
                    "Load several partners' exported self-assessments to see each partner's answers side by side "
                    "and where partners disagree most."))
    out.append(page("assessment/compare.html", "Compare over time", "assessment-compare.md",
                    "Compare your current self-assessment with an earlier export: step scores then and now, and the "
                    "answers that changed.", False))
    return out


def checklist_pages(content: Content, site_url: str | None = None) -> list[Page]:
    selection = checklists.load_selection()
    in_pack = {entry.id for entry in selection.pack}

    def pdfs(ident: str) -> list:
        return [(size, checklists.pdf_path(ident, size)) for size in selection.page_sizes] if ident in in_pack else []

    def page(ident, title, template, description, **context):
        path = checklists.page_path(ident)
        # Checklists repeat the tasks' wording: left out of search, so that search leads to the guidance.
        return Page(path, title, template, description,
                    {"title": title, "pdfs": pdfs(ident), "footer": checklists.footer(title, path, site_url), **context},
                    CHECKLIST_ASSETS, searchable=False)

    out = [Page(urls.PAGES["checklists"], "Checklists", "checklists.md",
                "Printable checklists of the multi-stakeholder partnership guidelines for workshops: every task and "
                "action item with tick boxes, per module and per step, and a PDF pack in A4 and US Letter.",
                {}, CHECKLIST_ASSETS)]
    out.append(page("framework", "Framework at a glance", "framework.md",
                    "The five modules, twelve steps and 32 tasks of the multi-stakeholder partnership guidelines on one printable page."))
    out.append(page("all", "Checklist: all modules", "checklist.md",
                    "A printable checklist of all five modules of the partnership guidelines: outcomes and every task's action items.",
                    scope="all"))
    for module in content.modules:
        out.append(page(f"module-{module.id.lower()}", f"Checklist: Module {module.id}: {module.title}", "checklist.md",
                        f"A printable workshop checklist for module {module.id} ({module.title}): its outcomes and every "
                        f"action item of steps {', '.join(s.id for s in module.steps)}, with who, by when and status.",
                        scope="module", module=module))
    for step in content.steps:
        module = next(m for m in content.modules if step in m.steps)
        out.append(page(f"step-{step.id}", f"Checklist: Step {step.id}: {step.title}", "checklist.md",
                        f"A printable workshop checklist for step {step.id} ({step.title}): every action item of tasks "
                        f"{', '.join(t.id for t in step.tasks)}.",
                        scope="step", module=module, step=step))
    return out


def nav(content: Content, site_pages: list[Page]) -> list:
    """Navigation in the engine-neutral form [title, path-or-children]."""
    by_path = {p.path: p for p in site_pages}

    def entry(path: str, title: str | None = None):
        page = by_path[path]
        return (title or page.title, page.source)

    modules = []
    for module in content.modules:
        children = [entry(urls.module_path(module.id), "Overview")]
        children += [entry(urls.step_path(s.id)) for s in module.steps]
        modules.append((f"Module {module.id}: {module.title}", children))
    cases = [entry(urls.PAGES["cases"])] + [entry(urls.case_path(c.id), f"{c.id} {c.title}") for c in content.cases]
    publication = [entry(urls.chapter_path(c.id)) for c in content.chapters] + [entry(urls.PAGES["references"])]
    checklist_nav = [entry(urls.PAGES["checklists"], "All checklists"), entry(checklists.page_path("framework")),
                     entry(checklists.page_path("all"), "All modules")]
    checklist_nav += [entry(checklists.page_path(f"module-{m.id.lower()}"), f"Module {m.id}: {m.title}") for m in content.modules]
    assessment_nav = [entry("assessment/index.html", "Results and backup")]
    assessment_nav += [entry(assessment.form_path(m.id), f"Module {m.id}: {m.title}") for m in content.modules]
    assessment_nav += [entry(assessment.form_path(None), "All twelve steps"), entry("assessment/report.html", "Full report"),
                       entry("assessment/partners.html"), entry("assessment/compare.html")]
    return [
        entry(urls.PAGES["home"]),
        ("Modules and steps", modules),
        ("Case boxes", cases),
        ("Checklists", checklist_nav),
        ("Self-assessment", assessment_nav),
        ("The publication", publication),
        entry(urls.PAGES["glossary"]),
        entry(urls.PAGES["links"]),
        entry(urls.PAGES["about"]),
        entry(urls.PAGES["accessibility"]),
    ]
