"""Our content says what the publication says: nothing invented, nothing reworded."""
from __future__ import annotations

import fidelity

from macros.content import inline
from macros.content.walk import texts

# Parts rebuilt from source lines that extraction scrambled: their words must all come from
# those lines, but their order cannot be checked sentence by sentence.
RECONSTRUCTED = {
    ("publication", "ordering"): (1588, 1620),
    ("publication", "contacts"): (1622, 1646),
    ("bibliography", "undp-2015"): (1477, 1504),
    ("bibliography", "undp-ssc-2011"): (1477, 1504),
    ("figures", "policy_cycle"): (315, 331),
    ("figures", "II.2 centre"): (315, 331),
}


def units(content):
    """(where, plain text) for every publication text in the content, minus reconstructed parts."""
    out = []
    models = [(f"modules/{m.id}", m) for m in content.modules] + [(f"cases/{c.id}", c) for c in content.cases]
    models += [(f"chapters/{c.id}", c) for c in content.chapters]
    figures = [f.model_copy(update={"centre": None}) if f.id == "II.2" else f for f in content.figures.figures]
    models += [("footnotes", content.footnotes), ("figures", figures)]
    models += [(f"bibliography/{e.id}", e) for e in content.bibliography.entries
               if ("bibliography", e.id) not in RECONSTRUCTED]
    models += [(f"glossary/{t.id}", t.model_copy(update={"defined_in": None})) for t in content.glossary.terms]
    pub = content.publication.model_copy(update={"ordering": [], "contacts": []})
    models.append(("publication", pub))
    for name, model in models:
        for path, text in texts(model):
            out.append((f"{name}:{'.'.join(map(str, path))}", inline.plain(text)))
    return out


def corrections(content):
    return [(c.original, c.corrected) for c in content.corrections.corrections]


def test_every_sentence_of_our_content_is_in_the_publication(content):
    misses = fidelity.reverse(units(content), corrections(content))
    assert not misses, "Text not found in the source:\n" + "\n".join(map(str, misses))


def test_reconstructed_passages_use_only_the_publication_s_words(content):
    pub = content.publication
    parts = {
        ("publication", "ordering"): pub.ordering,
        ("publication", "contacts"): pub.contacts,
        ("figures", "policy_cycle"): content.figures.policy_cycle,
        ("figures", "II.2 centre"): content.figure_by_id["II.2"].centre,
    }
    for entry in content.bibliography.entries:
        if ("bibliography", entry.id) in RECONSTRUCTED:
            parts[("bibliography", entry.id)] = entry
    assert set(parts) == set(RECONSTRUCTED)
    for key, model in parts.items():
        allowed = fidelity.passage(*RECONSTRUCTED[key])
        for path, text in texts(model):
            words = {fidelity.fold(w) for w in inline.plain(text).split()} - {""}
            foreign = sorted(w for w in words if not _found(w, allowed))
            assert not foreign, f"{key} {path}: words not in the source lines: {foreign}"


def _found(word: str, passage: str) -> bool:
    """In the passage whole, or in two pieces (a web address broken across a page break)."""
    return word in passage or any(word[:i] in passage and word[i:] in passage for i in range(3, len(word) - 2))


def test_figure_labels_of_tasks_are_the_figures_own(content):
    labels = [t.figure_label for t in content.tasks if t.figure_label]
    assert len(labels) == 19  # module A (11 tasks) and module C (7) print task labels; 3.3 does not exist
    raw = fidelity.fold(fidelity.SOURCE.read_text(encoding="utf-8"))
    for label in labels:
        assert fidelity.fold(label) in raw, label


def test_corrections_change_only_what_they_list(content):
    source = fidelity.SOURCE.read_text(encoding="utf-8")
    for fix in content.corrections.corrections:
        assert fix.original in " ".join(source.split()), f"{fix.where}: {fix.original!r} is not printed so"
        assert fix.original != fix.corrected


def test_the_comparison_catches_invented_and_reworded_text(content):
    task = content.task_by_id["1.1"]
    original = inline.plain(task.blocks[0].list.items[0].text)
    reworded = original.replace("identify and frame", "name and describe")
    misses = fidelity.reverse([("invented", "Partnerships should always be registered with the ministry."),
                               ("reworded", reworded), ("original", original)], [])
    assert [m.where for m in misses] == ["invented", "reworded"]
