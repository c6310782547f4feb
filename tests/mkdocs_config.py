"""Test builds are plain `mkdocs build` runs of a mkdocs.yml: the repository's own, in a copy of
the repository, or one written here that points the `guidelines` plugin at other folders (copies
with broken or hostile text, the test overlay of an official translation). Nothing reaches a
build but its configuration: no environment variable, no module state."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# What a copy of the repository needs to build the site: no Python, which comes from the
# package installed in the virtual environment.
REPOSITORY = ("mkdocs.yml", "VERSION", "content", "translations", "templates", "overrides", "docs")


def write_config(path: Path, *, site_url: str | None = None, docs_dir: Path | None = None, **options: object) -> Path:
    """The repository's mkdocs.yml, written to `path` with absolute folders: the `guidelines`
    plugin's `options` replace its own (folders as paths), the ZIPs it links are looked for
    beside `path` (in dist/, which no test build has unless it makes one)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV SITE_URL", "null"))
    config.update(site_url=site_url, docs_dir=str(docs_dir or ROOT / "docs"), watch=[])
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    settings = {"content": ROOT / "content", "catalogues": ROOT / "translations", "templates": ROOT / "templates",
                "downloads": path.parent / "dist", **options}
    plugin = {"guidelines": {name: str(value) if isinstance(value, Path) else value for name, value in settings.items()}}
    config["plugins"] = [plugin if isinstance(entry, dict) and "guidelines" in entry else entry for entry in config["plugins"]]
    assert plugin in config["plugins"], "mkdocs.yml has no guidelines plugin to point elsewhere"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def copy_repository(to: Path) -> Path:
    """A copy of what the site is built from; its mkdocs.yml, unchanged."""
    to.mkdir(parents=True)
    for name in REPOSITORY:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, to / name)
    return to / "mkdocs.yml"


def mkdocs(config: Path, site_dir: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict -f config -d site_dir`, as anyone would run it."""
    env = {name: value for name, value in os.environ.items() if name != "SITE_URL"}   # the deploy's, not a test's
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir), *args],
                          cwd=cwd, capture_output=True, text=True, env=dict(env, NO_MKDOCS_2_WARNING="1"))


def config_with_extra_page(tmp_path: Path, name: str, text: str) -> Path:
    """mkdocs.yml with a docs folder holding one more page (warnings and errors happen late in a build)."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / name).write_text(text, encoding="utf-8")
    return write_config(tmp_path / "mkdocs.yml", docs_dir=docs, languages=["en"])


def build_with(config: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(site)],
                          cwd=ROOT, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
