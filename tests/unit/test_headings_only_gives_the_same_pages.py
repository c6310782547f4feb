"""What makes the build fast must not change what it makes: Markdown given only the headings
gives the same page and table of contents, and a template edited after a build is rendered as
edited, never from the code compiled for its old text."""
from __future__ import annotations

import re

import markdown

from macros.engine.headings_only import put_back, set_aside
from macros.site.templates import environment

# What the templates make: HTML, and headings as Markdown lines with their anchors.
PAGE = """# Step 3: Building *relationships*

<div class="you-are-here" data-search-exclude>
<p>Part of <a href="../modules/a.html">Module A</a></p>
</div>

<p>Text with Markdown-looking characters: *not emphasis*, [no link](x), {: #no-anchor }</p>
## Task 3.1: Map partners' resources {: #task-3-1 }

<ul class="tick-list"><li>one</li></ul>

### Table 1 {: #task-3-1-table-1 .table-title }
<table><tr><td>cell</td></tr></table>
"""


def _engine() -> markdown.Markdown:
    """Python-Markdown as mkdocs.yml configures it."""
    return markdown.Markdown(extensions=["attr_list", "toc", "tables", "fenced_code"],
                             extension_configs={"toc": {"permalink": "#", "permalink_title": "Link to this section"}})


def _newlines_squeezed(html: str) -> str:
    return re.sub(r"\n+", "\n", html).strip()


def test_markdown_given_only_the_headings_makes_the_same_page_and_contents():
    whole = _engine()
    expected = whole.convert(PAGE)
    engine = _engine()
    skeleton, aside = set_aside(PAGE)
    got = put_back(engine.convert(skeleton), aside)
    assert "not emphasis" not in skeleton and "tick-list" not in skeleton  # the HTML never reaches Markdown
    # Only the newlines between block-level tags may differ (Markdown splits and joins raw blocks).
    assert _newlines_squeezed(got) == _newlines_squeezed(expected)
    assert engine.toc_tokens == whole.toc_tokens
    assert '<h1 id="step-3-building-relationships">Step 3: Building <em>relationships</em><a class="headerlink" ' \
           'href="#step-3-building-relationships" title="Link to this section">#</a></h1>' in got
    assert '<p>Text with Markdown-looking characters: *not emphasis*, [no link](x), {: #no-anchor }</p>' in got


def test_a_template_edited_after_a_build_is_rendered_as_edited(tmp_path):
    template = tmp_path / "page.md"
    template.write_text("first {{ n }}\n", encoding="utf-8")
    assert environment(tmp_path).get_template("page.md").render(n=1) == "first 1\n"
    template.write_text("second {{ n }}\n", encoding="utf-8")
    assert environment(tmp_path).get_template("page.md").render(n=2) == "second 2\n"
