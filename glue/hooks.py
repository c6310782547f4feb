"""MkDocs hooks: load and validate the content, add one generated page per entry, write guidelines.json."""
from __future__ import annotations

import json
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from glue import state  # noqa: E402
from toolkit import csp  # noqa: E402
from toolkit.assessment import model_script  # noqa: E402
from toolkit.export import build_date, guidelines_json, version  # noqa: E402
from toolkit.loader import ContentError  # noqa: E402
from toolkit.site import nav  # noqa: E402


def _nav_config(entries) -> list:
    out = []
    for title, value in entries:
        out.append({title: _nav_config(value) if isinstance(value, list) else value})
    return out


def on_config(config):
    try:
        build = state.start(PROJECT, config.get("site_url") or None)
    except ContentError as exc:
        # Stop before anything is written: a half-built site must never be published.
        raise PluginError(exc.report()) from None
    config["nav"] = _nav_config(nav(build.content, build.pages))
    pub = build.content.publication
    # The version and date let a field office tell whether its offline copy is current.
    config["copyright"] = (
        f"{' · '.join(pub.copyright)}. Reproduced for non-commercial use with full acknowledgement of the source: "
        f"{pub.title}: {pub.subtitle} (UNU-IAS and ESCAP, 2018). "
        f"Toolkit version {version()}, built {build_date()}."
    )
    return config


# Files kept outside web/ (with what defines them) that the site serves.
STATIC = {
    "assets/css/checklist.css": PROJECT / "checklists" / "print.css",
    "assets/js/print-button.js": PROJECT / "checklists" / "print-button.js",
    "assets/css/assessment.css": PROJECT / "assessment" / "assessment.css",
    "assets/js/assessment-core.js": PROJECT / "assessment" / "core.js",
    "assets/js/toolkit-store.js": PROJECT / "assessment" / "storage.js",
    "assets/js/assessment-answers.js": PROJECT / "assessment" / "answers.js",
    "assets/js/assessment.js": PROJECT / "assessment" / "ui.js",
}


def on_files(files, config):
    build = state.current
    for dest, src in STATIC.items():
        files.append(File.generated(config, dest, abs_src_path=str(src)))
    files.append(File.generated(config, "assets/js/assessment-model.js", content=model_script(build.content)))
    for page in build.pages:
        meta = {"description": page.description, "title": page.title}
        if page.assets:
            meta["assets"] = list(page.assets)
        if not page.searchable:
            meta["search"] = {"exclude": True}
        front = json.dumps(meta, ensure_ascii=False)
        body = f"---\n{front}\n---\n\n{{{{ render_page({json.dumps(page.path)}) }}}}\n"
        existing = files.get_file_from_path(page.source)
        if existing is not None:
            raise PluginError(f"{config['docs_dir']}/{page.source} would hide the generated page {page.path}: remove the file")
        files.append(File.generated(config, page.source, content=body))
    return files


def on_post_page(output, page, config):
    return csp.apply(output)


def on_post_template(output, template_name, config):
    return csp.apply(output)  # 404.html


def on_post_build(config):
    build = state.current
    out = Path(config["site_dir"]) / "guidelines.json"
    out.write_text(json.dumps(guidelines_json(build.content, build.renderer), ensure_ascii=False, indent=1) + "\n",
                   encoding="utf-8")
