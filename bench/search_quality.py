"""Search quality in every language: the tests' query tables (tests/search_queries.yml for
English, tests/search_queries_languages.yml for the others, and the practitioners' own questions
in tests/search_queries_practitioners.yml) typed one after another into the
search box of a site with every language, opened from file:// as the offline copy is; per
language, how many queries have an expected page in the first three results and first, how many
of those first three results lack a word of the query ("Missing:"), and how long the index took
to be ready after the box was clicked.

    .venv/bin/python bench/search_quality.py SITE     (a built site: `mkdocs build -d SITE`)

`make bench` (run.py) runs it on the every-language build it times.
"""
from __future__ import annotations

import importlib.util
import statistics
import sys
from pathlib import Path

from macros.outputs.browser import launch

PROJECT = Path(__file__).resolve().parent.parent


def _tests_helper(name: str):
    """A helper module of the tests, loaded from its file: the query tables and the search
    box's driver are the tests' own."""
    spec = importlib.util.spec_from_file_location(name, PROJECT / "tests" / f"{name}.py")
    assert spec and spec.loader, name
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


search_box = _tests_helper("search_box")
# English again, with the practitioners' own questions (tests/search_queries_practitioners.yml).
PRACTITIONERS = "en (practitioners' questions)"
TOP = search_box.TOP


def measure(playwright, site: Path) -> dict[str, dict]:
    browser = launch(playwright)
    out = {}
    try:
        tables = {**search_box.load_tables(), PRACTITIONERS: search_box.load_practitioners()}
        for code, table in tables.items():
            if code not in ("en", PRACTITIONERS) and not (site / code / "index.html").is_file():
                continue   # a site built in fewer languages: measured in those it has
            root = site.as_uri() if code in ("en", PRACTITIONERS) else (site / code).as_uri()
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            ready = search_box.open_search(page, root)
            ranks, lacks = [], 0
            for entry in table:
                ranks.append(search_box.rank_of(search_box.shown(page, root, entry["q"]), entry["expect"]))
                lacks += search_box.lacking(page)
            context.close()
            out[code] = {"queries": len(table), "top": sum(1 for r in ranks if r is not None and r <= TOP),
                         "first": sum(1 for r in ranks if r == 1), "lacking": lacks, "ready": ready,
                         "missed": [entry["q"] for entry, r in zip(table, ranks, strict=True) if r is None or r > TOP]}
    finally:
        browser.close()
    return out


def table(results: dict[str, dict]) -> list[str]:
    lines = [f"| language | queries | expected page in the first {TOP} | expected page first | "
             f"results of the first {TOP} saying \"Missing:\" | index ready after the click | missed |",
             "|---|---|---|---|---|---|---|"]
    for code, r in results.items():
        lines.append(f"| {code} | {r['queries']} | {r['top']} ({r['top'] / r['queries']:.0%}) | {r['first']} | "
                     f"{r['lacking']} | {r['ready'] * 1000:.0f} ms | {', '.join(r['missed']) or '–'} |")
    everything = [r for code, r in results.items() if code not in ("en", PRACTITIONERS)]
    if everything:
        lines.append(f"| every translation | {sum(r['queries'] for r in everything)} | "
                     f"{sum(r['top'] for r in everything)} | {sum(r['first'] for r in everything)} | "
                     f"{sum(r['lacking'] for r in everything)} | "
                     f"median {statistics.median(r['ready'] for r in everything) * 1000:.0f} ms | |")
    return lines


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    if len(argv) != 1 or not (Path(argv[0]) / "index.html").is_file():
        print(__doc__, file=sys.stderr)
        return 2
    with sync_playwright() as p:
        print("\n".join(table(measure(p, Path(argv[0]).resolve()))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
