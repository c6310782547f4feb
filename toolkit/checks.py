"""Checks across files: identifiers, cross-references, and entries nothing uses."""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from . import inline
from .loader import Problem, SourceFile
from .model import Item

CHAPTER_IDS = {"foreword", "acknowledgements", "i", "ii", "iii", "iv", "annex-i", "annex-ii"}


def _source(content, path: Path) -> SourceFile:
    return content.files[path.relative_to(content.root.parent).as_posix()]


def _check_lists(src: SourceFile, items: list[Item], path: tuple, problems: list) -> None:
    numbers = Counter(item.n for item in items if item.n)
    for n, count in numbers.items():
        if count > 1:
            problems.append(src.problem(path, f"item number '{n}' is used {count} times in one list"))
    for i, item in enumerate(items):
        if not item.text and not item.label:
            problems.append(src.problem(path + (i,), "an item needs text or a label"))
        if item.after and not item.list:
            problems.append(src.problem(path + (i, "after"), "'after' follows sub-items, but this item has none"))
        if item.list:
            _check_lists(src, item.list.items, path + (i, "list", "items"), problems)


def _check_sections(src: SourceFile, sections, path: tuple, seen: Counter, problems: list) -> None:
    for i, section in enumerate(sections):
        seen[section.id] += 1
        if seen[section.id] == 2:
            problems.append(src.problem(path + (i, "id"), f"section id '{section.id}' is used twice in this chapter"))
        _check_sections(src, section.sections, path + (i, "sections"), seen, problems)


def _lists_in(blocks, path):
    for i, block in enumerate(blocks):
        if hasattr(block, "list") and type(block).__name__ == "ListWrap":
            yield path + (i, "list"), block.list


def _item_ids(task) -> set[str]:
    """Every item ID of a task: '3.1.2', '3.2.rewards.c', '1.4.1.a'."""
    from .export import _task_items

    found, todo = set(), _task_items(task, "")
    while todo:
        item = todo.pop()
        found.add(item["id"])
        todo += item.get("items", [])
    return found


def check_assessment(content, modules, assessment) -> list[Problem]:
    """Questions point at tasks, items, principles and outcomes that exist; every task is asked about."""
    problems: list[Problem] = []
    tasks = {t.id: t for _, m in modules for s in m.steps for t in s.tasks}
    module_of_task = {t.id: m.id for _, m in modules for s in m.steps for t in s.tasks}
    principles = {g.id for _, m in modules for g in m.key_principles.groups}
    outcomes = {f"{m.id}.outcomes.{i.n}" for _, m in modules for i in m.outcomes.items}
    seen: dict[str, str] = {}
    asked: set[str] = set()
    for path, part in assessment:
        src = _source(content, path)
        if path.stem != part.module:
            problems.append(src.problem(("module",), f"questions of module {part.module} must live in assessment/{part.module}.yml"))
        for q, question in enumerate(part.questions):
            here = ("questions", q)
            if question.id in seen:
                problems.append(src.problem(here + ("id",), f"question id '{question.id}' is used twice (also at {seen[question.id]})"))
            seen[question.id] = f"{src.rel}:{src.line_of(here + ('id',))}"
            sources = [x for x in (question.task, question.principle, question.outcome) if x]
            if len(sources) != 1:
                problems.append(src.problem(here, "a question needs exactly one of: task, principle, outcome"))
                continue
            origin = sources[0]
            if not question.id.startswith(f"q-{origin}-"):
                problems.append(src.problem(here + ("id",), f"question id must start with 'q-{origin}-'"))
            if question.task:
                if question.task not in tasks:
                    problems.append(src.problem(here + ("task",), f"task {question.task} does not exist"))
                    continue
                if module_of_task[question.task] != part.module:
                    problems.append(src.problem(here + ("task",), f"task {question.task} is not in module {part.module}"))
                asked.add(question.task)
                known = _item_ids(tasks[question.task])
                for i, item in enumerate(question.items):
                    if item not in known:
                        problems.append(src.problem(here + ("items", i), f"task {question.task} has no item '{item}'"))
            elif question.principle and question.principle not in principles:
                problems.append(src.problem(here + ("principle",), f"key principle {question.principle} does not exist"))
            elif question.outcome and question.outcome not in outcomes:
                problems.append(src.problem(here + ("outcome",), f"outcome {question.outcome} does not exist"))
            if question.items and not question.task:
                problems.append(src.problem(here + ("items",), "items belong to task questions only"))
    present = {part.module for _, part in assessment}
    for module_id in sorted({m.id for _, m in modules} - present):
        problems.append(Problem("content/assessment", None, "", f"no questions for module {module_id}: expected assessment/{module_id}.yml"))
    for task_id in tasks:
        if module_of_task[task_id] in present and task_id not in asked:
            problems.append(Problem(f"content/assessment/{module_of_task[task_id]}.yml", None, "",
                                    f"task {task_id} has no question: every task needs at least one"))
    return problems


def check(content, modules, cases, chapters, assessment=()) -> list[Problem]:
    problems: list[Problem] = []
    sources: list[tuple[SourceFile, object]] = []

    # Identifiers and file names ------------------------------------------------------
    module_ids = Counter()
    for path, module in modules:
        src = _source(content, path)
        sources.append((src, module))
        module_ids[module.id] += 1
        if path.stem != module.id:
            problems.append(src.problem(("id",), f"module '{module.id}' must live in modules/{module.id}.yml"))
        for g, group in enumerate(module.key_principles.groups):
            if not group.id.startswith(module.id + "."):
                problems.append(src.problem(("key_principles", "groups", g, "id"),
                                            f"key principle '{group.id}' must start with '{module.id}.'"))
    for missing in sorted(set("ABCDE") - set(module_ids)):
        problems.append(Problem("content/modules", None, "", f"module {missing} is missing: expected modules/{missing}.yml"))

    step_seen: dict[str, str] = {}
    task_seen: dict[str, str] = {}
    for path, module in modules:
        src = _source(content, path)
        for s, step in enumerate(module.steps):
            where = f"{src.rel}:{src.line_of(('steps', s, 'id'))}"
            if step.id in step_seen:
                problems.append(src.problem(("steps", s, "id"), f"step {step.id} is defined twice (also at {step_seen[step.id]})"))
            step_seen[step.id] = where
            for t, task in enumerate(step.tasks):
                tpath = ("steps", s, "tasks", t)
                twhere = f"{src.rel}:{src.line_of(tpath + ('id',))}"
                if not task.id.startswith(step.id + "."):
                    problems.append(src.problem(tpath + ("id",), f"task {task.id} does not belong to step {step.id}: expected '{step.id}.N'"))
                if task.id in task_seen:
                    problems.append(src.problem(tpath + ("id",), f"task {task.id} is defined twice (also at {task_seen[task.id]})"))
                task_seen[task.id] = twhere
                list_ids = Counter()
                for lpath, lst in _lists_in(task.blocks, tpath + ("blocks",)):
                    list_ids[lst.id] += 1
                    _check_lists(src, lst.items, lpath + ("items",), problems)
                for lid, count in list_ids.items():
                    if count > 1:
                        name = f"list id '{lid}'" if lid else "main list (no id)"
                        problems.append(src.problem(tpath + ("blocks",),
                                                    f"task {task.id} has its {name} {count} times: give every list after the first an 'id'"))
            numbers = [int(t.id.split(".")[1]) for t in step.tasks]
            if numbers != sorted(numbers):
                problems.append(src.problem(("steps", s, "tasks"), f"tasks of step {step.id} are out of order: {numbers}"))
    expected_steps = [str(n) for n in range(1, 13)]
    ordered = [s.id for _, m in sorted(modules, key=lambda x: x[1].id) for s in m.steps]
    if modules and ordered != expected_steps[: len(ordered)] and len(module_ids) == 5:
        problems.append(Problem("content/modules", None, "", f"steps must run 1 to 12 across modules A to E; found {ordered}"))

    case_files = {}
    for path, case in cases:
        src = _source(content, path)
        sources.append((src, case))
        if path.stem != case.id:
            problems.append(src.problem(("id",), f"case '{case.id}' must live in cases/{case.id}.yml"))
        if case.id in case_files:
            problems.append(src.problem(("id",), f"box {case.id} is defined twice (also in {case_files[case.id]})"))
        case_files[case.id] = src.rel

    chapter_ids = {}
    for path, chapter in chapters:
        src = _source(content, path)
        sources.append((src, chapter))
        if chapter.id not in CHAPTER_IDS:
            problems.append(src.problem(("id",), f"unknown chapter id '{chapter.id}': expected one of {sorted(CHAPTER_IDS)}"))
        if chapter.id in chapter_ids:
            problems.append(src.problem(("id",), f"chapter '{chapter.id}' is defined twice (also in {chapter_ids[chapter.id]})"))
        chapter_ids[chapter.id] = src.rel
        _check_sections(src, chapter.sections, ("sections",), Counter(), problems)

    singles = {
        "references/footnotes.yml": content.footnotes, "references/bibliography.yml": content.bibliography,
        "figures.yml": content.figures, "publication.yml": content.publication, "corrections.yml": content.corrections,
        "glossary.yml": content.glossary,
    }
    for rel_key, model in singles.items():
        src = content.files.get(f"content/{rel_key}")
        if src is not None:
            sources.append((src, model))

    fn_ids = Counter(f.id for f in content.footnotes.footnotes)
    fsrc = content.files["content/references/footnotes.yml"]
    for i, f in enumerate(content.footnotes.footnotes):
        if fn_ids[f.id] > 1:
            problems.append(fsrc.problem(("footnotes", i, "id"), f"footnote '{f.id}' is defined {fn_ids[f.id]} times"))
    fig_ids = Counter(f.id for f in content.figures.figures)
    gsrc = content.files["content/figures.yml"]
    for i, f in enumerate(content.figures.figures):
        if fig_ids[f.id] > 1:
            problems.append(gsrc.problem(("figures", i, "id"), f"figure {f.id} is defined {fig_ids[f.id]} times"))
        if f.kind == "module-steps" and f.module is None:
            problems.append(gsrc.problem(("figures", i, "module"), f"figure {f.id} draws a module's steps: name the module"))
        elif f.module and f.module not in module_ids:
            problems.append(gsrc.problem(("figures", i, "module"), f"figure {f.id} names module {f.module}, which does not exist"))

    # Cross-references in text ----------------------------------------------------------
    tasks = set(task_seen)
    steps = set(step_seen)
    boxes = set(case_files)
    figures = set(fig_ids)
    known = {
        "box": boxes, "task": tasks, "step": steps, "module": set(module_ids), "chapter": set(chapter_ids),
        "figure": figures,
    }
    fn_used: dict[str, list] = defaultdict(list)
    from .content import editorial_texts, placements, texts

    for src, model in sources:
        for path, text in [*texts(model), *editorial_texts(model)]:
            for ref in inline.references(text):
                if ref["t"] == "fn":
                    fn_used[ref["id"]].append(src.rel)
                    if ref["id"] not in fn_ids:
                        problems.append(src.problem(path, f"footnote marker [^{ref['id']}] has no footnote: add it to references/footnotes.yml"))
                elif ref["key"] not in known[ref["kind"]]:
                    problems.append(src.problem(path, f"'{ref['label']}' refers to a {ref['kind']} that does not exist"))

    placed: dict[tuple, list] = defaultdict(list)
    for src, model in sources:
        for path, kind, ident in placements(model):
            placed[(kind, ident)].append(f"{src.rel}:{src.line_of(path)}")
            if kind == "box" and ident not in boxes:
                problems.append(src.problem(path, f"box {ident} is placed here but cases/{ident}.yml does not exist"))
            if kind == "figure" and ident not in figures:
                problems.append(src.problem(path, f"figure {ident} is placed here but figures.yml does not define it"))
    for _, module in modules:
        if module.figure not in figures:
            src = _source(content, _)
            problems.append(src.problem(("figure",), f"figure {module.figure} is not defined in figures.yml"))
        placed[("figure", module.figure)].append("module")

    # Entries nothing uses ------------------------------------------------------------
    for path, case in cases:
        where = placed.get(("box", case.id), [])
        src = _source(content, path)
        if not where:
            problems.append(src.problem(("id",), f"box {case.id} is placed nowhere: add '- box: {case.id}' where the publication prints it"))
        elif len(where) > 1:
            problems.append(src.problem(("id",), f"box {case.id} is placed {len(where)} times ({', '.join(where)}): place it once"))
    for i, f in enumerate(content.footnotes.footnotes):
        if f.id not in fn_used:
            problems.append(fsrc.problem(("footnotes", i, "id"), f"footnote {f.id} is never referenced: add [^{f.id}] where its marker belongs"))
    for i, f in enumerate(content.figures.figures):
        if ("figure", f.id) not in placed:
            problems.append(gsrc.problem(("figures", i, "id"), f"figure {f.id} is placed nowhere: add '- figure: {f.id}' where the publication prints it"))
    problems += check_assessment(content, modules, assessment)
    problems += check_glossary(content)
    return problems


def check_glossary(content) -> list[Problem]:
    problems: list[Problem] = []
    src = content.files["content/glossary.yml"]
    ids, abbreviations = Counter(), Counter()
    for i, entry in enumerate(content.glossary.terms):
        ids[entry.id] += 1
        if entry.abbreviation:
            abbreviations[entry.abbreviation] += 1
        if bool(entry.definition) == bool(entry.editorial_definition):
            problems.append(src.problem(("terms", i), "give exactly one of 'definition' (the publication's) and 'editorial_definition' (ours)"))
        if entry.definition and not entry.defined_in:
            problems.append(src.problem(("terms", i, "defined_in"), "say where the publication defines it, e.g. 'chapter I'"))
        if ids[entry.id] == 2:
            problems.append(src.problem(("terms", i, "id"), f"glossary id '{entry.id}' is used twice"))
        if entry.abbreviation and abbreviations[entry.abbreviation] == 2:
            problems.append(src.problem(("terms", i, "abbreviation"), f"abbreviation '{entry.abbreviation}' is defined twice"))
    return problems
