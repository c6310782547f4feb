"""The shape of every content file, as pydantic models.

These models are the single definition of the content format: the loader validates
against them, `python -m macros schema` writes the JSON Schemas editors use for
completion, and content/README.md explains them in prose.

Text fields carry a small inline markup (see macros/content/inline.py): **bold**, *italic*,
footnote markers [^18], and plain cross-references such as "box IV.3" or "task 10.2"
that the renderer links automatically.
"""
from __future__ import annotations

import functools
import operator
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal, TypeAlias, get_args

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

ModuleId = Literal["A", "B", "C", "D", "E"]
NonEmpty = Annotated[str, Field(min_length=1)]
TaskId = Annotated[str, Field(pattern=r"^\d{1,2}\.\d$", description="Task number as printed, e.g. '3.2'.")]
StepId = Annotated[str, Field(pattern=r"^\d{1,2}$", description="Step number as printed, e.g. '3'.")]
CaseId = Annotated[str, Field(pattern=r"^IV\.\d{1,3}$", description="Box number as printed, e.g. 'IV.3'.")]
FigureId = Annotated[str, Field(pattern=r"^(I|II|IV)\.\d$", description="Figure number as printed, e.g. 'II.2'.")]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Lower-case letters, digits and hyphens.")]


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt key must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class Item(Strict):
    """One entry of a list, numbered as in the publication."""

    n: Annotated[str, Field(pattern=r"^([0-9]+|[a-z]|[ivx]+)$")] | None = Field(
        None, description="Number or letter as printed ('1', 'a', 'iv'); omit in bullet lists."
    )
    label: NonEmpty | None = Field(None, description="Run-in heading printed in bold before the text.")
    text: NonEmpty | None = Field(None, description="The item's text, verbatim from the publication.")
    list: ListBlock | None = Field(None, description="Sub-items nested under this item.")
    after: NonEmpty | None = Field(None, description="Text that follows the sub-items, if any.")
    editorial_note: NonEmpty | None = Field(None, description="Ours, not the publication's: shown as an editorial note.")


class ListBlock(Strict):
    id: Slug | None = Field(
        None,
        description="Short stable name for a second or later list in the same task (e.g. 'points'); "
        "the task's main list has none.",
    )
    style: Literal["numbered", "lettered", "roman", "bullet"]
    items: Annotated[list[Item], Field(min_length=1)]


class BlockBase(Strict):
    """A block of running text; KIND names its kind (BLOCK_KINDS, the templates' `block_kind`)."""

    KIND: ClassVar[str]


class ParaBlock(BlockBase):
    KIND: ClassVar[str] = "p"
    p: NonEmpty = Field(description="A paragraph, verbatim.")
    module: ModuleId | None = Field(None, description="The module this paragraph describes, if any.")


class ListWrap(BlockBase):
    KIND: ClassVar[str] = "list"
    list: ListBlock


class HeadingBlock(BlockBase):
    KIND: ClassVar[str] = "heading"
    heading: NonEmpty = Field(description="A sub-heading inside a section, box or task.")
    id: Slug = Field(description="Stable anchor of the heading (after the page part's prefix), never derived from its text.")
    module: ModuleId | None = Field(None, description="The module this heading stands for, if any.")


class BoxRef(BlockBase):
    KIND: ClassVar[str] = "box"
    box: CaseId = Field(description="Place the case box with this number here.")


class FigureRef(BlockBase):
    KIND: ClassVar[str] = "figure"
    figure: FigureId = Field(description="Place the figure with this number here (drawn from the data).")


class FactorBlock(BlockBase):
    KIND: ClassVar[str] = "factor"
    factor: NonEmpty = Field(description="Name of a success factor or challenge (chapter III), without the final period.")
    text: NonEmpty
    module: ModuleId


class NoteBlock(BlockBase):
    KIND: ClassVar[str] = "note"
    editorial_note: NonEmpty = Field(description="Ours, not the publication's: shown as an editorial note.")


# The one list of block kinds. Each model names its kind (KIND) and the key that marks it in
# YAML (its first field); the kinds, the keys, the union's tags and the message for a block with
# no known key are all derived from this list.
BlockModel: TypeAlias = ParaBlock | ListWrap | HeadingBlock | BoxRef | FigureRef | FactorBlock | NoteBlock
BLOCK_MODELS: tuple[type[BlockBase], ...] = get_args(BlockModel)


def _key(model: type[BlockBase]) -> str:
    """The key that marks a block of this kind in YAML: its model's first field."""
    return next(iter(model.model_fields))


BLOCK_KEYS = {_key(model): model.KIND for model in BLOCK_MODELS}
BLOCK_KINDS = frozenset(BLOCK_KEYS.values())


def block_kind(value: object) -> str | None:
    """The kind of a block, whether still YAML data (a dict) or a validated model."""
    if isinstance(value, dict):
        # Look up the few block keys, not every key given: a dict of 30,000 unknown keys is asked
        # once per problem, which made reporting them quadratic.
        found = [kind for key, kind in BLOCK_KEYS.items() if key in value]
        return found[0] if len(found) == 1 else None
    return value.KIND if isinstance(value, BlockBase) else None


_BLOCK_UNION = Discriminator(
    block_kind,
    custom_error_type="block_kind",
    custom_error_message=f"a block needs exactly one of the keys: {', '.join(BLOCK_KEYS)}",
)
if TYPE_CHECKING:
    Block: TypeAlias = BlockModel
else:
    # Pydantic picks the model by the tag block_kind() returns: each model tagged with its kind.
    Block = Annotated[functools.reduce(operator.or_, (Annotated[model, Tag(model.KIND)] for model in BLOCK_MODELS)),
                      _BLOCK_UNION]
Blocks = list[Block]


# --- modules, steps, tasks -------------------------------------------------------------

class Task(Strict):
    id: TaskId
    title: NonEmpty = Field(description="Title as printed after 'Task 3.2:'.")
    figure_label: NonEmpty | None = Field(None, description="The task's wording in the module's steps-and-tasks figure, if printed.")
    blocks: Annotated[Blocks, Field(min_length=1)]
    editorial_note: NonEmpty | None = None


class Step(Strict):
    id: StepId
    title: NonEmpty = Field(description="Title as printed after 'Step 3:'.")
    figure_label: NonEmpty | None = Field(None, description="The step's wording in figure IV.1, if it differs.")
    blocks: Blocks = Field(default_factory=list, description="Anything printed between the step heading and its first task.")
    tasks: Annotated[list[Task], Field(min_length=1)]
    editorial_note: NonEmpty | None = None


class Outcomes(Strict):
    lead: NonEmpty = Field(description="'After completing module A, ... will have:'")
    items: Annotated[list[Item], Field(min_length=1)]


class PrincipleGroup(Strict):
    id: Annotated[str, Field(pattern=r"^[A-E]\.\d$", description="Module letter and position, e.g. 'A.1'.")]
    title: NonEmpty
    blocks: Annotated[Blocks, Field(min_length=1)]


class KeyPrinciples(Strict):
    title: NonEmpty
    groups: Annotated[list[PrincipleGroup], Field(min_length=1)]


class Module(Strict):
    id: ModuleId
    title: NonEmpty = Field(description="Title as printed after 'Module A:'.")
    intro: Blocks = Field(description="Text between the module heading and the outcomes.")
    outcomes: Outcomes
    figure: FigureId = Field(description="The module's steps-and-tasks figure.")
    key_principles: KeyPrinciples
    steps: Annotated[list[Step], Field(min_length=1)]
    closing_blocks: Blocks = Field(default_factory=list, description="Anything printed after the last task of the module.")


# --- cases ---------------------------------------------------------------------------

class CaseEditorial(Strict):
    """Ours, not the publication's: tags that help readers find a case."""

    countries: list[NonEmpty] = Field(default_factory=list, description="Countries the box is about; empty for general boxes.")
    region: NonEmpty | None = Field(None, description="For boxes not about one country, e.g. 'Small island developing States'.")
    summary: NonEmpty | None = Field(None, description="One sentence taken verbatim from the box.")
    sdgs: list[Annotated[int, Field(ge=1, le=17)]] = Field(default_factory=list)
    themes: list[Slug] = Field(default_factory=list)


class Case(Strict):
    id: CaseId
    title: NonEmpty
    subtitle: NonEmpty | None = None
    blocks: Annotated[Blocks, Field(min_length=1)]
    source: NonEmpty | None = Field(None, description="The box's 'Source:' line without the word 'Source:'.")
    editorial: CaseEditorial = Field(default_factory=CaseEditorial)
    editorial_note: NonEmpty | None = None


# --- chapters, references, figures ---------------------------------------------------

class Section(Strict):
    id: Slug
    title: NonEmpty
    blocks: Blocks = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class Chapter(Strict):
    id: Slug = Field(description="'i', 'ii', 'iii', 'iv', 'foreword', 'acknowledgements', 'annex-i', 'annex-ii'.")
    label: NonEmpty | None = Field(None, description="'Chapter I', 'Annex II'; none for the foreword.")
    title: NonEmpty
    order: int = Field(description="Position in the publication.")
    blocks: Blocks = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class Footnote(Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9.-]+$")] = Field(description="What the markers say: [^18] for id '18'.")
    label: NonEmpty | None = Field(None, description="What is printed, when it differs from the id.")
    text: NonEmpty
    editorial_note: NonEmpty | None = Field(None, description="Ours: e.g. where a lost marker was placed.")


class Footnotes(Strict):
    footnotes: Annotated[list[Footnote], Field(min_length=1)]


class BibEntry(Strict):
    id: Slug
    text: NonEmpty


class Bibliography(Strict):
    title: NonEmpty
    entries: Annotated[list[BibEntry], Field(min_length=1)]


class Figure(Strict):
    id: FigureId
    title: NonEmpty = Field(description="Caption as printed after 'Figure II.2:'.")
    source: NonEmpty | None = None
    kind: Literal["core-principles", "policy-cycle", "framework", "modules-key", "elements", "module-steps"]
    module: ModuleId | None = None
    centre: NonEmpty | None = Field(None, description="The label at the centre of the graphic, if any.")
    editorial_note: NonEmpty | None = None


class PolicyStage(Strict):
    """A stage of the 2030 Agenda policy cycle as labelled in figure II.2."""

    label: NonEmpty
    modules: list[ModuleId]


class Figures(Strict):
    figures: Annotated[list[Figure], Field(min_length=1)]
    policy_cycle: Annotated[list[PolicyStage], Field(min_length=1)]


class Correction(Strict):
    where: NonEmpty = Field(description="Where the correction sits, e.g. 'task 2.4, item 4'.")
    original: NonEmpty = Field(description="The wording as printed.")
    corrected: NonEmpty = Field(description="The wording on the site.")
    reason: NonEmpty


class Corrections(Strict):
    corrections: list[Correction]


class Institution(Strict):
    id: Slug
    name: NonEmpty
    description: NonEmpty


class Publication(Strict):
    title: NonEmpty
    subtitle: NonEmpty
    series: NonEmpty
    date_place: Annotated[str, Field(pattern=r"^[^,]+, .+$", description="'<month year>, <places>' as printed (the citation takes the places).")]
    copyright: Annotated[list[NonEmpty], Field(min_length=1)]
    isbn_print: NonEmpty
    isbn_online: NonEmpty
    disclaimer: Annotated[Blocks, Field(min_length=1)]
    institutions: Annotated[list[Institution], Field(min_length=1)]
    back_cover: Blocks
    ordering: Blocks
    contacts: Blocks


class PackFile(Strict):
    id: Annotated[str, Field(pattern=r"^(module-[a-e]|step-\d{1,2}|all|framework)$")]
    title: NonEmpty


class ChecklistSelection(Strict):
    """content/checklists/selection.yml: our labels for blank fields, and the PDF pack."""

    workshop_fields: Annotated[list[NonEmpty], Field(min_length=1)]
    task_columns: Annotated[list[NonEmpty], Field(min_length=1)]
    notes_label: NonEmpty
    task_rows: Annotated[int, Field(ge=1, le=8)] = Field(3, description="Blank rows of the task columns under each task.")
    notes_lines: Annotated[int, Field(ge=1, le=8)] = Field(3, description="Ruled lines for notes under each task.")
    page_sizes: Annotated[list[Literal["A4", "Letter"]], Field(min_length=1)]
    pack: Annotated[list[PackFile], Field(min_length=1)]


# --- glossary ----------------------------------------------------------------------------

class GlossaryEntry(Strict):
    id: Slug
    term: NonEmpty = Field(description="The term or the abbreviation's expansion, as the publication writes it.")
    abbreviation: Annotated[str, Field(pattern=r"^[A-Z][A-Za-z-]{1,11}$")] | None = Field(
        None, description="The abbreviation as printed, e.g. 'ESCAP'; shown as a tooltip wherever it occurs.")
    definition: NonEmpty | None = Field(None, description="Verbatim from the publication, where it defines the term.")
    defined_in: NonEmpty | None = Field(None, description="Where the publication gives that definition, e.g. 'chapter I'.")
    editorial_definition: NonEmpty | None = Field(None, description="Ours, where the publication gives none: marked as editorial.")


class Glossary(Strict):
    terms: Annotated[list[GlossaryEntry], Field(min_length=1)]


# --- self-assessment (ours, not the publication's) ------------------------------------

class ScaleOption(Strict):
    key: Slug = Field(description="Stable key stored with answers, e.g. 'partly'.")
    label: NonEmpty
    score: Annotated[int, Field(ge=0, le=10)] | None = Field(
        description="Points for this answer; null for 'not applicable', which is left out of scores.")


class AssessmentScale(Strict):
    """content/assessment/scale.yml: the answer scale, as data."""

    scale: Annotated[list[ScaleOption], Field(min_length=2)]


class Question(Strict):
    id: Annotated[str, Field(pattern=r"^q-(\d{1,2}\.\d|[A-E]\.\d|[A-E]\.outcomes\.[a-z])-\d{1,2}$",
                             description="Stable: 'q-' + what it comes from + '-' + number, e.g. 'q-3.2-1'. Never reuse one.")]
    task: TaskId | None = Field(None, description="The task the question comes from.")
    principle: Annotated[str, Field(pattern=r"^[A-E]\.\d$")] | None = Field(None, description="Or the key principle.")
    outcome: Annotated[str, Field(pattern=r"^[A-E]\.outcomes\.[a-z]$")] | None = Field(None, description="Or the module outcome, e.g. 'A.outcomes.b'.")
    items: list[Annotated[str, Field(pattern=r"^[0-9A-Za-z.-]+$")]] = Field(
        default_factory=list, description="IDs of the task items the question draws on, e.g. '3.1.2'.")
    text: NonEmpty = Field(description="Ours: a statement a partnership rates itself against.")


class AssessmentModule(Strict):
    """content/assessment/A.yml ... E.yml: the self-assessment questions of one module (ours)."""

    module: ModuleId
    questions: Annotated[list[Question], Field(min_length=1)]


# --- journeys (ours): ways into the guidelines on the home page ------------------------

class JourneyStop(Strict):
    """One stop on a path: a step or a task, by ID, with why it is on the path (ours)."""

    step: StepId | None = Field(None, description="A step, e.g. '9'.")
    task: TaskId | None = Field(None, description="Or a task, e.g. '7.4'.")
    editorial_why: NonEmpty = Field(description="Ours: one short sentence on what this stop does for the reader.")


class Journey(Strict):
    id: Slug = Field(description="Stable: the home page anchor 'start-<id>'.")
    editorial_title: NonEmpty = Field(description="Ours: the situation, as a reader would name it.")
    editorial_summary: NonEmpty = Field(description="Ours: who this path is for, in one sentence.")
    stops: Annotated[list[JourneyStop], Field(min_length=2, max_length=6)]


class Journeys(Strict):
    """content/journeys.yml: short paths through the steps for common situations (ours)."""

    journeys: Annotated[list[Journey], Field(min_length=1)]


# --- search keywords (ours): the words practitioners search with ----------------------

class SearchKeywords(Strict):
    """The words readers use for one passage that its text does not (ours). The passage is named
    by exactly one of task (with heading for a sub-heading of it), step, principles, principle,
    term or box."""

    task: TaskId | None = Field(None, description="A task, e.g. '1.2'.")
    heading: Slug | None = Field(None, description="With task: the id of a sub-heading inside it, e.g. "
                                 "'termination-of-a-multi-stakeholder-partnership'.")
    step: StepId | None = Field(None, description="Or a step, e.g. '12'.")
    principles: ModuleId | None = Field(None, description="Or a module's key principles, e.g. 'A'.")
    principle: Annotated[str, Field(pattern=r"^[A-E]\.\d$")] | None = Field(
        None, description="Or one group of key principles, e.g. 'C.2'.")
    term: Slug | None = Field(None, description="Or a glossary entry, by its id, e.g. 'escap'.")
    box: CaseId | None = Field(None, description="Or a case box, e.g. 'IV.11'.")
    editorial_words: Annotated[list[NonEmpty], Field(min_length=1)] = Field(
        description="Ours: words and phrases a reader types for this passage. Searched, never shown.")


class SearchKeywordList(Strict):
    """content/search/keywords.yml: search keywords for passages (ours)."""

    keywords: Annotated[list[SearchKeywords], Field(min_length=1)]


# --- worksheets (ours, not the publication's) ------------------------------------------

SourceId = Annotated[str, Field(pattern=r"^\d{1,2}\.\d(\.[0-9A-Za-z-]+)*$",
                                description="The task ('3.2') or task item ('3.2.rewards.a') the prompt comes from.")]


class ListRef(Strict):
    """A list the publication gives, used as it is: never retyped here."""

    task: TaskId | None = Field(None, description="The task whose list it is.")
    box: CaseId | None = Field(None, description="Or the case box whose list it is.")
    list: Slug | None = Field(None, description="The list's own id, for a second or later list in a task; omit for the main list.")
    under: Annotated[str, Field(pattern=r"^[0-9A-Za-z.-]+$")] | None = Field(
        None, description="The item whose sub-items are meant, e.g. '11.1.1' for the four dimensions of scaling up.")


class Column(Strict):
    id: Slug = Field(description="Stable: stored with answers. Action tables need 'action', 'owner', 'due' and 'status'.")
    heading: NonEmpty = Field(description="Ours: the column heading.")
    kind: Literal["text", "long", "choice", "date"] = "text"
    options: list[NonEmpty] = Field(default_factory=list, description="For choice columns: the choices (ours).")
    example: NonEmpty | None = Field(None, description="Ours: an example entry, shown as a hint.")
    scores: list[int] = Field(default_factory=list, description="For a choice that a score multiplies: what each option counts "
                              "for, in the options' order (ours), e.g. [3, 2, 1] for High, Medium, Low.")


class Score(Strict):
    """A column computed on the page from others, never stored: the product of their options' scores."""

    heading: NonEmpty = Field(description="Ours: the score's column heading, e.g. 'Score (likelihood × impact)'.")
    of: Annotated[list[Slug], Field(min_length=2)] = Field(description="The choice columns multiplied; each has scores.")


class GridRegion(Strict):
    title: NonEmpty = Field(description="Ours: the region's name, e.g. 'Manage closely'.")
    strategy: NonEmpty = Field(description="Ours: how to engage the stakeholders placed in it.")
    x: Annotated[list[NonEmpty], Field(min_length=1)] = Field(description="The options of the grid's x column it covers.")
    y: Annotated[list[NonEmpty], Field(min_length=1)] = Field(description="The options of the grid's y column it covers.")


class Grid(Strict):
    """A grid drawn on the page from the table's rows: each placed by its two choices (ours)."""

    title: NonEmpty = Field(description="Ours: the grid's heading.")
    name: Slug = Field(description="The column that names each row in the grid.")
    x: Slug = Field(description="The choice column read across (left to right: its options from last to first).")
    y: Slug = Field(description="The choice column read upwards (top to bottom: its options in order).")
    regions: Annotated[list[GridRegion], Field(min_length=1)] = Field(
        description="Ours: regions covering every pair of options exactly once, each with its engagement strategy.")


class ColumnNames(Strict):
    """Columns headed on the page by what is typed in another table of the worksheet: the n-th
    column listed by the n-th row of that table (the partners of a RACI matrix)."""

    table: Slug = Field(description="The table, earlier in the worksheet, whose rows name the columns; it has fixed rows.")
    column: Slug = Field(description="Its column that holds the names.")
    columns: Annotated[list[Slug], Field(min_length=1)] = Field(description="This table's columns, in the order of those rows.")


class FieldPart(Strict):
    field: Slug = Field(description="Stable ID of the field: stored with answers.")
    label: NonEmpty = Field(description="Ours: the question or prompt.")
    kind: Literal["text", "long", "choice", "date"] = "long"
    options: list[NonEmpty] = Field(default_factory=list, description="For choice fields: the choices (ours).")
    source: SourceId
    example: NonEmpty | None = Field(None, description="Ours: an example answer, shown as a hint.")
    clause: NonEmpty | None = Field(None, description="Ours: the clause of the worksheet's draft document this answer goes under.")


class TablePart(Strict):
    table: Slug = Field(description="Stable ID of the table: stored with answers.")
    title: NonEmpty = Field(description="Ours: the table's heading.")
    source: SourceId
    prompt: NonEmpty | None = Field(None, description="Ours: what to put in the table.")
    columns: Annotated[list[Column], Field(min_length=1)]
    rows_from: list[ListRef] = Field(default_factory=list, description="Fixed rows: the items of these lists of the publication, in order.")
    fixed_rows: list[NonEmpty] = Field(default_factory=list, description="Fixed rows named by us (marked as ours), when the publication gives no list.")
    quote: ParaRef | None = Field(None, description="A paragraph of the publication shown above the table as the list it gives in running text.")
    actions: bool = Field(False, description="The rows are actions: they go into the action plan.")
    score: Score | None = Field(None, description="A column computed on the page from choice columns (ours), never stored.")
    grid: Grid | None = Field(None, description="A grid of the rows drawn on the page below the table (ours).")
    clause: NonEmpty | None = Field(None, description="Ours: the clause of the worksheet's draft document this table goes under.")
    column_names: ColumnNames | None = Field(None, description="Columns headed on the page by names typed in another table.")


class ParaRef(Strict):
    task: TaskId
    paragraph: Annotated[int, Field(ge=1)] = Field(description="Its position among the task's paragraphs, from 1.")


WorksheetPart = Annotated[
    Annotated[FieldPart, Tag("field")] | Annotated[TablePart, Tag("table")],
    Discriminator(
        lambda v: ("field" if "field" in v else "table" if "table" in v else None) if isinstance(v, dict)
        else ("field" if isinstance(v, FieldPart) else "table"),
        custom_error_type="part_kind",
        custom_error_message="a worksheet part needs the key 'field' or 'table'",
    ),
]


class Worksheet(Strict):
    """content/worksheets/<id>.yml: one worksheet (ours), built from the tasks it serves."""

    id: Slug = Field(description="Stable: the page is worksheets/<id>.html and answers are stored under it. Same as the file name.")
    title: NonEmpty = Field(description="Ours.")
    tasks: Annotated[list[TaskId], Field(min_length=1)] = Field(description="The tasks this worksheet serves; their step pages link to it.")
    intro: NonEmpty = Field(description="Ours: what the worksheet is for and how to use it.")
    parts: Annotated[list[WorksheetPart], Field(min_length=1)]
    draft: NonEmpty | None = Field(None, description="Ours: the title of the document drafted from the answers of the parts "
                                   "that have a clause, printed clause by clause (the partnering agreement).")


class NotNeeded(Strict):
    task: TaskId
    reason: NonEmpty = Field(description="Ours: why the task needs no worksheet.")


class WorksheetCoverage(Strict):
    """content/worksheets/coverage.yml: tasks no worksheet serves, and why (ours)."""

    not_needed: list[NotNeeded] = Field(default_factory=list)


MODELS: dict[str, type[Strict]] = {
    "module": Module,
    "case": Case,
    "chapter": Chapter,
    "footnotes": Footnotes,
    "bibliography": Bibliography,
    "figures": Figures,
    "corrections": Corrections,
    "publication": Publication,
    "checklist_selection": ChecklistSelection,
    "assessment_scale": AssessmentScale,
    "assessment_module": AssessmentModule,
    "glossary": Glossary,
    "journeys": Journeys,
    "search_keywords": SearchKeywordList,
    "worksheet": Worksheet,
    "worksheet_coverage": WorksheetCoverage,
}

for _m in (Item, Section, TablePart):
    _m.model_rebuild()
