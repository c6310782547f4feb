"""Compare our text with the publication's, sentence by sentence, in both directions.

Text is compared after folding away everything that extraction broke and that a reader
does not read: case, spaces, punctuation, hyphens, markup and footnote markers. So
"multistakeholder" and "multi-stakeholder" compare equal, but a changed, missing or
invented word does not.

- forward: every sentence of the source (outside the layout lines listed below) must be
  found in the site's text.
- reverse: every sentence of our content (outside fields marked editorial) must be found
  in the source.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_NAME = "partnering-for-sustainable-development-2018.txt"


def _find_source() -> Path:
    """The publication's source text, kept in the repository (content/source/), unless
    $GUIDELINES_SOURCE names another copy."""
    return Path(os.environ.get("GUIDELINES_SOURCE") or ROOT / "content" / "source" / SOURCE_NAME)


SOURCE = _find_source()

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def fold(text: str) -> str:
    """Lower-case letters and digits only."""
    return re.sub(r"[\W_]+", "", text.lower())


def sentences(text: str) -> list[str]:
    """Split at sentence and clause ends, so that a unit never spans a page break."""
    return [s for s in re.split(r"(?<=[.;:!?])\s+", text) if s.strip()]


# Lines of the source that are layout, not text: what a reader of the printed page would not
# read as part of the guidance, or figure labels the extraction garbled (the figures are
# rebuilt from the data, and their labels checked on their own).
LAYOUT = [
    (48, 95, "table of contents (rebuilt from the data, with page numbers)"),
    (11, 11, "logo text"),
    (311, 311, "page number"),
    (315, 331, "figure II.2 labels garbled by extraction"),
    (409, 411, "running header"),
    (443, 482, "page number and figure IV.1 labels garbled by extraction"),
    (500, 500, "module A steps-and-tasks figure labels garbled by extraction"),
    (968, 978, "module C steps-and-tasks figure labels garbled by extraction"),
    (1493, 1502, "bibliography entries interleaved across a page break (checked separately)"),
    (1569, 1569, "page number"),
    (1592, 1620, "two-column back page read row by row (checked word by word)"),
    (1634, 1636, "logo text"),
]


def excluded(number: int) -> str | None:
    for first, last, why in LAYOUT:
        if first <= number <= last:
            return why
    return None


@dataclass(frozen=True)
class Line:
    number: int
    text: str   # repaired
    raw: str    # as extracted


def _repair(text: str, corrections: list[tuple[str, str]]) -> str:
    """Undo extraction defects that folding alone does not remove; apply our corrections."""
    text = re.sub(r"\^\{[0-9]+\.\}\s*", "", text)           # footnote numbers: ^{14.}
    text = re.sub(r"\^[abc]\b", "", text)                    # annex I markers: ^a
    text = re.sub(f"[{SUPERSCRIPTS}]+", "", text)            # superscript markers
    text = re.sub(r'(?<=issue"\.) 10\b', "", text)           # marker printed as ' 10'
    text = re.sub(r"(?<=as they:) 12\b", "", text)           # marker printed as ': 12'
    text = re.sub(r"\$b\.\s*\\quad\s*\\text\{(.*?)\}\s*\\\\\$", r"\1", text)  # LaTeX garble in annex I note b
    text = re.sub(r"^[abc]\.\s+(?=For details)", "", text)   # annex I note labels
    for wrong, right in (("quidelines", "guidelines"), ("brining", "bringing"), ("Ibio", "Ibid."),
                         ("the the SIDS", "the SIDS"), ("Regiona Bureau", "Regional Bureau"),
                         ("22 5-brane 2018)", "22 February 2018)")):
        text = text.replace(wrong, right)
    for original, corrected in corrections:
        text = text.replace(original, corrected)
    return text


def source_lines(corrections: list[tuple[str, str]]) -> list[Line]:
    raw = SOURCE.read_text(encoding="utf-8").splitlines()
    return [Line(i, _repair(t, corrections), t) for i, t in enumerate(raw, start=1)]


def is_footnote(line: Line) -> bool:
    raw = line.raw
    return bool(re.match(r"\s*(\^\{\d+\.\}|S\. Pfisterer, N\. Payandeh| Available from https://thepartneringinitiative\.org/wp-content/uploads/2014/11)", raw))


@dataclass
class Miss:
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text[:160]}"


def forward(site_text: str, corrections: list[tuple[str, str]]) -> list[Miss]:
    """Source sentences not found in the site text."""
    corpus = fold(site_text)
    misses = []
    for line in source_lines(corrections):
        if excluded(line.number) or not line.text.strip():
            continue
        for sentence in sentences(line.text):
            if fold(sentence) and fold(sentence) not in corpus:
                misses.append(Miss(f"source line {line.number}", sentence))
    return misses


def reverse(units: list[tuple[str, str]], corrections: list[tuple[str, str]]) -> list[Miss]:
    """Content sentences not found in the source. `units` is [(where, plain text)]."""
    lines = source_lines(corrections)
    layout_only = {n for first, last, _ in LAYOUT for n in range(first, last + 1)
                   if n not in range(1493, 1503)}
    body = "".join(fold(line.text) for line in lines if not is_footnote(line) and line.number not in layout_only)
    notes = "".join(fold(line.text) for line in lines if is_footnote(line))
    everything = "".join(fold(line.text) for line in lines)
    misses = []
    for where, text in units:
        for sentence in sentences(text):
            unit = fold(sentence)
            if unit and unit not in body and unit not in notes and unit not in everything:
                misses.append(Miss(where, sentence))
    return misses


def passage(first: int, last: int) -> str:
    """Source lines first..last folded into one string, extraction defects repaired."""
    return "".join(fold(line.text) for line in source_lines([])[first - 1:last])
