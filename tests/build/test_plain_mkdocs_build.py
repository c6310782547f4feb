"""A plain `mkdocs build` of a copy of the repository builds every language from the copy's own files."""
from __future__ import annotations

from pathlib import Path

from macros.project import ROOT

PACKAGE = ROOT / "macros"


def test_a_plain_mkdocs_build_of_a_copy_builds_every_language_from_the_copys_own_files(hostile_build):
    """`mkdocs build -f <copy>/mkdocs.yml`, run in a copy of the repository whose content and
    catalogues were changed (the hostile build of conftest.py is such a copy), by this virtual
    environment, whose package is this checkout's: every language is built, each from the
    copy's content and catalogues, not from the files beside the package. (It once read the
    content beside the package: a fork built with another checkout's installation built that
    checkout's content.)"""
    import lxml.html
    from hostile import BREAKOUT, CATALOGUE_ENDINGS

    import macros
    from macros.site import i18n

    site, record = hostile_build
    copy = Path(record["config"]).parent
    assert record["returncode"] == 0, record["output"][-3000:]
    assert Path(macros.__file__).resolve().parent == PACKAGE and not (copy / "macros").exists()
    codes = [lang.code for lang in i18n.catalogue_languages()]
    for code in codes:
        page = lxml.html.fromstring((site / ("" if code == "en" else code) / "cases" / "iv-3.html").read_bytes())
        # The copy's case title (content), in every language's page.
        assert BREAKOUT in page.findtext(".//title"), code
        if code != "en":  # and the copy's catalogue, in each translated page
            assert CATALOGUE_ENDINGS in page.xpath("//meta[@name='description']/@content")[0], code
