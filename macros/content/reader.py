"""Read content YAML into validated models, keeping line numbers for error messages.

Every problem found, in any file, is collected and reported together as
`file:line: field.path: what was expected`, so an editor can fix a batch at once.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar, overload

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .guarded_yaml import Refusal, compose, control, decode, visible
from .model import BLOCK_KINDS, MODELS, Strict, block_kind

FieldPath = tuple[str | int, ...]  # ('steps', 0, 'tasks', 2, 'title')
# A report lists this many problems and counts the rest: thousands of lines help no one, and
# the first problems often explain the others.
SHOWN = 100
BINARY = "tag:yaml.org,2002:binary"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    path: str
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        where += f":{self.column}" if self.line and self.column else ""
        return f"{where}: {self.path or '(top level)'}: {self.message}" if self.path else f"{where}: {self.message}"


class ContentError(Exception):
    subject = "the content"      # what the problems are in, for the report's first line

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.column or 0, p.path, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count:,} problem{'s' if count != 1 else ''} in {self.subject}:"
        rest = [f"  ... and {count - SHOWN:,} more problems: fix these first, then check again"] if count > SHOWN else []
        return "\n".join([head, *(f"  {p}" for p in self.problems[:SHOWN]), *rest])


def format_path(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:  # a key as written, which may hold anything
            out += f".{visible(str(part))}" if out else visible(str(part))
    return out


@dataclass
class SourceFile:
    """A parsed YAML file: its data and where each field path starts."""

    path: Path
    rel: str
    data: object        # as parsed, before validation: anything YAML can hold
    lines: dict[FieldPath, int] = field(default_factory=dict)

    def line_of(self, path: Iterable[str | int]) -> int | None:
        """Line of the deepest part of `path` that exists in the file."""
        parts = list(path)
        while parts:
            key = tuple(parts)
            if key in self.lines:
                return self.lines[key]
            parts.pop()
        return self.lines.get((), 1)

    def problem(self, path: Iterable[str | int], message: str) -> Problem:
        parts = list(path)
        return Problem(self.rel, self.line_of(parts), format_path(parts), message)


def _walk_nodes(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], problems: list[Problem], rel: str) -> None:
    """Record where each field path starts; report duplicate keys, and control characters the
    parser made from escapes, in keys and values alike."""
    line = node.start_mark.line + 1
    lines[path] = line
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            _scalar(key_node, path + (key,), line, problems, rel)
            if key in seen:
                problems.append(Problem(rel, line, format_path(path + (key,)),
                                        f"duplicate key '{visible(str(key))}' (first given on line {seen[key]})"))
            seen[key] = line
            lines[path + (key,)] = line
            _walk_nodes(value_node, path + (key,), lines, problems, rel)
            lines[path + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _walk_nodes(child, path + (index,), lines, problems, rel)
    else:
        _scalar(node, path, line, problems, rel)


def _scalar(node: yaml.Node, path: FieldPath, line: int, problems: list[Problem], rel: str) -> None:
    if not isinstance(node, yaml.ScalarNode):
        return  # a list or mapping as a key: the parser refuses those
    # Bytes would pass the models as a string: a control character by another door.
    message = "a !!binary value is not allowed in content: write the text" if node.tag == BINARY else control(node.value)
    if message:
        problems.append(Problem(rel, line, format_path(path), message))


def named(root: Path, rel: str) -> str:
    """A place under the content folder `root` as messages name it, whatever the folder is
    called: relative to the folder's parent, as read_yaml names each file."""
    return f"{root.name}/{rel}"


def read_yaml(path: Path, root: Path) -> tuple[SourceFile, list[Problem]]:
    rel = path.relative_to(root.parent).as_posix() if root.parent in path.parents else str(path)
    problems: list[Problem] = []
    try:
        node, data = compose(decode(path.read_bytes()))
    except Refusal as exc:
        return SourceFile(path, rel, None), [Problem(rel, exc.line, "", exc.message, exc.column)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        return SourceFile(path, rel, None), [Problem(rel, line, "", f"not valid YAML: {problem}")]
    source = SourceFile(path, rel, data)
    if node is not None:
        _walk_nodes(node, (), source.lines, problems, rel)
    if data is None:
        problems.append(Problem(rel, 1, "", "the file is empty; expected a mapping of fields"))
    return source, problems


def _describe(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check its spelling against content/README.md)"
    if kind == "string_pattern_mismatch":
        return f"{error['msg'].lower()} (got {error['input']!r})"
    if kind == "literal_error":
        return f"{error['msg'].lower()} (got {error['input']!r})"
    return f"{error['msg']} (got {error['input']!r})" if not isinstance(error["input"], (dict, list)) else error["msg"]


M = TypeVar("M", bound=BaseModel)


@overload
def validate(source: SourceFile, kind: str) -> tuple[Strict | None, list[Problem]]: ...
@overload
def validate(source: SourceFile, kind: str, model: type[M]) -> tuple[M | None, list[Problem]]: ...


def validate(source: SourceFile, kind: str, model: type[BaseModel] | None = None) -> tuple[BaseModel | None, list[Problem]]:
    """`kind` names a content model (MODELS); `model` another file's model, `kind` naming it in messages."""
    model = model or MODELS[kind]
    if not isinstance(source.data, dict):
        return None, [source.problem((), f"expected a mapping of fields for a {kind}, got {type(source.data).__name__}")]
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        problems: list[Problem] = []
        for error in exc.errors():
            # Union tags ('p', 'list', ...) appear in pydantic's location but not in the file.
            path = _data_path(source.data, error["loc"])
            problems.append(source.problem(path, _describe(error)))
        return None, problems


def _data_path(data: object, loc: tuple[int | str, ...]) -> list[str | int]:
    """The field path in the file of a pydantic error location, which also names the tag of
    each block union it passes through ('list', 'heading', ...): those are skipped, once per block."""
    path: list[str | int] = []
    here: object = data            # the data at the path so far
    tag_seen: object = None        # the block whose tag was skipped
    for part in loc:
        if isinstance(here, dict) and part == block_kind(here) and tag_seen is not here:
            tag_seen = here
            continue
        if isinstance(here, dict) and part in here:
            here = here[part]
        elif isinstance(here, list) and isinstance(part, int) and part < len(here):
            here = here[part]
        elif isinstance(here, dict) and isinstance(part, str) and part not in here and not path_is_tag(part):
            path.append(part)  # a missing field: name it
            break
        else:
            continue
        path.append(part)
    return path


def path_is_tag(part: str) -> bool:
    return part in BLOCK_KINDS
