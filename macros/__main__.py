"""Command line of the toolkit.

    python -m macros check [CONTENT_DIR]     validate the whole content tree, the official translations and
                                             the translation catalogues that mkdocs.yml names
    python -m macros check-file FILE...      validate single files against their schema only
    python -m macros schema                  write schema/*.schema.json for editors
    python -m macros build [SITE_DIR]        what `make build` makes: the offline ZIPs, then the site of `mkdocs
                                             build` (every language, linking them), then its PDF pack; site/ is
                                             replaced only when all of it is done
    python -m macros pdfs [SITE_DIR]         print the checklists' and facilitator's packs' PDFs into a built site
    python -m macros offline [LANG...]       build the offline ZIPs (one per language) into dist/
    python -m macros translations            extract our strings and update translations/*.po
    python -m macros export-units LANG FILE.po
                                             the publication's units (titles, paragraphs, list items...) as
                                             a translator's file: one entry per unit, its ID and its English,
                                             with LANG's official translation and status where it has one
    python -m macros import-units FILE.po    a translated file back as the official translation of its
                                             language (content/translations/<lang>/), each unit with its
                                             status (official, reviewed or draft)
    python -m macros fill-worksheet FILE [OUT_DIR] [--force]
                                             a worksheet or action plan exported from the browser
                                             (JSON) as filled .docx/.xlsx files (next to FILE by default),
                                             for batch use: the pages make the same files themselves

check, build, pdfs, offline, export-units and import-units read the folders from the `guidelines` plugin's options in
mkdocs.yml (in the current folder, as `mkdocs` does), or from the file named by -f CONFIG_FILE.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from .content import overlay
from .content.load import load
from .content.model import MODELS
from .content.reader import ContentError, read_yaml, validate
from .engine.settings import Paths
from .engine.settings import read as read_settings
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


def check(args: list[str], config_file: Path) -> int:
    """The content and the catalogues, each reported whole, so that one run shows every problem.
    A content folder given replaces the configured one (with its own official translations)."""
    paths = _paths(config_file)
    content, overlays = (Path(args[0]), Path(args[0]) / "translations") if args else (paths.content, paths.official_translations)
    return max(check_content(content, overlays, paths.catalogues), check_catalogues(paths.catalogues))


def _paths(config_file: Path) -> Paths:
    from mkdocs.exceptions import ConfigurationError

    if not config_file.is_file():
        raise SystemExit(f"{config_file}: no such file: run this in the folder of mkdocs.yml, or name it with -f")
    try:
        return Paths.of(read_settings(config_file))
    except (ConfigurationError, OSError) as exc:
        raise SystemExit(str(exc)) from None


def check_content(root: Path, overlays: Path | None = None, catalogues: Path = i18n.TRANSLATIONS) -> int:
    overlays = overlays or root / "translations"
    try:
        content = load(root)
        # Official translations of the guideline text are checked with the content they translate,
        # in a language of the catalogues as in one that only a translation brings.
        official = [lang.code for lang in i18n.all_languages(overlays, catalogues) if (overlays / lang.code).is_dir()]
        for language in official:
            overlay.apply(content, overlays, language)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"content OK: {len(content.modules)} modules, {len(content.steps)} steps, "
          f"{len(content.tasks)} tasks, {len(content.cases)} boxes, {len(content.chapters)} chapters"
          + (f"; official translations: {', '.join(official)}" if official else ""))
    return 0


def check_catalogues(folder: Path) -> int:
    try:
        languages = catalogue_check.check(folder)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"translation catalogues OK: {', '.join(languages)}")
    return 0


def check_file(args: list[str], config_file: Path) -> int:
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


def schema(args: list[str], config_file: Path) -> int:
    out = ROOT / "schema"
    out.mkdir(exist_ok=True)
    for kind, model in MODELS.items():
        document = model.model_json_schema()
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["title"] = f"Partnering Guidelines {kind}"
        (out / f"{kind}.schema.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(MODELS)} schemas to {out.relative_to(ROOT)}/")
    return 0


def pdfs(args: list[str], config_file: Path) -> int:
    from .outputs.pdf import print_packs
    from .site import i18n

    site_dir = (Path(args[0]) if args else config_file.parent / "site").resolve()
    paths = _paths(config_file)
    # Every language the site has: English at its root, the others in their folders.
    folders = [site_dir / lang.prefix for lang in i18n.all_languages(paths.official_translations, paths.catalogues)
               if (site_dir / lang.prefix / "checklists").is_dir()]
    written = print_packs(folders, load(paths.content).checklists)
    for path in written:
        print(f"{path.relative_to(site_dir)}: {path.stat().st_size / 1024:.0f} KB")
    print(f"{len(written)} PDFs, {sum(p.stat().st_size for p in written) / 1024 / 1024:.2f} MB")
    return 0


def _building(run: Callable[[], int]) -> int:
    """A build run from here: MkDocs' warnings and errors shown as its own command shows them,
    and a failed build one line and exit status 1, not a traceback."""
    import logging
    import os

    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")   # Material's banner, printed when it is imported
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        return run()
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
    except MkDocsException as exc:
        print(f"build failed: {exc}", file=sys.stderr)
    return 1


def build(args: list[str], config_file: Path) -> int:
    from .engine.commands import build_site

    return _building(lambda: build_site(config_file, (Path(args[0]) if args else config_file.parent / "site").resolve()))


def offline(args: list[str], config_file: Path) -> int:
    from .engine.commands import offline as build_zips

    return _building(lambda: build_zips(config_file, args or None))


def translations(args: list[str], config_file: Path) -> int:
    from .outputs.catalogue import update

    return update(load(CONTENT))


def export_units(args: list[str], config_file: Path) -> int:
    from .outputs.units_po import export

    if len(args) != 2:
        print("usage: python -m macros export-units LANG FILE.po", file=sys.stderr)
        return 2
    paths = _paths(config_file)
    codes = _translatable(paths)
    if args[0] not in codes:
        print(f"{args[0]!r}: not a language to translate into: expected one of {', '.join(codes)}", file=sys.stderr)
        return 2
    try:
        count = export(load(paths.content), paths.official_translations, args[0], Path(args[1]))
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"wrote {count} units to {args[1]}")
    return 0


def import_units(args: list[str], config_file: Path) -> int:
    from .outputs.units_po import import_units as bring_in

    if len(args) != 1:
        print("usage: python -m macros import-units FILE.po", file=sys.stderr)
        return 2
    paths = _paths(config_file)
    try:
        language, counts = bring_in(load(paths.content), paths.official_translations, _translatable(paths), Path(args[0]))
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"{language}: " + ", ".join(f"{count} {status}" for status, count in counts.items())
          + f" units, in {paths.official_translations / language}")
    return 0


def _translatable(paths: Paths) -> list[str]:
    """The languages an official translation may be in: the catalogues' and those a translation brings."""
    return [lang.code for lang in i18n.all_languages(paths.official_translations, paths.catalogues) if lang.code != i18n.SOURCE]


FILL_USAGE = """usage: python -m macros fill-worksheet EXPORT.json [OUT_DIR] [--force]

Writes a worksheet exported from the browser (JSON) as a filled Word file and, when it has
tables, an Excel file, or an exported action plan as an Excel file: EXPORT.docx and EXPORT.xlsx
in OUT_DIR (the export's folder by default). An existing file is replaced only with --force.
A bad export is refused with what is wrong and where, and nothing is written."""


def fill_worksheet(args: list[str], config_file: Path) -> int:
    from .outputs.office import ExportError, fill

    if any(a in ("-h", "--help") for a in args):
        print(FILL_USAGE)
        return 0
    force = "--force" in args
    args = [a for a in args if a != "--force"]
    unknown = [a for a in args if a.startswith("-")]
    if not args or len(args) > 2 or unknown:
        print((f"unknown option {unknown[0]!r}\n" if unknown else "") + FILL_USAGE, file=sys.stderr)
        return 2
    export = Path(args[0])
    try:
        written = fill(lambda: load(CONTENT), export, Path(args[1]) if len(args) > 1 else export.parent, force=force)
    except ExportError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{exc.filename or export}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


COMMANDS: dict[str, Callable[[list[str], Path], int]] = {"check": check, "check-file": check_file, "schema": schema, "build": build, "pdfs": pdfs, "offline": offline,
            "translations": translations, "fill-worksheet": fill_worksheet, "export-units": export_units,
            "import-units": import_units}


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    command = COMMANDS.get(argv[0])
    if command is None:
        print(f"unknown command {argv[0]!r}\n{__doc__}", file=sys.stderr)
        return 2
    args, config_file = argv[1:], Path("mkdocs.yml")
    for flag in ("-f", "--config-file"):
        if flag in args:
            at = args.index(flag)
            if at + 1 == len(args):
                print(f"{flag} needs a file", file=sys.stderr)
                return 2
            config_file = Path(args[at + 1])
            args = args[:at] + args[at + 2:]
    return command(args, config_file)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
