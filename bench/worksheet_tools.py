"""The cost of one keystroke on a worksheet with 1,000 rows, worksheet-derived.js included: the
stakeholder inventory with its interest–influence grid, typed in a column the grid does not read
and in one it reads. Run: .venv/bin/python bench/worksheet_tools.py <a built site folder>"""
from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from macros.outputs.browser import launch

LEVELS = ("High", "Medium", "Low")
TYPE = """(column) => {
  const el = document.querySelector('#ws-inventory > tbody > tr [data-cell=' + column + '] :is(input, textarea)'), out = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    el.dispatchEvent(new Event('input', { bubbles: true }));
    out.push(performance.now() - t0);
  }
  return out;
}"""


def main(site: Path) -> None:
    csv = Path(tempfile.gettempdir()) / "worksheet-tools-1000.csv"
    rows = [f",Partner {n},{LEVELS[n % 3]},{LEVELS[n // 3 % 3]}" for n in range(1000)]
    csv.write_text("\n".join(["row,Potential partner,Interest,Influence", *rows]), encoding="utf-8")
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        page.goto((site / "worksheets/stakeholder-map.html").as_uri())
        page.wait_for_selector("form.worksheet--ready")
        page.locator("[data-import-csv=inventory]").set_input_files(str(csv))
        page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Imported')", timeout=300_000)
        page.wait_for_function("() => document.querySelectorAll('#ws-inventory > tbody > tr').length === 1000", timeout=300_000)
        page.wait_for_function("() => document.querySelectorAll('[data-grid] li').length === 1000", timeout=300_000)
        for column in ("value", "partner"):
            times = page.evaluate(TYPE, column)
            print(f"1,000 rows, one input event in column '{column}', 20 runs: median {statistics.median(times):.1f} ms, "
                  f"max {max(times):.1f} ms")
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
