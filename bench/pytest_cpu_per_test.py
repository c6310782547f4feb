"""CPU time of each test, over the whole process tree of its pytest worker: Python, Playwright's
driver, Chromium's processes and any subprocess (a build, tsc), read from /proc before and after
the test (setup and teardown included). Wall time says little on a shared machine; this does not
depend on what else runs. Linux only.

    PYTHONPATH=bench .venv/bin/python -m pytest -n 3 -p pytest_cpu_per_test
    .venv/bin/python bench/pytest_cpu_per_test.py      # the table, by file and by test

Each worker writes build/cpu-per-test/<worker>.json: [[test id, CPU seconds], ...]."""
from __future__ import annotations

import collections
import json
import os
import sys
from pathlib import Path

import pytest

OUT = Path(__file__).resolve().parent.parent / "build" / "cpu-per-test"
TICK = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> float:
    """utime + stime of every live process under `root`, with what each has reaped of its dead
    children (cutime + cstime): Chromium's renderers come and go within a test."""
    children: dict[int, list[int]] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue   # ended while we listed
        fields = stat.rsplit(")", 1)[1].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
        ticks[int(entry)] = sum(int(x) for x in fields[11:15])
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += ticks.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total / TICK


_rows: list[tuple[str, float]] = []


# runtest_protocol runs where the test runs: under xdist the controller sees every worker's
# logstart/logfinish too, and its process tree holds all the workers (each test counted with
# whatever ran beside it).
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: object):
    start = tree_cpu(os.getpid())
    yield
    _rows.append((item.nodeid, tree_cpu(os.getpid()) - start))


def pytest_sessionfinish(session: object) -> None:
    if not _rows:
        return
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.json").write_text(json.dumps(_rows), encoding="utf-8")


def report(top: int = 30) -> None:
    rows = [tuple(row) for path in sorted(OUT.glob("*.json")) for row in json.loads(path.read_text(encoding="utf-8"))]
    by_file: collections.Counter[str] = collections.Counter()
    for test, seconds in rows:
        by_file[str(test).split("::")[0]] += float(seconds)
    print(f"{len(rows)} tests, {sum(by_file.values()):.0f} CPU-seconds inside them\n")
    print("| CPU s | file |\n|---:|---|")
    for name, seconds in by_file.most_common(top):
        print(f"| {seconds:.1f} | {name} |")
    print("\n| CPU s | test |\n|---:|---|")
    for test, seconds in sorted(rows, key=lambda row: -float(row[1]))[:top]:
        print(f"| {float(seconds):.1f} | {test} |")


if __name__ == "__main__":
    report(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
