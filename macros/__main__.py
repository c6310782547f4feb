"""Command line of the toolkit.

    python -m macros check [CONTENT_DIR]     validate the whole content tree and the translation catalogues
    python -m macros check-file FILE...      validate single files against their schema only
    python -m macros schema                  write schema/*.schema.json for editors
    python -m macros build [SITE_DIR]        build the site in every language (English at the root, the others
                                             under <lang>/) with its PDF pack; site/ is replaced only on success
    python -m macros pdfs [SITE_DIR]         print the checklists' PDF pack into a built site
    python -m macros offline                 build the offline ZIPs (one per language) into dist/
    python -m macros translations            extract our strings and update translations/*.po
    python -m macros fill-worksheet FILE [OUT_DIR]
                                             a worksheet or action plan exported from the browser
                                             (JSON) as filled .docx/.xlsx files (next to FILE by default)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .content import overlay
from .content.load import load
from .content.model import MODELS
from .content.reader import ContentError, read_yaml, validate
from .project import CONTENT, ROOT
from .site import catalogue_check, i18n

# Files whose kind their folder tells; the rest are named after their kind.
FOLDER_KINDS = {"modules": "module", "cases": "case", "chapters": "chapter"}


def kind_of(path: Path) -> str:
    parts = path.resolve().parts
    if "assessment" in parts:
        return "assessment_scale" if path.stem == "scale" else "assessment_module"
    if "worksheets" in parts:
        return "worksheet_coverage" if path.stem == "coverage" else "worksheet"
    if "checklists" in parts and path.stem == "selection":
        return "checklist_selection"
    for folder, kind in FOLDER_KINDS.items():
        if folder in parts:
            return kind
    if path.stem in MODELS:
        return path.stem
    raise SystemExit(f"{path}: cannot tell what kind of content this is from its path")


def check(args: list[str]) -> int:
    """The content and the catalogues, each reported whole, so that one run shows every problem."""
    return max(check_content(Path(args[0]) if args else CONTENT), check_catalogues())


def check_content(root: Path) -> int:
    try:
        content = load(root)
        # Official translations of the guideline text are checked with the content they translate.
        official = [lang.code for lang in i18n.overlay_languages(root / "translations")]
        for language in official:
            overlay.apply(content, root / "translations", language)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"content OK: {len(content.modules)} modules, {len(content.steps)} steps, "
          f"{len(content.tasks)} tasks, {len(content.cases)} boxes, {len(content.chapters)} chapters"
          + (f"; official translations: {', '.join(official)}" if official else ""))
    return 0


def check_catalogues() -> int:
    try:
        languages = catalogue_check.check()
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"translation catalogues OK: {', '.join(languages)}")
    return 0


def check_file(args: list[str]) -> int:
    bad = 0
    for name in args:
        path = Path(name)
        source, problems = read_yaml(path.resolve(), CONTENT)
        if not problems:
            _, problems = validate(source, kind_of(path))
        for problem in problems:
            print(problem, file=sys.stderr)
        bad += bool(problems)
        if not problems:
            print(f"{name}: OK")
    return 1 if bad else 0


def schema(args: list[str]) -> int:
    out = ROOT / "schema"
    out.mkdir(exist_ok=True)
    for kind, model in MODELS.items():
        document = model.model_json_schema()
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["title"] = f"Partnering Guidelines {kind}"
        (out / f"{kind}.schema.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(MODELS)} schemas to {out.relative_to(ROOT)}/")
    return 0


def pdfs(args: list[str]) -> int:
    from .outputs.pdf import print_pack

    site_dir = (Path(args[0]) if args else ROOT / "site").resolve()
    written = print_pack(site_dir, load(CONTENT).checklists)
    for path in written:
        print(f"{path.relative_to(site_dir)}: {path.stat().st_size / 1024:.0f} KB")
    print(f"{len(written)} PDFs, {sum(p.stat().st_size for p in written) / 1024 / 1024:.2f} MB")
    return 0


def build(args: list[str]) -> int:
    from .engine.languages_build import main as build_languages

    return build_languages((Path(args[0]) if args else ROOT / "site").resolve())


def offline(args: list[str]) -> int:
    from .outputs.offline import build

    return build()


def translations(args: list[str]) -> int:
    from .outputs.catalogue import update

    return update(load(CONTENT))


def fill_worksheet(args: list[str]) -> int:
    from .outputs.office import ExportError, fill

    if not args:
        print("usage: python -m macros fill-worksheet EXPORT.json [OUT_DIR]", file=sys.stderr)
        return 2
    export = Path(args[0])
    try:
        written = fill(load(CONTENT), export, Path(args[1]) if len(args) > 1 else export.parent)
    except (ExportError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


COMMANDS = {"check": check, "check-file": check_file, "schema": schema, "build": build, "pdfs": pdfs, "offline": offline,
            "translations": translations, "fill-worksheet": fill_worksheet}


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    command = COMMANDS.get(argv[0])
    if command is None:
        print(f"unknown command {argv[0]!r}\n{__doc__}", file=sys.stderr)
        return 2
    return command(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
