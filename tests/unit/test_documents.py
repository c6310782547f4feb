"""The documents a newcomer reads first: a short README whose links all lead somewhere, and
measured figures in one place only (bench/results.md), so that no two documents disagree."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ["README.md", "ARCHITECTURE.md", "TESTING.md", "FEATURES.md", "content/README.md"]
README_LINES = 250
# A measurement: a number with a unit of time, size or share ("2 minutes 52 seconds", "1.98 MB",
# "98 %"). Limits that the code enforces are specifications, and live beside the feature.
MEASURED = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:s|seconds?|minutes?|ms|KB|MB|%)(?![\w-])")


def anchors(markdown: str) -> set[str]:
    """GitHub's anchors for the headings of a Markdown file."""
    out = set()
    for heading in re.findall(r"^#+\s+(.+)$", markdown, re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        out.add(slug)
    return out


def links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return re.findall(r"\]\(([^)\s]+)\)", text)


def test_the_readme_is_short():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").count("\n")
    assert lines <= README_LINES, f"README.md has {lines} lines: keep it to {README_LINES}, the rest in FEATURES.md"


def test_the_readme_gives_the_two_commands_and_what_to_read_next():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in text and "make test" in text
    for document in DOCUMENTS[1:]:
        assert f"]({document})" in text, f"README.md does not link {document}"


def test_every_link_of_the_documents_resolves():
    broken = []
    for name in DOCUMENTS:
        path = ROOT / name
        for target in links(path):
            if re.match(r"^[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            resolved = (path.parent / file).resolve() if file else path
            if not resolved.exists():
                broken.append(f"{name}: {target}: no such file")
            elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved.read_text(encoding="utf-8")):
                broken.append(f"{name}: {target}: no such heading in {resolved.name}")
    assert not broken, "\n".join(broken)


def test_measured_figures_are_only_in_the_benchmark_results():
    found = []
    for name in ("README.md", "TESTING.md", "ARCHITECTURE.md"):
        for n, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{name}:{n}: {m.group(0)!r} in {line.strip()!r}" for m in MEASURED.finditer(line)]
    assert not found, "figures belong in bench/results.md:\n" + "\n".join(found)
