"""Build the site in every language: English into the site root, each other language into
<site>/<lang>/, one MkDocs build each (what `make build` and `python -m macros build` run)."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from macros.project import CONTENT, ROOT
from macros.site import i18n


def build_all(site_dir: Path, content_dir: Path | None = None, overlay_root: Path | None = None,
              jobs: int = 2) -> list[tuple[str, subprocess.CompletedProcess]]:
    """Every language, English first (its build empties the site folder). Returns each build's result."""
    content_dir = Path(content_dir or os.environ.get("GUIDELINES_CONTENT", CONTENT))
    overlay_root = Path(overlay_root or os.environ.get("GUIDELINES_TRANSLATIONS", content_dir / "translations"))
    languages = i18n.all_languages(overlay_root)
    codes = ",".join(lang.code for lang in languages)

    def one(lang: i18n.Language) -> tuple[str, subprocess.CompletedProcess]:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDELINES_LANGUAGE=lang.code, GUIDELINES_LANGUAGES=codes,
                   GUIDELINES_CONTENT=str(content_dir), GUIDELINES_TRANSLATIONS=str(overlay_root))
        out = site_dir / lang.prefix if lang.prefix else site_dir
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        return lang.code, result

    first = one(languages[0])
    if first[1].returncode:
        return [first]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return [first, *pool.map(one, languages[1:])]


def main(site_dir: Path) -> int:
    failed = 0
    for code, result in build_all(site_dir):
        if result.returncode:
            failed += 1
            print(f"{code}: build failed\n{result.stdout}{result.stderr}", file=sys.stderr)
        else:
            fallback = [line for line in result.stdout.splitlines() if "fell back to English" in line]
            print(f"{code}: built" + (f"; {fallback[0].split(': ', 1)[1]}" if fallback else ""))
    return 1 if failed else 0
