"""Rich text in every template's HTML: built from the tree, escaped at every text node, links only where allowed."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from cvmaker.adapters.rendering.html import cv_view, rich_block, rich_line
from cvmaker.adapters.rendering.templates import REGISTRY
from tests.rich_text.documents import rich_cv


def test_block_and_inline_html() -> None:
    assert rich_block("a **b**\nc\n\n- d\n- [e](x.org)") == Markup(
        '<p>a <strong>b</strong><br>c</p><ul class="entry-bullets rich-list"><li>d</li>'
        '<li><a href="https://x.org">e</a></li></ul>'
    )
    assert rich_line("*i* <b>") == Markup("<em>i</em> &lt;b&gt;")


def test_every_text_node_and_address_is_escaped() -> None:
    html = str(rich_block('<img src=x onerror=alert(1)> [q"><script>](https://x.org/?a="b"&c=<d>)'))
    assert "<img" not in html and "<script>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="https://x.org/?a=%22b%22&amp;c=%3Cd%3E"' in html


def test_the_view_holds_markup_only_from_the_renderer() -> None:
    view = cv_view(rich_cv())
    entry = view.sections[0].entries[0]
    assert isinstance(view.summary, Markup) and isinstance(entry.description, Markup)
    assert all(isinstance(bullet, Markup) for bullet in entry.bullets)


@pytest.mark.parametrize("template", REGISTRY.names())
def test_every_template_shows_rich_text_and_no_raw_html(template: str) -> None:
    html = REGISTRY.html(rich_cv(template))
    assert "<strong>ten years</strong>" in html and "<em>acute</em>" in html
    assert "<strong>night shift</strong>" in html and '<a href="https://stmarys.nhs.uk">St Mary&#x27;s</a>' in html
    assert '<ul class="entry-bullets rich-list"><li>Led <em>daily</em> audits</li>' in html
    assert '<strong>twelve</strong> students from <a href="https://bristol.ac.uk">Bristol</a> bad</li>' in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html


def test_a_skills_row_shows_its_description_inline() -> None:
    document = rich_cv()
    skills = next(section for section in document.sections if section.kind.value == "SKILLS")
    skills.items[0].keywords = []
    skills.items[0].description = "**Excel** and SQL\n\n- dashboards"
    html = REGISTRY.html(document)
    assert '<span class="row-value"><strong>Excel</strong> and SQL<br>• dashboards</span>' in html
