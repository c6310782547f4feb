"""Build the site in every language: English into the site root, each other language into
<site>/<lang>/, one MkDocs build each, then the PDF pack once (what `make build` and
`python -m macros build` run). Everything is built beside the site folder, which is replaced
only when every language and the PDFs are complete."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from macros.outputs.offline import staged_build, zip_name
from macros.project import CONTENT, ROOT
from macros.site import i18n


def language_zip(english_zip: str | None, code: str) -> str:
    """The offline ZIP a language's download page serves: GUIDELINES_OFFLINE_ZIP names the
    English one (`make build`); each other language's is beside it (`make offline` builds them
    all). A language whose ZIP was not built links none, rather than another language's."""
    if not english_zip or code == i18n.SOURCE:
        return english_zip or ""
    path = Path(english_zip).with_name(zip_name(code))
    return str(path) if path.is_file() else ""


def build_all(site_dir: Path, content_dir: Path | None = None, overlay_root: Path | None = None,
              jobs: int = 2, site_url: str | None = None) -> list[tuple[str, subprocess.CompletedProcess]]:
    """Every language, English first (its build replaces the site folder). Returns each build's
    result. `site_url` stands for SITE_URL (the published site's address), as the deploy sets it."""
    content_dir = Path(content_dir or os.environ.get("GUIDELINES_CONTENT", CONTENT))
    overlay_root = Path(overlay_root or os.environ.get("GUIDELINES_TRANSLATIONS", content_dir / "translations"))
    languages = i18n.all_languages(overlay_root)
    codes = ",".join(lang.code for lang in languages)
    english_zip = os.environ.get("GUIDELINES_OFFLINE_ZIP")

    def one(lang: i18n.Language) -> tuple[str, subprocess.CompletedProcess[str]]:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDELINES_LANGUAGE=lang.code, GUIDELINES_LANGUAGES=codes,
                   GUIDELINES_CONTENT=str(content_dir), GUIDELINES_TRANSLATIONS=str(overlay_root),
                   GUIDELINES_OFFLINE_ZIP=language_zip(english_zip, lang.code))
        if site_url is not None:
            env["SITE_URL"] = site_url
        out = site_dir / lang.prefix if lang.prefix else site_dir
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        return lang.code, result

    first = one(languages[0])
    if first[1].returncode:
        return [first]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return [first, *pool.map(one, languages[1:])]


def report(results: list[tuple[str, subprocess.CompletedProcess[str]]]) -> int:
    """Print each language's outcome; the number that failed."""
    failed = 0
    for code, result in results:
        if result.returncode:
            failed += 1
            print(f"{code}: build failed\n{result.stdout}{result.stderr}", file=sys.stderr)
        else:
            fallback = [line for line in result.stdout.splitlines() if "fell back to English" in line]
            print(f"{code}: built" + (f"; {fallback[0].split(': ', 1)[1]}" if fallback else ""))
    return failed


def main(site_dir: Path) -> int:
    return staged_build(site_dir, lambda staged: report(build_all(staged)) == 0)
