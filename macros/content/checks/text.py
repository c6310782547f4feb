"""Text that renders as one piece: no line breaks inside a text field.

Pages put each text into an HTML block; a blank line inside one would end the block and hand
the rest to the Markdown engine. A new paragraph is a new `- p:` block instead. Every other
character is shown literally (macros/site/render.py md_escape, templates/parts/inline.html).
"""
from __future__ import annotations

from ..reader import Problem
from ..walk import strings
from .common import Loaded, text_sources


def check(content, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    for src, model in text_sources(content, loaded):
        for path, text in strings(model):
            if "\n" in text or "\r" in text:
                problems.append(src.problem(path, "a line break inside a text: join the lines into one "
                                                  "(a new paragraph is a new '- p:' block)"))
    return problems
