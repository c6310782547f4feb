"""linkchecker over the built site with its PDF pack printed (as `make build` leaves it): no broken link."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[1] / "config" / "linkcheckerrc"


def test_linkchecker_finds_no_broken_link(printed_site, tmp_path_factory):
    # Run as root, linkchecker drops to user 'nobody': give it a copy it may read.
    readable = Path(tempfile.mkdtemp(prefix="linkcheck-"))
    copy = readable / "site"
    shutil.copytree(printed_site, copy)
    for path in [readable, *readable.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    linkchecker = Path(sys.executable).with_name("linkchecker")
    try:
        result = subprocess.run(
            [str(linkchecker), "-f", str(CONFIG), "--no-status", "--verbose", (copy / "index.html").as_uri()],
            capture_output=True, text=True, timeout=600,
        )
    finally:
        shutil.rmtree(readable, ignore_errors=True)
    rows = [r for r in csv.reader(io.StringIO("\n".join(line for line in result.stdout.splitlines() if not line.startswith("#"))),
                                  delimiter=";")]
    header, body = rows[0], rows[1:]
    broken = [dict(zip(header, r, strict=False)) for r in body if r and r[header.index("valid")] != "True"]
    assert not broken, "\n".join(f"{b['urlname']} in {b['parentname']}: {b['result']}" for b in broken)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(body) > 100  # it really walked the site (each page once, anchors aside)
