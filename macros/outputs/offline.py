"""The offline ZIP: a built site, a plain-text README, a checksum, and a size budget.

Independent of the site engine: it takes a folder that is already built. `build()` is what
`python -m macros offline` (and `make offline`) runs: build the site, print the PDF pack, zip.
"""
from __future__ import annotations

import hashlib
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..content import inline
from ..content.load import Content, load
from ..project import CONTENT, ROOT, build_date, version
from ..site.templates import environment
from .pdf import print_pack

NAME = "partnering-guidelines"
BUDGET_BYTES = 5 * 1024 * 1024   # small enough to email
# Left out of the ZIP: source maps are for developers; they would double the scripts' size.
EXCLUDE_SUFFIXES = (".map",)


@dataclass
class Package:
    zip_path: Path
    checksum_path: Path
    size: int
    files: int

    @property
    def within_budget(self) -> bool:
        return self.size <= BUDGET_BYTES


def readme_text(content: Content, folder: str, zip_name: str) -> str:
    pub = content.publication
    reproduction = next(inline.plain(b.p) for b in pub.disclaimer
                        if getattr(b, "p", "") and "non-commercial purposes" in b.p)
    return environment().get_template("offline/README.txt").render(
        pub=pub, version=version(), build_date=build_date(), folder=folder, zip_name=zip_name,
        modules=len(content.modules), steps=len(content.steps), tasks=len(content.tasks), cases=len(content.cases),
        institutions=" and ".join(i.name for i in pub.institutions), reproduction=reproduction,
    )


def make_zip(content: Content, site_dir: Path, dist_dir: Path) -> Package:
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir}/index.html not found: build the site first")
    folder = f"{NAME}-{version()}"
    zip_name = f"{NAME}-offline-{version()}.zip"
    dist_dir.mkdir(parents=True, exist_ok=True)
    zip_path = dist_dir / zip_name
    partial = zip_path.with_suffix(".zip.partial")
    count = 0
    # Written under another name first, so that a failed run never leaves a half-built ZIP.
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{folder}/README.txt", readme_text(content, folder, zip_name).replace("\n", "\r\n"))
        count += 1
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and not path.name.endswith(EXCLUDE_SUFFIXES):
                archive.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
                count += 1
    partial.replace(zip_path)
    digest = hashlib.sha256(zip_path.read_bytes()).hexdigest()
    checksum_path = dist_dir / f"{zip_name}.sha256"
    checksum_path.write_text(f"{digest}  {zip_name}\n", encoding="utf-8")
    return Package(zip_path, checksum_path, zip_path.stat().st_size, count)


def build() -> int:
    """Build the site into build/offline-site (the same build as online), print its PDFs, zip it."""
    site_dir = ROOT / "build" / "offline-site"
    # One ZIP with every language: the same tree as online (English at the root, <lang>/ beside
    # it), so the language switcher and the shared English PDF pack work offline too, and a
    # field office can run a workshop in any language from one copy.
    from ..engine.languages_build import build_all

    for code, result in build_all(site_dir):
        if result.returncode:
            print(f"{code}: build failed\n{result.stdout}{result.stderr}", file=sys.stderr)
            return result.returncode
    print_pack(site_dir, load(CONTENT).checklists)
    package = make_zip(load(CONTENT), site_dir, ROOT / "dist")
    mb = package.size / 1024 / 1024
    print(f"{package.zip_path.relative_to(ROOT)}: {package.files} files, {mb:.2f} MB "
          f"(budget {BUDGET_BYTES / 1024 / 1024:.0f} MB)")
    print(f"{package.checksum_path.relative_to(ROOT)}: {package.checksum_path.read_text().split()[0]}")
    if not package.within_budget:
        print(f"error: the ZIP is over its size budget of {BUDGET_BYTES} bytes", file=sys.stderr)
        return 1
    return 0
