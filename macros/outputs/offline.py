"""The offline ZIP: a built site, a plain-text README, a checksum, and a size budget.

Independent of the site engine: it takes a folder that is already built. `build()` is what
`python -m macros offline` (and `make offline`) runs: build the site, print the PDF pack, zip.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..content import inline
from ..content.load import Content, load
from ..content.model import ParaBlock
from ..project import CONTENT, ROOT, build_date, version
from ..site import i18n
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


LANGUAGE_NOTE = i18n.N_(
    "This copy of the toolkit is in {language}: its menus, page titles, self-assessment questions and checklists "
    "are translated by the toolkit and not reviewed by the publishers; the guideline text is the publication's, "
    "in English. The rest of this file is in English.")


def readme_text(content: Content, folder: str, zip_name: str, language: str = i18n.SOURCE) -> str:
    note = ""
    if language != i18n.SOURCE:
        lang = next(x for x in i18n.catalogue_languages() if x.code == language)
        note = i18n.fill(i18n.translator(lang).gettext(LANGUAGE_NOTE), language=lang.native)
    pub = content.publication
    reproduction = next(inline.plain(b.p) for b in pub.disclaimer
                        if isinstance(b, ParaBlock) and "non-commercial purposes" in b.p)
    return environment().get_template("offline/README.txt").render(
        pub=pub, version=version(), build_date=build_date(), folder=folder, zip_name=zip_name,
        modules=len(content.modules), steps=len(content.steps), tasks=len(content.tasks), cases=len(content.cases),
        institutions=" and ".join(i.name for i in pub.institutions), reproduction=reproduction, language_note=note,
    )


def make_zip(content: Content, site_dir: Path, dist_dir: Path, zip_name: str | None = None,
             language: str = i18n.SOURCE) -> Package:
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir}/index.html not found: build the site first")
    zip_name = zip_name or f"{NAME}-offline-{version()}.zip"
    folder = zip_name.removesuffix(".zip").replace("-offline", "")
    dist_dir.mkdir(parents=True, exist_ok=True)
    zip_path = dist_dir / zip_name
    partial = zip_path.with_suffix(".zip.partial")
    count = 0
    # Written under another name first, so that a failed run never leaves a half-built ZIP.
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{folder}/README.txt", readme_text(content, folder, zip_name, language).replace("\n", "\r\n"))
        count += 1
        for path in sorted(site_dir.rglob("*")):
            # downloads/ holds the online site's copy of an earlier ZIP: never a ZIP inside the ZIP.
            if path.is_file() and not path.name.endswith(EXCLUDE_SUFFIXES) \
                    and path.relative_to(site_dir).parts[0] != "downloads":
                archive.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
                count += 1
    partial.replace(zip_path)
    digest = hashlib.sha256(zip_path.read_bytes()).hexdigest()
    checksum_path = dist_dir / f"{zip_name}.sha256"
    checksum_path.write_text(f"{digest}  {zip_name}\n", encoding="utf-8")
    return Package(zip_path, checksum_path, zip_path.stat().st_size, count)


def zip_name(language: str) -> str:
    """English keeps the name it always had; each other language has its own ZIP."""
    suffix = "" if language == i18n.SOURCE else f"-{language}"
    return f"{NAME}-offline-{version()}{suffix}.zip"


def offline_env(code: str) -> dict[str, str]:
    """One language alone at the root of its site (no switcher), saying that it is the offline
    copy and linking no ZIP (it cannot contain itself)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDELINES_LANGUAGE=code, GUIDELINES_LANGUAGES=code,
               GUIDELINES_OFFLINE="1")
    env.pop("GUIDELINES_OFFLINE_ZIP", None)
    return env


def build_language(code: str, site_dir: Path) -> subprocess.CompletedProcess[bytes]:
    """The offline site in one language (MkDocs replaces site_dir only when it succeeds)."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=ROOT, env=offline_env(code))


def _publish(staged: Path, site_dir: Path) -> None:
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    staged.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def staged_build(site_dir: Path, build_into: Callable[[Path], bool]) -> int:
    """Run `build_into(folder)` (True on success) into a folder beside site_dir, print the PDF
    pack into it, and only then replace site_dir: a failed build leaves the previous site whole."""
    staged = site_dir.with_name(f".{site_dir.name}.building-pdfs-{os.getpid()}")
    try:
        if not build_into(staged):
            return 1
        print_pack(staged, load(Path(os.environ.get("GUIDELINES_CONTENT", CONTENT))).checklists)
        _publish(staged, site_dir)
        return 0
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def build_site(site_dir: Path, offline: str) -> int:
    """The offline site in the one language `offline` names, with its PDF pack, into site_dir.
    (The online site in every language: macros/engine/languages_build.py.)"""
    return staged_build(site_dir, lambda staged: build_language(offline, staged).returncode == 0)


def build(languages: list[str] | None = None) -> int:
    """One ZIP per language, each the same build as the online site (with its own PDF pack),
    zipped into dist/.

    Not one ZIP with every language: the guideline text (English in every language) and
    Material's assets would be in it six times, 8.3 MB, over the 5 MB budget; a field office
    runs a workshop in one language, and each ZIP holds that language's toolkit whole."""
    codes = languages or [lang.code for lang in i18n.catalogue_languages()]
    content = load(CONTENT)
    failed = 0
    for code in codes:
        site_dir = ROOT / "build" / ("offline-site" if code == i18n.SOURCE else f"offline-site-{code}")
        result = build_site(site_dir, offline=code)
        if result:
            return result
        package = make_zip(content, site_dir, ROOT / "dist", zip_name(code), code)
        mb = package.size / 1024 / 1024
        print(f"{package.zip_path.relative_to(ROOT)}: {package.files} files, {mb:.2f} MB "
              f"(budget {BUDGET_BYTES / 1024 / 1024:.0f} MB)")
        print(f"{package.checksum_path.relative_to(ROOT)}: {package.checksum_path.read_text().split()[0]}")
        if not package.within_budget:
            print(f"error: {package.zip_path.name} is over its size budget of {BUDGET_BYTES} bytes", file=sys.stderr)
            failed += 1
    return 1 if failed else 0
