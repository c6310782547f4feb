"""Builds that a test run makes once, however many pytest-xdist workers it runs in.

Each xdist worker has its own session fixtures; without this, every worker would build the
site (and the six languages, and the PDF pack) again. The first worker to ask builds into a
folder all workers share while holding a lock; the others wait for it and read the record
the build left (its return codes and output), so a failed build fails in every worker."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock


def shared_root(tmp_path_factory) -> Path:
    """The run's temporary folder: shared by all workers under xdist, this process's otherwise."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if base.name.startswith("popen-gw") else base


def build_once(tmp_path_factory, name: str, build: Callable[[Path], dict]) -> tuple[Path, dict]:
    """`build(folder)` fills the folder and returns a JSON-serialisable record of how it went."""
    root = shared_root(tmp_path_factory)
    folder = root / name
    record = root / f"{name}.json"
    with FileLock(str(root / f"{name}.lock")):
        if not record.exists():
            record.write_text(json.dumps(build(folder)), encoding="utf-8")
    return folder, json.loads(record.read_text(encoding="utf-8"))
