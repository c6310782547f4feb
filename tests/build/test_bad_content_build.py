"""A build of content that does not validate fails with the report and writes nothing."""
from __future__ import annotations

from conftest import mkdocs_build


def test_site_build_fails_on_bad_content_and_writes_nothing(broken, tmp_path):
    broken("modules/B.yml", "title: Formation", "title: Formation\ntilte: typo")
    out = tmp_path / "site"
    result = mkdocs_build(out, broken.root)
    assert result.returncode != 0
    assert "tilte: unknown field" in result.stdout + result.stderr
    assert not (out / "index.html").exists()
