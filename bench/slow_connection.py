"""On a slow connection (issue 25): Chrome's "Slow 3G" profile through CDP (2 s round trip,
50 KB/s down and up), a cold cache, served gzipped over HTTP/1.1 as a static host does; for a
step page its first text (first contentful paint), when it is complete (load), its requests
and bytes transferred, and when the self-assessment is usable (its scripts ran). Beside it,
stock Material serving the same text as plain Markdown pages (bench/run.py's baseline).

    .venv/bin/python bench/slow_connection.py SITE [STOCK_SITE]
    .venv/bin/python bench/slow_connection.py --2g SITE

`--2g`: the light step page (light/steps/3.html, macros/site/light.py) beside the full one on a 2G
profile instead (280 kbit/s down, 256 kbit/s up, 800 ms round trip).

SITE: a built site (English at its root), e.g. `mkdocs build -d /tmp/site`. Prints a Markdown
table; `make bench` adds it to bench/results.md. Budgets (issue 25): first text of a step page
at most 5 s, the self-assessment usable at most 10 s, a step page at most 100 KB transferred.
Measured, never asserted.
"""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

from macros.outputs.browser import ARGS, chromium_path

# Chrome DevTools' "Slow 3G": 400 ms × 5 latency, 500 kbit/s × 0.8 down and up, in bytes a second.
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
# A 2G (EDGE) connection as the "on a slow connection" means it, in bytes a second.
TWO_G = {"offline": False, "latency": 800, "downloadThroughput": 35_000, "uploadThroughput": 32_000}
RUNS = 3
TWO_G_PAGES = {"step": ("steps/3.html", None), "light step": ("light/steps/3.html", None)}
PAGES = {"step": ("steps/3.html", None), "assessment": ("assessment/module-a.html", ".assessment--ready")}
STOCK_PAGES = {"step": ("steps/3.html", None)}


def _serve(site: Path):
    """run.py's server (gzip, as a static host), with keep-alive connections: HTTP/1.1."""
    import functools
    import http.server
    import threading

    import run  # here: run.py imports this module

    class Http11(run._Quiet):
        protocol_version = "HTTP/1.1"

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Http11, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def visit(browser, url: str, ready: str | None = None, conditions: dict[str, object] = SLOW_3G) -> dict[str, float]:
    """One cold visit: first contentful paint, load, `ready` (a selector) seen, in seconds from
    the start of navigation; requests, failed requests, bytes transferred until the network is idle."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", conditions)
    sent: dict[str, float] = {}
    failed = []
    cdp.on("Network.loadingFinished", lambda e: sent.__setitem__(e["requestId"], e["encodedDataLength"]))
    cdp.on("Network.loadingFailed", lambda e: failed.append(e["requestId"]))
    cdp.on("Network.responseReceived", lambda e: e["response"]["status"] >= 400 and failed.append(e["requestId"]))
    page.goto(url, wait_until="load", timeout=300_000)
    found = {"load": page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart / 1000")}
    found["first text"] = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime / 1000")
    if ready:
        page.wait_for_selector(ready, state="attached", timeout=300_000)
        found["usable"] = page.evaluate("performance.now() / 1000")
    page.wait_for_load_state("networkidle", timeout=300_000)
    found["requests"] = len(sent) + len(failed)
    found["failed"] = len(failed)
    found["KB"] = sum(sent.values()) / 1000
    context.close()
    return found


def measure(playwright, site: Path, pages: dict[str, tuple[str, str | None]],
            conditions: dict[str, object] = SLOW_3G) -> dict[str, dict[str, float]]:
    """The median of RUNS cold visits of each page."""
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS) if chromium_path() \
        else playwright.chromium.launch(args=ARGS)
    httpd, base = _serve(site)
    out = {}
    try:
        for name, (path, ready) in pages.items():
            visits = [visit(browser, f"{base}/{path}", ready, conditions) for _ in range(RUNS)]
            out[name] = {key: statistics.median(v[key] for v in visits) for key in visits[0]}
    finally:
        httpd.shutdown()
        browser.close()
    return out


def table(ours: dict[str, dict[str, float]], stock: dict[str, dict[str, float]] | None) -> list[str]:
    lines = ["| page | first text | complete (load) | usable | requests | failed | transferred | budget |",
             "|---|---|---|---|---|---|---|---|"]
    budgets = {"step": "first text ≤ 5 s, ≤ 100 KB", "assessment": "usable ≤ 10 s"}
    for label, figures in [("", ours), ("stock Material, ", stock or {})]:
        for name, f in figures.items():
            usable = f"{f['usable']:.1f} s" if "usable" in f else "–"
            lines.append(f"| {label}{name} | {f['first text']:.1f} s | {f['load']:.1f} s | {usable} | {f['requests']:.0f} | "
                         f"{f['failed']:.0f} | {f['KB']:.0f} KB | {budgets.get(name, '–') if not label else '–'} |")
    return lines


def section(playwright, site: Path, stock_site: Path) -> list[str]:
    """bench/results.md's section: our site and stock Material's (run.py builds both)."""
    return ["## On a slow connection (Chrome's Slow 3G through CDP: 2 s round trip, 50 KB/s; cold cache, "
            f"gzip, HTTP/1.1, 360 px; median of {RUNS})", "", "`bench/slow_connection.py`, which also runs alone on any built site.", "",
            *table(measure(playwright, site, PAGES), measure(playwright, stock_site, STOCK_PAGES)), ""]


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    if argv and argv[0] == "--2g":
        with sync_playwright() as p:
            print("\n".join(table(measure(p, Path(argv[1]), TWO_G_PAGES, TWO_G), None)))
        return 0
    site = Path(argv[0])
    stock_site = Path(argv[1]) if len(argv) > 1 else None
    with sync_playwright() as p:
        ours = measure(p, site, PAGES)
        stock = measure(p, stock_site, STOCK_PAGES) if stock_site else None
    print("\n".join(table(ours, stock)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
