"""Text that renders as one piece: no line breaks inside a text field.

Pages put each text into an HTML block; a blank line inside one would end the block and hand
the rest to the Markdown engine. A new paragraph is a new `- p:` block instead. Every other
character is shown literally (macros/site/render.py md_escape, templates/parts/inline.html).
"""
from __future__ import annotations

from ..reader import Problem, SourceFile
from ..tree import Content
from ..walk import strings
from .common import Loaded, text_sources


def check(content: Content, loaded: Loaded) -> list[Problem]:
    return [problem for src, model in text_sources(content, loaded) for problem in line_problems(src, model)]


def line_problems(src: SourceFile, model: object) -> list[Problem]:
    """A line break inside any text of one file's model (official translations are checked so too)."""
    return [src.problem(path, "a line break inside a text: join the lines into one (a new paragraph is a new '- p:' block)")
            for path, text in strings(model) if "\n" in text or "\r" in text]
