"""The object every page template receives as `page`: where the page is, the links, notes and
abbreviations it has used, and what the shared parts (templates/parts/) draw with. Each kind
of page adds, as a subclass, exactly what its template shows (macros/site/views/)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Self, TypeVar

from ...content import ids, inline, overlay
from ...content.load import Content
from ...content.model import Footnote, GlossaryEntry, ListBlock, block_kind
from .. import diagrams, urls
from .site_data import SiteData, TextLanguage

T = TypeVar("T")


def given(context: Mapping[str, object], name: str, kind: type[T]) -> T:
    """What the page's plan (macros/site/pages.py) gives its view under `name`, of the type the view shows."""
    value = context.get(name)
    if not isinstance(value, kind):
        raise TypeError(f"the page's view needs `{name}`, a {kind.__name__}: the page list gave {value!r}")
    return value


class Addresses:
    """The addresses and anchors templates write (macros/site/urls.py): from IDs, never titles."""

    slug = staticmethod(urls.slug)
    module_path = staticmethod(urls.module_path)
    step_path = staticmethod(urls.step_path)
    case_path = staticmethod(urls.case_path)
    chapter_path = staticmethod(urls.chapter_path)
    task_anchor = staticmethod(urls.task_anchor)
    item_anchor = staticmethod(urls.item_anchor)
    principle_anchor = staticmethod(urls.principle_anchor)
    figure_anchor = staticmethod(urls.figure_anchor)
    footnote_anchor = staticmethod(urls.footnote_anchor)


@dataclass
class PageView:
    """A page of the publication or of a tool. `page.content` is the publication as loaded (its
    models are typed data, never code); the rest is the page's own or what the parts need."""

    _site: SiteData
    _path: str                 # where the page is: links are written relative to it
    _notes: list[str] = field(default_factory=list, init=False, repr=False)
    _abbreviations: set[str] = field(default_factory=set, init=False, repr=False)   # explained once per page
    urls: ClassVar[Addresses] = Addresses()

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        """The view of the page at `path`, from what the page list gives it (`context`)."""
        return cls(site, path)

    @property
    def content(self) -> Content:
        return self._site.content

    # --- links, notes and abbreviations, as this page has used them -----------------------

    def href(self, kind: str, key: str = "") -> str | None:
        """A relative link from this page, or None if it would point at itself."""
        target = self._target(kind, key)
        path, _, anchor = target.partition("#")
        if path == self._path and not anchor:
            return None
        return urls.relative(target, self._path)

    def _target(self, kind: str, key: str) -> str:
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
            return f"{self._site.placed_figures[key]}#{urls.figure_anchor(key)}"
        if kind == "page":
            return urls.PAGES[key]
        if kind == "path":
            return key
        raise ValueError(f"unknown link kind {kind!r}")

    def note(self, footnote_id: str) -> Footnote:
        if footnote_id not in self._notes:
            self._notes.append(footnote_id)
        return self.content.footnote_by_id[footnote_id]

    def notes(self) -> list[Footnote]:
        return [self.content.footnote_by_id[n] for n in self._notes]

    def abbr_split(self, text: str) -> list[tuple[str, GlossaryEntry | None]]:
        """Split text at glossary abbreviations: [(text, None), (abbreviation, entry or None)].
        The entry is given the first time an abbreviation occurs on the page, so that it is
        explained once, not at every use."""
        pattern, entries = self._site.abbreviations
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

    # --- text and blocks (templates/parts/inline.html, blocks.html) -----------------------

    @staticmethod
    def tokens(text: str) -> list[inline.Token]:
        return inline.parse(text)

    @staticmethod
    def plain(text: str) -> str:
        return inline.plain(text)

    @staticmethod
    def list_entries(lst: ListBlock | ids.ListData, owner: str, position: Sequence[str] = ()) -> list[ids.Entry]:
        return ids.entries(lst, owner, position)

    @staticmethod
    def block_kind(block: object) -> str | None:
        return block_kind(block)

    def text_lang(self, text: str | None = None) -> TextLanguage | None:
        """The language of a text of the publication on this page (templates/parts/inline.html:
        lang(), span()); None on an English page (SiteData.text_lang)."""
        return self._site.text_lang(text)

    def own_lang(self) -> TextLanguage | None:
        """Our own text's language inside an element of the publication's (ours_lang())."""
        return self._site.own_lang()

    def marked(self, holder: object, *fields: str) -> overlay.Marked | None:
        """The status and English of an official translation's text that is not official yet
        (templates/parts/units.html), or None for official text and English."""
        return self._site.translation.marked(holder, *fields)

    def data_text(self, context: str, english: str) -> str:
        """Our own text kept in content/, in the page's language (macros/site/i18n.py)."""
        return self._site.tr.data(context, english)

    # --- figures (templates/parts/figures.html, diagrams.html) ----------------------------

    def diagram_module(self, module_id: str) -> diagrams.Diagram:
        return diagrams.module_steps(self.content, module_id, self._site.tr)

    def diagram_framework(self) -> diagrams.Diagram:
        return diagrams.framework(self.content, None, self._site.tr)

    @staticmethod
    def wrap(text: str, width: int) -> list[str]:
        return diagrams.wrap(text, width)

    def stages_of(self, module_id: str) -> list[str]:
        return self._site.stages_of(module_id)

    def core_principle_names(self) -> list[str]:
        return self._site.core_principle_names()
