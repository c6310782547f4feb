"""What a build needs to know, from mkdocs.yml alone: the `guidelines` plugin's options.

Every folder is relative to the folder of the mkdocs.yml that names it, never to this package:
a copy of the repository (a fork, a translation team's copy) builds its own content with
whatever installation of the package runs it. Nothing passes between builds in environment
variables; SITE_URL stays MkDocs' own (`site_url: !ENV SITE_URL`) for the deploy.

    plugins:
      - guidelines:
          content: content                # the publication as data
          catalogues: translations        # the gettext catalogues and languages.yml
          official_translations: content/translations   # the default: <content>/translations
          templates: templates            # our Jinja templates
          languages: []                   # every language (the default), or some: [en, fr]
          offline: false                  # the offline copy: one language at the root, no ZIP link
          downloads: dist                 # where `make offline` leaves the ZIPs that pages link
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load


class GuidelinesConfig(base.Config):
    """The options, checked by MkDocs like its own: a misspelt name or a missing folder fails."""

    content = c.Dir(exists=True, default="content")
    catalogues = c.Dir(exists=True, default="translations")
    official_translations = c.Optional(c.Dir(exists=True))
    templates = c.Dir(exists=True, default="templates")
    languages = c.ListOfItems(c.Type(str), default=[])
    offline = c.Type(bool, default=False)
    downloads = c.Dir(exists=False, default="dist")


@dataclass(frozen=True)
class Paths:
    """The folders of one project, absolute."""

    content: Path
    catalogues: Path
    official_translations: Path
    templates: Path
    downloads: Path

    @classmethod
    def of(cls, config: GuidelinesConfig) -> Paths:
        content = Path(config.content)
        overlay = Path(config.official_translations) if config.official_translations else content / "translations"
        return cls(content, Path(config.catalogues), overlay, Path(config.templates), Path(config.downloads))


PLUGIN = "guidelines"


def read(config_file: Path) -> GuidelinesConfig:
    """The plugin's options from a mkdocs.yml, without loading MkDocs' theme and plugins (for the
    command line: `python -m macros check` needs the folders, not a site)."""
    with open(config_file, "rb") as fh:
        raw = yaml_load(fh) or {}
    plugins = raw.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else [
        next(iter(p.items())) if isinstance(p, dict) else (p, {}) for p in plugins]
    options = next((opts or {} for name, opts in entries if name == PLUGIN), None)
    if options is None:
        raise ConfigurationError(f"{config_file}: no `{PLUGIN}` plugin in `plugins:`")
    config = GuidelinesConfig(config_file_path=str(config_file))
    config.load_dict(dict(options))
    errors, warnings = config.validate()
    if errors or warnings:   # an unknown option too: MkDocs only warns, and --strict fails on it
        raise ConfigurationError(f"{config_file}: " + "; ".join(f"{PLUGIN}.{name}: {problem}"
                                                                for name, problem in [*errors, *warnings]))
    return config
