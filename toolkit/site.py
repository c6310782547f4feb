"""The list of pages the site has, and its navigation, derived from the content.

Each page is a template plus the data it shows. Adding a case file adds its page, its
navigation entry, its links and its entry in guidelines.json; nothing is hand-written
per page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import urls
from .content import Content


@dataclass(frozen=True)
class Page:
    path: str                 # 'steps/3.html'
    title: str                # shown in navigation and the browser tab
    template: str             # 'pages/step.md'
    description: str          # the page's meta description
    context: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def source(self) -> str:
        """The Markdown file name the engine builds this page from."""
        return self.path[: -len(".html")] + ".md"


def pages(content: Content) -> list[Page]:
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
    out.append(Page(urls.PAGES["cases"], "All case boxes", "pages/cases.md",
                    "The thirteen case boxes of the multi-stakeholder partnership guidelines, from India, Cambodia, "
                    "the Philippines, Nepal, Papua New Guinea, Viet Nam, Mongolia and small island developing States."))
    for case in content.cases:
        where = ", ".join(case.editorial.countries) or case.editorial.region or "general guidance"
        out.append(Page(urls.case_path(case.id), f"Box {case.id}: {case.title}", "pages/case.md",
                        f"Box {case.id} of the multi-stakeholder partnership guidelines ({where}): {case.title}.",
                        {"case": case}))
    for chapter in content.chapters:
        name = f"{chapter.label}: {chapter.title}" if chapter.label else chapter.title
        out.append(Page(urls.chapter_path(chapter.id), name, "pages/chapter.md",
                        f"{name} — from {title}, ESCAP / UNU-IAS 2018.", {"chapter": chapter}))
    out += [
        Page(urls.PAGES["references"], "Notes and bibliography", "pages/references.md",
             "Every footnote and bibliography entry of the multi-stakeholder partnership guidelines."),
        Page(urls.PAGES["links"], "Link to the guidelines", "pages/links.md",
             "Stable addresses of every module, step, task and case box, to link from courses and "
             "learning platforms, and the machine-readable guidelines.json."),
        Page(urls.PAGES["about"], "About, cite and copyright", "pages/about.md",
             "Publication details, authors, ISBN, copyright and reproduction terms of the guidelines, "
             "how to cite a page, and the editorial corrections made in this edition."),
    ]
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
    return [
        entry(urls.PAGES["home"]),
        ("Modules and steps", modules),
        ("Case boxes", cases),
        ("The publication", publication),
        entry(urls.PAGES["links"]),
        entry(urls.PAGES["about"]),
    ]
