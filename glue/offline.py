"""Build the offline ZIP: `python -m glue.offline` (or `make offline`)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from toolkit.content import load  # noqa: E402
from toolkit.package import BUDGET_BYTES, make_zip  # noqa: E402
from toolkit.pdf import print_pack  # noqa: E402


def main() -> int:
    # The same build as the online site: one set of pages serves both.
    site_dir = PROJECT / "build" / "offline-site"
    # GUIDELINES_OFFLINE: the pages then say that they are the offline copy, and link no ZIP.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDELINES_OFFLINE="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site_dir)],
                            cwd=PROJECT, env=env)
    if result.returncode:
        return result.returncode
    print_pack(site_dir)
    package = make_zip(load(PROJECT / "content"), site_dir, PROJECT / "dist")
    mb = package.size / 1024 / 1024
    print(f"{package.zip_path.relative_to(PROJECT)}: {package.files} files, {mb:.2f} MB "
          f"(budget {BUDGET_BYTES / 1024 / 1024:.0f} MB)")
    print(f"{package.checksum_path.relative_to(PROJECT)}: {package.checksum_path.read_text().split()[0]}")
    if not package.within_budget:
        print(f"error: the ZIP is over its size budget of {BUDGET_BYTES} bytes", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
