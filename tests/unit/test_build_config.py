"""What a build is told, and only by its mkdocs.yml: the `guidelines` plugin's options, folders
relative to that file; which languages it builds; and the MkDocs behaviour that keeps the
languages of one build apart (tests/build/test_plain_mkdocs_build.py builds a copy of the repository)."""
from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError
from mkdocs_config import write_config

from macros.engine import settings
from macros.engine.plugin import GuidelinesPlugin
from macros.engine.state import Project
from macros.project import ROOT
from macros.site import i18n


def test_folders_are_relative_to_the_config_file_not_to_the_package(tmp_path):
    for name in ("content", "translations", "templates"):
        (tmp_path / name).mkdir()
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - search\n  - guidelines:\n      languages: [fr]\n", encoding="utf-8")
    paths = settings.Paths.of(settings.read(tmp_path / "mkdocs.yml"))
    assert paths == settings.Paths(tmp_path / "content", tmp_path / "translations", tmp_path / "content" / "translations",
                                   tmp_path / "templates", tmp_path / "dist")
    assert settings.read(ROOT / "mkdocs.yml").content == str(ROOT / "content")


@pytest.mark.parametrize("options, expected", [
    ("contnet: content", "guidelines.contnet: Unrecognised configuration name"),
    ("content: nowhere", "isn't an existing directory"),
    ("languages: fr", "guidelines.languages"),
])
def test_a_wrong_option_is_refused_by_name(tmp_path, options, expected):
    for name in ("content", "translations", "templates"):
        (tmp_path / name).mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"plugins:\n  - guidelines:\n      {options}\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=expected):
        settings.read(tmp_path / "mkdocs.yml")


def languages_of(codes: list[str]) -> Project:
    """A project of these languages (what choosing among them needs)."""
    return Project(settings.Paths.of(settings.read(ROOT / "mkdocs.yml")), None,
                   [i18n.Language(code, code, code) for code in codes], {})


def test_the_languages_built_are_every_one_english_first_or_those_named():
    project = languages_of(["en", "fr", "ru"])
    assert project.codes([]) == ["en", "fr", "ru"]
    assert project.codes(["ru", "en"]) == ["en", "ru"]
    assert project.codes(["fr"]) == ["fr"]       # one language alone at the root, as in its ZIP
    with pytest.raises(ValueError, match="add 'en'"):
        project.codes(["fr", "ru"])               # the others live under <code>/ of the English site
    with pytest.raises(ValueError, match="'xx' is not a language of this project"):
        project.codes(["en", "xx"])


def test_each_configuration_has_its_own_plugin_instance(tmp_path):
    """The languages of a build are configurations loaded from one file in one process, each
    holding its language's state on its own instance of the plugin: MkDocs makes one per
    configuration (it keeps and shares only plugins with on_startup, such as Material's search,
    and a hooks file is one module per process). If MkDocs ever shares ours, the languages would
    mix: this fails first (and the build refuses, see GuidelinesPlugin._build_language)."""
    config = write_config(tmp_path / "mkdocs.yml")
    first, second = load_config(str(config)), load_config(str(config))
    ours = [c.plugins.get(settings.PLUGIN) for c in (first, second)]
    assert all(isinstance(p, GuidelinesPlugin) for p in ours) and ours[0] is not ours[1]
    assert first.plugins["macros"] is not second.plugins["macros"]
    assert "on_startup" not in GuidelinesPlugin.__dict__   # which would make MkDocs keep one instance
