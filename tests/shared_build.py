"""Builds that a test run makes once, however many pytest-xdist workers it runs in.

Each xdist worker has its own session fixtures; without this, every worker would build the
site (and the six languages, and the PDF pack) again. The first worker to ask builds into a
folder all workers share while holding a lock; the others wait for it and read the record
the build left (its return codes and output), so a failed build fails in every worker.

A build asked for only when a test first needs it came late in a run, with workers waiting on
it; `start_early` starts the builds the collected tests need as soon as collection is done,
each in a thread that takes the same lock. A fixture that asks meanwhile waits on that lock
and reads the same record, so an early build fails the tests that need it as a late one did."""
from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from filelock import FileLock, Timeout

Build = Callable[[Path], dict]


def shared_root(tmp_path_factory) -> Path:
    """The run's temporary folder: shared by all workers under xdist, this process's otherwise."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if base.name.startswith("popen-gw") else base


def _paths(tmp_path_factory, name: str) -> tuple[Path, Path, FileLock]:
    root = shared_root(tmp_path_factory)
    return root / name, root / f"{name}.json", FileLock(str(root / f"{name}.lock"))


def build_once(tmp_path_factory, name: str, build: Build) -> tuple[Path, dict]:
    """`build(folder)` fills the folder and returns a JSON-serialisable record of how it went."""
    folder, record, lock = _paths(tmp_path_factory, name)
    with lock:
        if not record.exists():
            record.write_text(json.dumps(build(folder)), encoding="utf-8")
    return folder, json.loads(record.read_text(encoding="utf-8"))


def build_if_free(tmp_path_factory, name: str, build: Build) -> None:
    """Makes the build unless it is made or being made: another worker holding the lock is
    making it, and waiting on it here would only keep a thread busy."""
    folder, record, lock = _paths(tmp_path_factory, name)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return
    try:
        if not record.exists():
            record.write_text(json.dumps(build(folder)), encoding="utf-8")
    finally:
        lock.release()


_started: list[threading.Thread] = []


def start_early(jobs: Iterable[Callable[[], None]]) -> None:
    """Runs each job (build_if_free of a build, or several in order) in a thread of its own. A
    build that raises leaves no record, so the fixture that needs it builds again when asked and
    the test shows the error."""
    for job in jobs:
        thread = threading.Thread(target=job, daemon=True)
        thread.start()
        _started.append(thread)


def wait_for_early_builds() -> None:
    for thread in _started:
        thread.join()
