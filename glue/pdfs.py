"""Print the checklists' PDF pack into a built site: `python -m glue.pdfs [SITE_DIR]`."""
from __future__ import annotations

import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from toolkit.pdf import print_pack  # noqa: E402


def main(argv: list[str]) -> int:
    site_dir = (Path(argv[0]) if argv else PROJECT / "site").resolve()
    written = print_pack(site_dir)
    total = sum(p.stat().st_size for p in written)
    for path in written:
        print(f"{path.relative_to(site_dir)}: {path.stat().st_size / 1024:.0f} KB")
    print(f"{len(written)} PDFs, {total / 1024 / 1024:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
