"""Command line: validate content, write JSON Schemas.

    python -m toolkit check                 validate the whole content tree
    python -m toolkit check-file FILE...    validate single files against their schema only
    python -m toolkit schema                write schema/*.schema.json for editors
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from . import journeys
from .content import load
from .loader import ContentError, read_yaml, validate
from .model import MODELS

ROOT = Path(__file__).resolve().parent.parent


def kind_of(path: Path) -> str:
    parts = path.resolve().parts
    if "assessment" in parts:
        return "assessment_scale" if path.stem == "scale" else "assessment_module"
    if "modules" in parts:
        return "module"
    if "cases" in parts:
        return "case"
    if "chapters" in parts:
        return "chapter"
    stem = path.stem
    if stem in MODELS:
        return stem
    raise SystemExit(f"{path}: cannot tell what kind of content this is from its path")


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    command, args = argv[0], argv[1:]
    if command == "check":
        root = Path(args[0]) if args else ROOT / "content"
        try:
            content = load(root)
            journeys.load(content)
        except ContentError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        print(f"content OK: {len(content.modules)} modules, {len(content.steps)} steps, "
              f"{len(content.tasks)} tasks, {len(content.cases)} boxes, {len(content.chapters)} chapters")
        return 0
    if command == "check-file":
        bad = 0
        for name in args:
            path = Path(name)
            source, problems = read_yaml(path.resolve(), (ROOT / "content"))
            if not problems:
                _, problems = validate(source, kind_of(path))
            for p in problems:
                print(p, file=sys.stderr)
            bad += bool(problems)
            if not problems:
                print(f"{name}: OK")
        return 1 if bad else 0
    if command == "schema":
        out = ROOT / "schema"
        out.mkdir(exist_ok=True)
        for kind, model in MODELS.items():
            schema = model.model_json_schema()
            schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
            schema["title"] = f"Partnering Guidelines {kind}"
            (out / f"{kind}.schema.json").write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {len(MODELS)} schemas to {out.relative_to(ROOT)}/")
        return 0
    print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
