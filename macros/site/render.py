"""Render pages from the content with Jinja templates (templates/).

Python gathers data and decides where links go; the templates write every tag. Each page
is rendered to Markdown: headings as Markdown (so the engine builds its table of contents
and anchors), everything else as HTML blocks. Nothing here depends on MkDocs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..content import ids, inline
from ..content.load import Content
from ..content.model import Block, FactorBlock, Footnote, GlossaryEntry, Item, ListBlock, ListWrap, Section, block_kind
from ..content.walk import texts
from ..project import TEMPLATES
from . import assessment, checklists, csp, diagrams, i18n, journeys, urls, worksheets
from .escape import css_counters, css_string, md_escape
from .i18n import ENGLISH, Translating
from .places import box_placements, case_scope, citations, figure_placements, footnote_places
from .templates import environment


@dataclass(frozen=True)
class TextLanguage:
    """The language of a piece of the publication's text on a page in another language, for its
    lang (and dir) attributes: screen readers then read English with an English voice."""

    code: str
    direction: str | None = None   # set where it differs from the page's


def official_texts(content: Content, official: set[str]) -> frozenset[str]:
    """Every text string of the units an official translation replaced ('case:IV.1', 'module:A',
    'chapter:ii'), as the content holds them once laid over."""
    units: dict[str, dict[str, object]] = {"case": dict(content.case_by_id), "module": dict(content.module_by_id),
                                           "chapter": dict(content.chapter_by_id)}
    out: set[str] = set()
    for key in official:
        kind, _, ident = key.partition(":")
        out.update(text for _, text in texts(units.get(kind, {}).get(ident)))
    return frozenset(out)


class PageView:
    """The one object a template receives: the page being rendered (where it is, which notes and
    abbreviations it has used, links relative to it) and, through it, the site's helpers."""

    def __init__(self, renderer: Renderer, path: str):
        self.path = path
        self.content = renderer.content
        self._renderer = renderer
        self._notes: list[str] = []
        self._abbreviations: set[str] = set()   # explained once per page

    def __getattr__(self, name: str) -> object:
        try:
            return self._renderer.helpers[name]
        except KeyError:
            raise AttributeError(f"templates have no helper {name!r}") from None

    def href(self, kind: str, key: str = "") -> str | None:
        """A relative link from this page, or None if it would point at itself."""
        target = self._renderer.target(kind, key)
        path, _, anchor = target.partition("#")
        if path == self.path and not anchor:
            return None
        return urls.relative(target, self.path)

    def note(self, footnote_id: str) -> Footnote:
        if footnote_id not in self._notes:
            self._notes.append(footnote_id)
        return self.content.footnote_by_id[footnote_id]

    def notes(self) -> list[Footnote]:
        return [self.content.footnote_by_id[n] for n in self._notes]

    def text_lang(self, text: str | None = None) -> TextLanguage | None:
        """The language of a text of the publication (None: a label the publication prints, such
        as "Box IV.1"), or None on an English page, where everything is in the page's language.
        A text an official translation gave is in the page's language, said explicitly; any
        other is the publication's English."""
        return self._renderer.text_lang(text)

    def abbr_split(self, text: str) -> list[tuple[str, GlossaryEntry | None]]:
        """Split text at glossary abbreviations: [(text, None), (abbreviation, entry or None)].
        The entry is given the first time an abbreviation occurs on the page, so that it is
        explained once, not at every use."""
        pattern, entries = self._renderer.abbreviations
        if pattern is None:
            return [(text, None)]
        out: list[tuple[str, GlossaryEntry | None]] = []
        pos = 0
        for match in pattern.finditer(text):
            if match.start() > pos:
                out.append((text[pos:match.start()], None))
            entry = entries[match.group(1)]
            first = entry.id not in self._abbreviations
            self._abbreviations.add(entry.id)
            out.append((match.group(0), entry if first else None))
            pos = match.end()
        if pos < len(text):
            out.append((text[pos:], None))
        return out


class Renderer:
    def __init__(self, content: Content, templates: Path = TEMPLATES, site_url: str | None = None,
                 tr: Translating = ENGLISH, overlay_root: Path | None = None, catalogues: Path = i18n.TRANSLATIONS,
                 trust: csp.Trusted | None = None):
        """`trust`: what the build's templates wrote inline (macros/site/csp.py); each build has its own."""
        self.content = content
        self._official_texts: frozenset[str] = frozenset()
        self.site_url = site_url
        self.tr = tr
        self.env = environment(templates, tr.gettext_translations())
        _ = tr.gettext
        self.placed_boxes = box_placements(content)
        self.placed_figures = figure_placements(content)
        self.cited = citations(content)
        # What templates reach through `page` besides the page itself (see PageView).
        self.helpers: dict[str, object] = dict(
            urls=urls,
            tokens=inline.parse,
            plain=inline.plain,
            placed_boxes=self.placed_boxes,
            cited=self.cited,
            factors=self.factors,
            list_entries=ids.entries,
            block_kind=block_kind,
            find_section=self.find_section,
            credits=self.credits,
            core_principle_names=self.core_principle_names,
            stages_of=self.stages_of,
            footnote_places=footnote_places(content),
            case_scope=case_scope(content),
            selection=content.checklists,
            assessment_pages=assessment.TOOL_PAGES,
            pdf_path=checklists.pdf_path,
            checklist_parts=checklists.parts,
            journeys=[(journey, journeys.stops(content, journey, _, tr.data)) for journey in content.journeys.journeys],
            journey_context=journeys.context,
            js_strings=tr.js_strings(),
            translator=tr,
            form_path=assessment.form_path,
            diagram_module=lambda module_id: diagrams.module_steps(content, module_id, _),
            diagram_framework=lambda current=None: diagrams.framework(content, current, _),
            diagram_here=lambda step_id: diagrams.you_are_here(content, step_id, _),
            wrap=diagrams.wrap,
            questions_of=lambda module_id: assessment.questions(content, module_id),
            question_source=lambda module_id, q: assessment.source_of(content, module_id, q, tr.gettext),
            question_text=lambda q: assessment.question_text(q, tr),
            principle_title=lambda module_id, q: assessment.principle_title(content, module_id, q),
            scale_label=lambda option: assessment.scale_label(option, tr),
            data_text=tr.data,
            language=tr.language.code,
            translation_status=lambda: i18n.statuses(overlay_root or content.root / "translations", catalogues),
            ws=worksheets,
            worksheets_of_task=worksheets.by_task(content),
        )
        self.env.filters["css_string"] = css_string
        self.env.filters["css_counters"] = css_counters
        self.env.filters["md_escape"] = md_escape
        self.trust = trust or csp.Trusted()
        self.env.filters["inline_style"] = self.trust.style
        by_abbreviation = {t.abbreviation: t for t in content.glossary.terms if t.abbreviation}
        names = sorted(by_abbreviation, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")s?(?![\w-])") if names else None
        self.abbreviations: tuple[re.Pattern[str] | None, dict[str, GlossaryEntry]] = (pattern, by_abbreviation)

    def official(self, units: set[str]) -> None:
        """The units an official translation replaced in the content ('case:IV.1'): their text is
        in the page's language (text_lang)."""
        self._official_texts = official_texts(self.content, units)

    def text_lang(self, text: str | None) -> TextLanguage | None:
        page = self.tr.language
        if page.code == i18n.SOURCE:
            return None
        if text is not None and text in self._official_texts:
            return TextLanguage(page.code)
        return TextLanguage(i18n.SOURCE, "ltr" if page.direction == "rtl" else None)

    # --- link and note helpers, bound to the page being rendered ------------------------

    def target(self, kind: str, key: str) -> str:
        if kind == "box":
            return urls.case_path(key)
        if kind == "task":
            step = key.split(".")[0]
            return f"{urls.step_path(step)}#{urls.task_anchor(key)}"
        if kind == "step":
            return urls.step_path(key)
        if kind == "module":
            return urls.module_path(key)
        if kind == "chapter":
            return urls.chapter_path(key)
        if kind == "figure":
            return f"{self.placed_figures[key]}#{urls.figure_anchor(key)}"
        if kind == "page":
            return urls.PAGES[key]
        if kind == "path":
            return key
        raise ValueError(f"unknown link kind {kind!r}")

    def factors(self, module_id: str) -> dict[str, tuple[Section, list[FactorBlock]]]:
        """Chapter III's success factors and challenges for one module, by section."""
        out: dict[str, tuple[Section, list[FactorBlock]]] = {}
        chapter = self.content.chapter_by_id.get("iii")
        for section in chapter.sections if chapter else []:
            found = [b for b in section.blocks if isinstance(b, FactorBlock) and b.module == module_id]
            if found:
                out[section.id] = (section, found)
        return out

    def find_section(self, section_id: str) -> Section:
        def walk(sections: list[Section]) -> Section | None:
            for section in sections:
                if section.id == section_id:
                    return section
                found = walk(section.sections)
                if found:
                    return found
            return None

        for chapter in self.content.chapters:
            found = walk(chapter.sections)
            if found:
                return found
        raise KeyError(f"no chapter section with id {section_id!r}")

    def _first_list(self, blocks: list[Block]) -> ListBlock:
        return next(b.list for b in blocks if isinstance(b, ListWrap))

    def credits(self) -> list[Item]:
        """The acknowledgements' credit lines (principal authors, editor, ...)."""
        return self._first_list(self.content.chapter_by_id["acknowledgements"].blocks).items

    def core_principle_names(self) -> list[str]:
        """The three core principles of figure I.1, as chapter I names them before their definitions."""
        principles = self._first_list(self.find_section("i-b").blocks)
        return [inline.plain(item.text or "").split(" – ")[0] for item in principles.items]

    def stages_of(self, module_id: str) -> list[str]:
        return [stage.label for stage in self.content.figures.policy_cycle if module_id in stage.modules]

    # --- pages ------------------------------------------------------------------------

    def render(self, template: str, path: str, **context: object) -> str:
        return self.env.get_template(template).render(page=PageView(self, path), **context)
