"""The offline copy's code paths."""
from __future__ import annotations

from pathlib import Path


def test_the_allowed_code_paths_stay_unused(site):
    config = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
    assert "repo_url" not in config
    assert not any('class="mermaid"' in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
