"""The offline ZIP: a built site, a plain-text README, a checksum, and a size budget.

Independent of the site engine: it takes a folder that is already built (the offline site of
one language: macros/engine/commands.py builds it, for `python -m macros offline`).

Not one ZIP with every language: the guideline text (English in every language) and Material's
assets would be in it six times, 8.3 MB, over the 5 MB budget; a field office runs a workshop
in one language, and each ZIP holds that language's toolkit whole.
"""
from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..content import inline
from ..content.load import Content
from ..content.model import ParaBlock
from ..project import TEMPLATES, build_date, version
from ..site import i18n
from ..site.templates import environment

NAME = "partnering-guidelines"
# Small enough to email (common services take 10 MB or more): the Thai ZIP was 7.2 MiB once the
# facilitator's packs (ten PDFs, two paper sizes, the script's font embedded) and the Word and
# Excel libraries joined it, up from under 5 MiB (bench/results.md).
BUDGET_BYTES = 10 * 1024 * 1024
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


def readme_text(content: Content, folder: str, zip_name: str, language: str = i18n.SOURCE,
                catalogues: Path = i18n.TRANSLATIONS, templates: Path = TEMPLATES) -> str:
    note = ""
    if language != i18n.SOURCE:
        lang = next(x for x in i18n.catalogue_languages(catalogues) if x.code == language)
        note = i18n.fill(i18n.translator(lang, catalogues).gettext(LANGUAGE_NOTE), language=lang.native)
    pub = content.publication
    reproduction = next(inline.plain(b.p) for b in pub.disclaimer
                        if isinstance(b, ParaBlock) and "non-commercial purposes" in b.p)
    return environment(templates).get_template("offline/README.txt").render(
        pub=pub, version=version(), build_date=build_date(), folder=folder, zip_name=zip_name,
        modules=len(content.modules), steps=len(content.steps), tasks=len(content.tasks), cases=len(content.cases),
        institutions=" and ".join(i.name for i in pub.institutions), reproduction=reproduction, language_note=note,
    )


def make_zip(content: Content, site_dir: Path, dist_dir: Path, zip_name: str | None = None,
             language: str = i18n.SOURCE, catalogues: Path = i18n.TRANSLATIONS, templates: Path = TEMPLATES) -> Package:
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
        readme = readme_text(content, folder, zip_name, language, catalogues, templates)
        archive.writestr(f"{folder}/README.txt", readme.replace("\n", "\r\n"))
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
