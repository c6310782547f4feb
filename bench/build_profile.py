"""Where a build's time goes: one build of the site under cProfile, split into its phases.

Profiling slows every call, so the shares matter, not the seconds: each phase's share of
the profiled build, applied to the unprofiled build time measured by run.py.
"""
from __future__ import annotations

import json
import os
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
# (label, file fragment, function names): the cumulative time of those calls.
PHASES = [
    ("load and check the content", "macros/content/load.py", ("load",)),
    ("render our templates (render_page)", "macros/engine/plugin.py", ("render_page",)),
    ("convert Markdown (Python-Markdown)", "markdown/core.py", ("convert",)),
    ("theme templates (Material)", "mkdocs/commands/build.py", ("_build_page",)),
    ("Content-Security-Policy hashes", "macros/site/csp.py", ("apply",)),
    ("search index (Material)", "material/plugins/search/plugin.py", ("on_page_context", "on_post_build")),
    ("Word and Excel files", "macros/outputs/office.py", ("write_blank",)),
]


# A build with some options of the guidelines plugin in place of mkdocs.yml's, as `mkdocs build`
# runs it (macros/engine/commands.py): argv is the config file, the site folder and the options.
BUILD_WITH_OPTIONS = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from macros.engine.commands import configured
build(configured(Path(sys.argv[1]), Path(sys.argv[2]), **json.loads(sys.argv[3])))
"""


def build_command(config: Path, site_dir: Path, *, profile: Path | None = None, **options) -> list[str]:
    """The command of `mkdocs build --strict` (its configuration says strict too), or of the same
    build with `options` of the guidelines plugin (content as a path, languages...)."""
    if not options:
        run = ["-m", "mkdocs", "build", "--quiet", "--strict", "-f", str(config), "-d", str(site_dir)]
    else:
        script = Path(tempfile.mkdtemp()) / "build_with_options.py"
        script.write_text(BUILD_WITH_OPTIONS, encoding="utf-8")
        values = {name: str(value) if isinstance(value, Path) else value for name, value in options.items()}
        run = [str(script), str(config), str(site_dir), json.dumps(values)]
    return [sys.executable, *(["-m", "cProfile", "-o", str(profile)] if profile else []), *run]


def profile(site_dir: Path) -> tuple[float, list[tuple[str, float]]]:
    """English alone, as run.py times it."""
    out = Path(tempfile.mkdtemp()) / "build.prof"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(build_command(PROJECT / "mkdocs.yml", site_dir, profile=out, languages=["en"]), cwd=PROJECT, env=env,
                   check=True, capture_output=True)
    stats = pstats.Stats(str(out)).stats
    total = max(ct for (_, _, _, ct, _) in stats.values())
    found = []
    for label, fragment, names in PHASES:
        seconds = sum(ct for (file, _, func), (_, _, _, ct, _) in stats.items() if func in names and fragment in file)
        found.append((label, seconds))
    return total, found


def table(build_seconds: float, site_dir: Path) -> list[str]:
    total, phases = profile(site_dir)
    rows = ["| phase | share of the build | about |", "|---|---|---|"]
    counted = 0.0
    for label, seconds in phases:
        share = seconds / total
        counted += share
        rows.append(f"| {label} | {share:.0%} | {share * build_seconds:.2f} s |")
    rest = max(0.0, 1 - counted)
    rows.append(f"| the rest: Python start-up, imports, MkDocs, plugins, writing files | {rest:.0%} | {rest * build_seconds:.2f} s |")
    return rows
