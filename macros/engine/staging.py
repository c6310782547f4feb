"""Atomic builds: MkDocs writes into a staging folder beside site_dir, and only a build that
ends without error or (under --strict) warning replaces site_dir, in two renames. A failed
build leaves the previous site exactly as it was and removes its staging folder."""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class Staging:
    def __init__(self, final: Path):
        self.final = final
        self.staged = final.with_name(f".{final.name}.building-{os.getpid()}")
        self.warnings = _Counter()

    def start(self) -> str:
        """Begin: count warnings, return the folder MkDocs should write into."""
        shutil.rmtree(self.staged, ignore_errors=True)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        return str(self.staged)

    def finish(self, strict: bool) -> bool:
        """Publish the staged site unless a warning will fail the build; True if published."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if strict and self.warnings.count:
            return False  # MkDocs aborts next and calls abandon()
        old = self.final.with_name(f".{self.final.name}.old-{os.getpid()}")
        if self.final.exists():
            self.final.rename(old)
        self.staged.rename(self.final)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def abandon(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        shutil.rmtree(self.staged, ignore_errors=True)
