"""Two tabs of one tool, one of them stale, and the randomised run over them (issue 20).

`stale()` makes a tab stale on purpose: it keeps the tab's main thread busy, so that other tabs'
writes wait in its queue, then acts in the same task, from the copy of localStorage it had.

`TwoTabRun` is the randomised two-tab run that the self-assessment, a worksheet and the action
plan share (tests/browser/test_data_layer.py): a seeded random interleaving of typing (stored
after a pause, or at once on leaving the control), typing from a stale copy while the other tab
types, the Back button, reloads and an export imported in the other tab, plus each tool's own
steps; then both tabs and storage hold exactly what was given last, with no conflict. Two tabs
typing one field at once is a conflict (tested on its own), so a tab types a field only once it
shows what the other typed there. A tool says how to reach its controls (a `Tool`).

How many steps, which seeds and how many runs: DATA_LAYER_STEPS (60 in `make test`),
DATA_LAYER_SEED, DATA_LAYER_REPEAT (runs, each with its own seed; 1 in `make test`). TESTING.md."""
from __future__ import annotations

import abc
import os
import random
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from stored import heads

# How long a tab is kept busy: long enough for the other tab's write to come meanwhile. On a
# loaded machine that write can come later; then the test proves nothing (the busy tab acted
# first), says so with NotStale, and pytest runs it again (pytest.ini: --only-rerun NotStale) with
# the tabs kept busy twice as long. Any other failure is never run again.
_busy = {"ms": 1500}


class NotStale(AssertionError):
    """The busy tab acted before the other tab's write, or its copy had that write already."""


def stale_ms() -> int:
    return _busy["ms"]


def check_stale(acted_at: float, after_ms: float, saw: bool = False) -> None:
    """`acted_at`: Date.now() in the busy tab when it acted; `after_ms`: Date.now() in the other
    tab after its write; `saw`: whether the busy tab's copy already had that write."""
    if acted_at > after_ms and not saw:
        return
    _busy["ms"] = min(2 * _busy["ms"], 10000)
    raise NotStale(f"the busy tab acted first or had seen the other tab's write ({acted_at=}, {after_ms=}, {saw=}): "
                   f"run again with the tabs kept busy for {_busy['ms']} ms")


# Keeps a tab busy for `ms`, then, in the same task (so from the copy of localStorage it had when
# it became busy), types into a control (input, then change: the page stores at once) or clicks.
# `probe`: text another tab writes meanwhile; whether this tab's storage had it is recorded.
STALE = """([ms, probe, action]) => {
  window.__stale = undefined;
  setTimeout(() => {
    const end = performance.now() + ms;
    while (performance.now() < end) { /* busy: other tabs' writes wait in the queue */ }
    const saw = Object.keys(localStorage).some(k => (localStorage.getItem(k) || '').includes(probe));
    const at = Date.now();
    const el = document.querySelector(action.selector);
    if (action.kind === 'type') {
      el.value = action.text;
      el.dispatchEvent(new Event('input', {bubbles: true}));
      el.dispatchEvent(new Event('change', {bubbles: true}));
    } else el.click();
    window.__stale = {saw, at};
  }, 0);
}"""


def stale(page, action: dict, probe: str, ms: int | None = None) -> None:
    page.evaluate(STALE, [ms or stale_ms(), probe, action])


def stale_done(page, after_ms: float) -> None:
    """Wait for the stale tab's action; it must have come after `after_ms` (Date.now() in the
    other tab, after its write) and from a copy without the other tab's write, or the test did
    not make the tab stale and proves nothing."""
    page.wait_for_function("() => window.__stale !== undefined", timeout=20000)
    found = page.evaluate("window.__stale")
    check_stale(found["at"], after_ms, found["saw"])


def value_in(page, selector: str):
    return page.evaluate("s => { const el = document.querySelector(s); return el ? el.value : null; }", selector)


# --- the randomised run ------------------------------------------------------------------------
STEPS = int(os.environ.get("DATA_LAYER_STEPS", "60"))
SEED = int(os.environ.get("DATA_LAYER_SEED", "20261205"))
REPEAT = int(os.environ.get("DATA_LAYER_REPEAT", "1"))
# A random test takes `run` (0 … REPEAT-1): each run its own seed, each reported when it fails.
runs = pytest.mark.parametrize("run", range(REPEAT))

Target = tuple[str, str]      # (record, field) as the tool names them


def seed_of(request, run: int, tool_offset: int) -> int:
    return SEED + 1000 * run + tool_offset + (0 if "http" in request.node.name else 1)


class Tool(abc.ABC):
    """What a randomised run needs to know of one tool's page. Controls are found by a CSS
    selector; a tool whose value is not a control's (the assessment's scale) overrides
    shown() and wait_shows()."""

    name = ""
    ready = ""                                   # the selector the page shows once its scripts ran
    weights: dict[str, int] = {}                 # step -> weight: type, stale, back, reload, import, and the tool's own
    required: tuple[str, ...] = ("type", "stale", "back", "import")   # each happens at least once

    @abc.abstractmethod
    def targets(self) -> list[Target]:
        ...

    @abc.abstractmethod
    def selector(self, target: Target) -> str:
        ...

    def default(self, target: Target) -> str | None:
        return ""

    def new_value(self, target: Target, n: int, rng: random.Random) -> str:
        return f"{target[1]} {n} <i>{rng.random():.4f}</i> é"

    @abc.abstractmethod
    def stored(self, page, target: Target) -> list:
        """The target's stored heads, newest first (read by the test, not by the page)."""
        ...

    def shown(self, page, target: Target):
        return value_in(page, self.selector(target))

    def wait_shows(self, page, target: Target, want) -> None:
        page.wait_for_function("([s, v]) => { const el = document.querySelector(s); return !!el && el.value === v; }",
                               arg=[self.selector(target), want], timeout=15000)

    def give(self, page, target: Target, value: str, commit: bool) -> None:
        page.locator(self.selector(target)).fill(value)
        if commit:
            page.locator(self.selector(target)).dispatch_event("change")

    def stale_action(self, target: Target, value: str) -> dict:
        return {"kind": "type", "selector": self.selector(target), "text": value}

    def pick_stale(self, targets: list[Target], rng: random.Random) -> tuple[Target, Target]:
        mine, theirs = rng.sample(targets, 2)
        return mine, theirs

    def instead(self, op: str, rng: random.Random) -> str:
        """The step to take instead of `op` (a worksheet with no rows adds one first)."""
        return op

    @abc.abstractmethod
    def away_and_back(self, page) -> None:
        ...

    @abc.abstractmethod
    def exchange(self, run: TwoTabRun, page, other, path: Path, rng: random.Random) -> str:
        """Export from `page`, import into `other`; returns what was done, for the log."""
        ...

    def finish(self, run: TwoTabRun) -> None:
        """The tool's own checks once every step is done and the tabs reloaded (none by default)."""
        return None


def holds(tool: Tool, target: Target, found: list, want, exact: bool) -> bool:
    """Whether stored heads hold `want` newest (exact: alone). A default (no answer, empty
    text, a status "Not started") may be stored as nothing at all. Two heads of one value are
    that value alone: two tabs that each stored it without having seen the other's keep both
    versions (no key is rewritten), the page shows it once and no conflict (data-view.js
    renders only versions that differ), and the next change removes both."""
    if exact and len({repr(value) for value in found}) > 1:
        return False
    if want == tool.default(target) and not found:
        return True
    return bool(want) and found[:1] == [want]


class TwoTabRun:
    def __init__(self, tool: Tool, pages: list, seed: int, tmp_path: Path, steps: int = STEPS):
        self.tool, self.pages, self.seed, self.tmp_path, self.steps = tool, pages, seed, tmp_path, steps
        self.rng = random.Random(seed)
        self.expected: dict[Target, str | None] = {}    # target -> given last
        self.typing: dict[Target, object] = {}          # given, perhaps not stored yet -> the tab
        self.log: list[str] = []
        self.done = {op: 0 for op in tool.weights}

    # --- what went wrong, with the steps that led there
    def step(self, page, text: str) -> None:
        self.log.append(f"tab {self.pages.index(page)}: {text}")

    def fail(self, what: str, target: Target, page, want) -> None:
        steps = "\n  ".join(self.log[-25:])
        pytest.fail(f"{self.tool.name} (seed {self.seed}), {what}: {target} in {page.url}: stored {self.tool.stored(page, target)!r}, "
                    f"shown {self.tool.shown(page, target)!r}, given last {want!r}\nlast steps (tab 0 or 1):\n  {steps}")

    def want(self, target: Target):
        return self.expected.get(target, self.tool.default(target))

    # --- waiting on state
    def settle(self, *only: Target) -> None:
        """Wait until what was given (and may not be stored yet) is stored."""
        for target in list(only or self.typing):
            if target not in self.typing:
                continue
            tab = self.typing.pop(target)
            want = self.want(target)
            end = time.monotonic() + 15
            while not holds(self.tool, target, self.tool.stored(self.pages[0], target), want, exact=False):
                if time.monotonic() > end:
                    self.fail("never stored", target, tab, want)
                self.pages[0].wait_for_timeout(100)     # polls what is stored, read by the test

    def shows_expected(self, page, target: Target) -> None:
        try:
            self.tool.wait_shows(page, target, self.want(target))
        except PlaywrightTimeout:
            self.fail("not shown", target, page, self.want(target))

    def forget_typing_of(self, page) -> None:
        # Leaving the page stored them (pagehide): checked at the end.
        for t in [t for t, p in self.typing.items() if p is page]:
            del self.typing[t]

    # --- the steps every tool has
    def do_type(self, page, other, n: int) -> bool:
        target = self.rng.choice(self.tool.targets())
        if target in self.typing and self.typing[target] is not page:
            self.settle(target)
        self.shows_expected(page, target)
        value = self.tool.new_value(target, n, self.rng)
        commit = self.rng.random() < 0.4
        self.step(page, f"{n} give {target} {value!r}{' and leave' if commit else ''}")
        self.tool.give(page, target, value, commit)
        self.expected[target] = value
        self.typing[target] = page
        return True

    def do_stale(self, page, other, n: int) -> bool:
        targets = self.tool.targets()
        if len(targets) < 2:
            return False
        mine, theirs = self.tool.pick_stale(targets, self.rng)
        self.settle(mine, theirs)
        self.shows_expected(page, mine)
        self.shows_expected(other, theirs)
        value_mine, value_theirs = self.tool.new_value(mine, n, self.rng), self.tool.new_value(theirs, n, self.rng)
        self.step(page, f"{n} stale: give {mine} {value_mine!r} while the other tab gives {theirs} {value_theirs!r}")
        stale(page, self.tool.stale_action(mine, value_mine), probe=f"probe {n} {self.rng.random()}", ms=1200)
        self.tool.give(other, theirs, value_theirs, True)
        page.wait_for_function("() => window.__stale !== undefined", timeout=20000)
        self.expected[mine], self.expected[theirs] = value_mine, value_theirs
        self.typing[mine], self.typing[theirs] = page, other
        return True

    def do_back(self, page, other, n: int) -> bool:
        self.step(page, f"{n} away and Back")
        self.tool.away_and_back(page)
        self.forget_typing_of(page)
        return True

    def do_reload(self, page, other, n: int) -> bool:
        self.step(page, f"{n} reload")
        page.reload()
        page.wait_for_selector(self.tool.ready)
        self.forget_typing_of(page)
        return True

    def do_import(self, page, other, n: int) -> bool:
        self.settle()
        for t in self.tool.targets():
            self.shows_expected(page, t)
            self.shows_expected(other, t)
        what = self.tool.exchange(self, page, other, self.tmp_path / f"{self.tool.name}-{n}.json", self.rng)
        self.step(page, f"{n} {what}")
        return True

    # --- the run
    def run(self) -> dict[str, int]:
        ops, weights = list(self.tool.weights), list(self.tool.weights.values())
        n = 0
        while n < self.steps:
            page = self.rng.choice(self.pages)
            other = self.pages[1] if page is self.pages[0] else self.pages[0]
            op = self.rng.choices(ops, weights=weights)[0]
            if n > self.steps - 30:                      # every kind of step happens at least once
                op = next((k for k in self.tool.required if not self.done[k]), op)
            op = self.tool.instead(op, self.rng)
            handler = getattr(self, f"do_{op}", None) or getattr(self.tool, f"do_{op}")
            args = (page, other, n) if hasattr(self, f"do_{op}") else (self, page, other, n)
            try:
                if not handler(*args):
                    continue
            except (AssertionError, PlaywrightTimeout) as e:   # a step that could not be taken: say which, after which
                steps = "\n  ".join(self.log[-25:])
                pytest.fail(f"{self.tool.name} (seed {self.seed}), step {n} ({op}) failed: {e}\nlast steps (tab 0 or 1):\n  {steps}")
            self.done[op] = self.done.get(op, 0) + 1
            n += 1
        self.settle()
        for p in self.pages:
            p.reload()
            p.wait_for_selector(self.tool.ready)
        for target in self.tool.targets():
            want = self.want(target)
            if not holds(self.tool, target, self.tool.stored(self.pages[0], target), want, exact=True):
                self.fail("stored", target, self.pages[0], want)
            for p in self.pages:
                if self.tool.shown(p, target) != want:
                    self.fail("shown", target, p, want)
        for p in self.pages:
            assert not p.locator(".dl-conflict").count(), f"{self.tool.name} (seed {self.seed}): a conflict is shown"
        self.tool.finish(self)
        missing = [k for k in self.tool.required if not self.done.get(k)]
        assert not missing, (missing, self.done)
        print(f"\n{self.tool.name} random test, seed {self.seed}: {self.done}")
        return self.done


def tool_heads(page, tool: str, record: str, field: str) -> list:
    return heads(page, tool).get(record, {}).get(field, [])
