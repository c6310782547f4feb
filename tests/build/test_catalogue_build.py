"""A build with a bad translation catalogue fails with the checker's report and writes no site."""
from __future__ import annotations

from catalogue_copies import translate, where
from conftest import mkdocs_build


def test_a_build_with_a_bad_catalogue_fails_with_the_report_and_writes_no_site(catalogues, tmp_path):
    po, line = translate(catalogues, "ru", "Step {id}: {title}", "Шаг {title.__init__.__globals__}")
    site = tmp_path / "site"
    result = mkdocs_build(site, catalogues_dir=catalogues)
    assert result.returncode != 0
    assert where(po, line, "Step {id}: {title}") in result.stderr, result.stderr
    assert "{title.__init__.__globals__} is not a placeholder" in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert not site.exists() and not [p.name for p in tmp_path.iterdir() if p.name.startswith("site")]
