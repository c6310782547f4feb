"""Benchmark: build time against a stock Material build, growth with content, page weight per
page type, search index and offline ZIP size, Lighthouse scores, offline search latency, search
quality in every language, a step page and the self-assessment on a slow connection.

    make bench            (or: .venv/bin/python bench/run.py [--no-lighthouse])

Prints Markdown tables and writes them into bench/results.md between its two marker lines,
leaving the rest of the file (figures measured by hand, each with its command) as it is.
Measurements, not tests: nothing here passes or fails on a number, except that every step must run.
"""
from __future__ import annotations

import argparse
import copy
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import build_profile
import search_quality
import slow_connection
import yaml

from macros.content.load import load
from macros.outputs.browser import ARGS, chromium_path
from macros.outputs.offline import make_zip
from macros.site.templates import COMPILED

PROJECT = Path(__file__).resolve().parent.parent


PAGE_TYPES = {
    "home": "index.html", "module": "modules/a.html", "step": "steps/3.html", "case": "cases/iv-3.html",
    "case library": "cases/index.html", "checklist": "checklists/module-a.html",
    "assessment": "assessment/module-a.html", "glossary": "glossary.html",
}
LIGHTHOUSE_PAGES = {"home": "index.html", "step": "steps/3.html", "assessment": "assessment/module-a.html"}
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def timed_build(site_dir: Path, config: Path = PROJECT / "mkdocs.yml", runs: int = 3, **options) -> float:
    """`mkdocs build`, or with `options` of the guidelines plugin in place of the file's
    (build_profile.build_command says how)."""
    times = []
    for _ in range(runs):
        shutil.rmtree(site_dir, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(build_profile.build_command(config, site_dir, **options),
                       cwd=config.parent, env=ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class _Article(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if self.depth and tag in ("p", "li", "h1", "h2", "h3", "h4", "td"):
            self.parts.append("\n\n" + ("#" * int(tag[1]) + " " if tag[0] == "h" and tag[1:].isdigit() else ""))

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def baseline_project(site: Path, where: Path) -> Path:
    """The same text as plain Markdown pages, with stock Material: what a user might build instead."""
    docs = where / "docs"
    for page in site.rglob("*.html"):
        rel = page.relative_to(site)
        if rel.name == "404.html":
            continue
        parser = _Article()
        parser.feed(page.read_text(encoding="utf-8"))
        out = docs / rel.with_suffix(".md")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(parser.parts).strip() + "\n", encoding="utf-8")
    config = where / "mkdocs.yml"
    config.write_text(yaml.safe_dump({"site_name": "Baseline", "theme": {"name": "material"},
                                      "plugins": ["search"], "use_directory_urls": False}), encoding="utf-8")
    return config


HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def without_chinese(baseline: Path, where: Path) -> Path:
    """The baseline without its Han characters (the language names of the translation status
    page): stock Material then never loads jieba's dictionary, which takes about 0.4 s."""
    shutil.copytree(baseline.parent, where)
    for page in (where / "docs").rglob("*.md"):
        page.write_text(HAN.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    return where / baseline.name


class _NoAliases(yaml.SafeDumper):
    """Content may not use YAML aliases (they are refused), so repeated blocks are written out."""

    def ignore_aliases(self, data):
        return True


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)


def _yaml_rewrite(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(_dump(data), encoding="utf-8")


def _item_ids(lst: dict, owner: str, position: tuple[str, ...] = ()):
    """The IDs a list's items get (macros/content/ids.py's rule, on the YAML as written)."""
    for index, item in enumerate(lst["items"], start=1):
        here = (*position, str(item.get("n") or index))
        yield ".".join([owner, *([lst["id"]] if lst.get("id") else []), *here])
        if item.get("list"):
            yield from _item_ids(item["list"], owner, here)


def _grow_module(data: dict, copied: list[str]) -> None:
    """Each task's text ten times; `copied` gets the IDs of the copied lists' items."""
    for step in data["steps"]:
        for task in step["tasks"]:
            text = [b for b in task["blocks"] if "box" not in b]
            for k in range(2, 11):
                for block in copy.deepcopy(text):
                    if "list" in block:  # each copied list needs its own id
                        block["list"]["id"] = f"{block['list'].get('id') or 'main'}-copy-{k}"
                        copied.extend(_item_ids(block["list"], str(task["id"])))
                    task["blocks"].append(block)
    if data["id"] == "E":
        data["closing_blocks"] = data.get("closing_blocks", []) + [{"box": f"IV.{n}"} for n in range(14, 14 + 13 * 6)]


def _grow_sections(sections: list) -> None:
    for section in sections:
        plain = [b for b in section.get("blocks", []) if "p" in b and "[^" not in b["p"]]
        section["blocks"] = section.get("blocks", []) + plain * 9
        _grow_sections(section.get("sections", []))


def tenfold_content(where: Path) -> Path:
    """The content with ten times the text: every task, box and chapter section ten times as long,
    and seven times as many case boxes."""
    root = where / "content"
    shutil.copytree(PROJECT / "content", root)
    for path in (root / "modules").glob("*.yml"):
        copied: list[str] = []
        _yaml_rewrite(path, lambda data, copied=copied: _grow_module(data, copied))
        # Every checklist item has its action or says it only describes (checks/workshops.py):
        # a copy only describes.
        def describe(actions: dict, copied=copied) -> None:
            given = {entry["item"] for entry in actions["items"]}
            actions["items"] += [{"item": ident, "descriptive": True} for ident in copied if ident not in given]
        _yaml_rewrite(root / "checklists" / "actions" / path.name, describe)
    originals = sorted((root / "cases").glob("*.yml"))
    number = 14
    for _ in range(6):
        for original in originals:
            data = yaml.safe_load(original.read_text(encoding="utf-8"))
            data["id"] = f"IV.{number}"
            data["blocks"] = data["blocks"] * 10
            (root / "cases" / f"IV.{number}.yml").write_text(_dump(data), encoding="utf-8")
            number += 1
    for path in (root / "chapters").glob("*.yml"):
        _yaml_rewrite(path, lambda data: _grow_sections(data.get("sections", [])))
    return root


def text_bytes(site: Path) -> int:
    total = 0
    for page in site.rglob("*.html"):
        parser = _Article()
        parser.feed(page.read_text(encoding="utf-8"))
        total += len("".join(parser.parts).encode())
    return total


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves like a static host such as GitHub Pages: text compressed with gzip, cacheable."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        compressible = path.suffix in (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")
        if not compressible or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def page_weights(playwright, base: str, site: Path) -> dict:
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS) if chromium_path() \
        else playwright.chromium.launch(args=ARGS)
    out = {}
    try:
        for name, path in PAGE_TYPES.items():
            context = browser.new_context()
            page = context.new_page()
            loaded: dict[str, int] = {}

            def record(response, loaded=loaded):
                url = response.url
                local = site / url.split("127.0.0.1", 1)[1].split("/", 1)[1].split("?")[0].split("#")[0]
                loaded[url] = local.stat().st_size if local.is_file() else 0

            page.on("response", record)
            page.goto(f"{base}/{path}", wait_until="networkidle")
            sizes = {"HTML": 0, "CSS": 0, "JS": 0, "other": 0}
            for url, size in loaded.items():
                bare = url.split("?")[0]
                kind = "HTML" if bare.endswith(".html") else "CSS" if bare.endswith(".css") else \
                    "JS" if bare.endswith(".js") else "other"
                sizes[kind] += size
            sizes["total"] = sum(sizes.values())
            out[name] = sizes
            context.close()
    finally:
        browser.close()
    return out


def search_latency(playwright, site: Path, queries=("partners", "scaling up", "task 8.2", "Cambodia", "trust")) -> float:
    """Median milliseconds from the last keystroke to the results changing, offline (file://)."""
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS) if chromium_path() \
        else playwright.chromium.launch(args=ARGS)
    try:
        page = browser.new_page()
        page.goto((site / "index.html").as_uri())
        page.locator(".md-search__input").first.click()
        box = page.locator("input.md-search__input")
        for _ in range(30):  # wait until the index has loaded
            box.fill("")
            box.press_sequentially("goal")
            page.wait_for_timeout(300)
            if page.locator(".md-search-result__item").count():
                break
        times = []
        for query in queries * 2:
            box.fill("")
            page.wait_for_timeout(150)
            elapsed = page.evaluate("""query => new Promise(resolve => {
                const input = document.querySelector('input.md-search__input');
                const meta = document.querySelector('.md-search-result__meta');
                const before = meta.textContent;
                const list = document.querySelector('.md-search-result__list');
                const start = performance.now();
                const observer = new MutationObserver(() => {
                  if (list.children.length) { observer.disconnect(); resolve(performance.now() - start); }
                });
                observer.observe(list, {childList: true});
                input.value = query;
                input.dispatchEvent(new Event('input', {bubbles: true}));
                input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'a'}));
                setTimeout(() => { observer.disconnect(); resolve(-1); }, 5000);
            })""", query)
            if elapsed >= 0:
                times.append(elapsed)
        return statistics.median(times) if times else float("nan")
    finally:
        browser.close()


def lighthouse(base: str) -> dict:
    cli = PROJECT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=PROJECT / "bench", check=True)
    env = dict(os.environ, CHROME_PATH=chromium_path(shell=False) or "")
    out = {}
    for name, path in LIGHTHOUSE_PAGES.items():
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "report.json"
            subprocess.run(["node", str(cli), f"{base}/{path}", "--quiet", "--output=json", f"--output-path={report}",
                            "--only-categories=performance,accessibility,best-practices,seo",
                            "--chrome-flags=--headless=new " + " ".join(ARGS)], env=env, check=True, capture_output=True)
            data = json.loads(report.read_text(encoding="utf-8"))
        out[name] = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
        out[name]["failed"] = sorted(a["id"] for a in data["audits"].values()
                                     if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") == "binary")
    return out


def kb(n: int) -> str:
    return f"{n / 1024:.0f} KB"


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args(argv)
    before = read_results(RESULTS)   # before the measuring: a file without its markers fails at once
    lines = [f"Run on {time.strftime('%Y-%m-%d')} with `make bench`, {os.cpu_count()} cores, "
             f"load average {os.getloadavg()[0]:.1f} at the start.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        # English alone, against stock Material building the same English pages. A first build
        # compiles every template (a fresh clone); later ones reuse the compiled code.
        shutil.rmtree(COMPILED, ignore_errors=True)
        first = timed_build(site, runs=1, languages=["en"])
        ours = timed_build(site, languages=["en"])
        every = timed_build(tmp / "every-language-site", runs=1)
        from macros.outputs.pdf import print_pack
        base_config = baseline_project(site, tmp / "baseline")
        stock = timed_build(tmp / "baseline-site", base_config)
        stock_plain = timed_build(tmp / "baseline-plain-site", without_chinese(base_config, tmp / "baseline-plain"))
        big = tenfold_content(tmp / "big")
        big_time = timed_build(tmp / "big-site", runs=1, content=big, languages=["en"])
        growth = text_bytes(tmp / "big-site") / text_bytes(site)
        lines += ["## Build", "", "| build | time | ratio |", "|---|---|---|",
                  f"| this toolkit (validate content, generate {sum(1 for _ in site.rglob('*.html'))} pages) | {ours:.2f} s | {ours / stock:.2f} × stock |",
                  f"| this toolkit, first build (no compiled templates kept yet) | {first:.2f} s | {first / stock:.2f} × stock |",
                  f"| stock Material, same text as plain Markdown pages | {stock:.2f} s | 1 |",
                  f"| stock Material, that text without its Han characters (no jieba dictionary) | {stock_plain:.2f} s | "
                  f"this toolkit is {ours / stock_plain:.2f} × this |",
                  f"| this toolkit, content {growth:.1f} × larger | {big_time:.2f} s | {big_time / ours:.2f} × normal |",
                  f"| this toolkit, every language (`mkdocs build`, one process) | {every:.2f} s | {every / ours:.2f} × English alone |", "",
                  "### Where the build's time goes (cProfile shares of one build, applied to the time above)", ""]
        lines += build_profile.table(ours, tmp / "profiled-site") + [""]

        print_pack(site, load(PROJECT / "content").checklists)
        with sync_playwright() as p:
            httpd, base = serve(site)
            try:
                weights = page_weights(p, base, site)
                lh = {} if args.no_lighthouse else lighthouse(base)
            finally:
                httpd.shutdown()
            latency = search_latency(p, site)
            languages = search_quality.measure(p, tmp / "every-language-site")
            lines += slow_connection.section(p, site, tmp / "baseline-site")
        lines += ["## First visit, per page type (uncompressed bytes)", "",
                  "| page type | HTML | CSS | JS | other | total |", "|---|---|---|---|---|---|"]
        for name, s in weights.items():
            lines.append(f"| {name} | {kb(s['HTML'])} | {kb(s['CSS'])} | {kb(s['JS'])} | {kb(s['other'])} | {kb(s['total'])} |")
        package = make_zip(load(PROJECT / "content"), site, tmp / "dist")
        lines += ["", "## Sizes", "", "| what | size |", "|---|---|",
                  f"| search index (search_index.json) | {kb((site / 'search' / 'search_index.json').stat().st_size)} |",
                  f"| offline ZIP ({package.files} files, budget 5 MB) | {package.size / 1024 / 1024:.2f} MB |", "",
                  "## Search, offline", "", "| measure | value |", "|---|---|",
                  f"| typing a query to seeing results, file://, median of 10 | {latency:.0f} ms |", "",
                  "## Search in every language (the every-language build, from file://)", "",
                  "The tests' query tables typed into the search box one after another "
                  "(`bench/search_quality.py`, which also runs alone on any built site).", ""]
        lines += search_quality.table(languages) + [""]
        if lh:
            lines += ["## Lighthouse 12 (Chromium; local server compressing like a static host; targets: performance ≥ 95, others 100)", "",
                      "| page | performance | accessibility | best practices | SEO | audits below 0.9 |", "|---|---|---|---|---|---|"]
            for name, s in lh.items():
                lines.append(f"| {name} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} | "
                             f"{', '.join(s['failed']) or '–'} |")
            lines.append("")
    print("\n".join(lines))
    RESULTS.write_text(before[0] + FROM + "\n" + "\n".join(lines) + "\n" + TO + before[1], encoding="utf-8")
    return 0


# The part of bench/results.md that `make bench` writes.
RESULTS = PROJECT / "bench" / "results.md"
FROM, TO = "<!-- make bench: from here -->", "<!-- make bench: to here -->"


def read_results(path: Path) -> tuple[str, str]:
    """What comes before and after the part `make bench` writes."""
    text = path.read_text(encoding="utf-8")
    start, end = text.find(FROM), text.find(TO)
    if start < 0 or end < start:
        raise SystemExit(f"{path}: the lines {FROM!r} and {TO!r} mark the part make bench writes; they are missing")
    return text[:start], text[end + len(TO):]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
