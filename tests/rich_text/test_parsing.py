"""The Markdown subset read into the rich-text tree: what is read, what stays text, and that nothing is lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cvmaker.domain.rich_text.model import BulletList, Emphasis, LineBreak, Link, Paragraph, Strong, Text
from cvmaker.domain.rich_text.parsing import parse_blocks, parse_inlines
from cvmaker.domain.rich_text.plain import plain_line, plain_text

ROOT = Path(__file__).resolve().parents[2]


def test_paragraphs_line_breaks_bold_italics_links_and_lists() -> None:
    text = "Led the **ward** team, *nights*\nand days.\n\nSee [my site](https://ada.dev).\n\n- audits\n* training"
    assert parse_blocks(text) == (
        Paragraph(
            (Text("Led the "), Strong((Text("ward"),)), Text(" team, "), Emphasis((Text("nights"),)), LineBreak())
            + (Text("and days."),)
        ),
        Paragraph((Text("See "), Link("https://ada.dev", (Text("my site"),)), Text("."))),
        BulletList(((Text("audits"),),)),
        BulletList(((Text("training"),),)),  # a new marker starts a new list, as in CommonMark
    )


def test_a_list_right_after_a_line_of_text_is_a_list() -> None:
    assert parse_blocks("Duties:\n- triage\n- audits") == (
        Paragraph((Text("Duties:"),)),
        BulletList(((Text("triage"),), (Text("audits"),))),
    )


def test_underscores_are_text_inside_words_and_around_them() -> None:
    for text in ("wrote snake_case_names and file_name.py", "__init__", "__bold__ and _it_", "name: ________"):
        assert parse_inlines(text) == (Text(text),)
    assert parse_inlines("**bold _x_**") == (Strong((Text("bold _x_"),)),)


def test_nested_emphasis() -> None:
    assert parse_inlines("***both*** and **bold *and italic***") == (
        Emphasis((Strong((Text("both"),)),)),
        Text(" and "),
        Strong((Text("bold "), Emphasis((Text("and italic"),)))),
    )
    assert parse_inlines("[**bold link**](https://x.org)") == (Link("https://x.org", (Strong((Text("bold link"),)),)),)


def test_unclosed_markers_stay_as_typed() -> None:
    for text in ("**not closed", "a * b * c", "5* hotel", "[no link", "[text](", "a_b", "2 * 3 = 6"):
        assert plain_line(text) == text
        assert plain_text(text) == text


def test_html_is_text() -> None:
    text = '<script>alert("x")</script> <b>hi</b> &amp;'
    assert parse_blocks(text) == (Paragraph((Text(text),)),)
    assert parse_inlines(text) == (Text(text),)


def test_links_keep_only_allowed_schemes_and_others_show_their_text() -> None:
    assert parse_inlines("[x](javascript:alert(1))") == (Text("x"),)
    assert parse_inlines("[x](JaVaScRiPt:alert(1))") == (Text("x"),)
    assert parse_inlines("[x](data:text/html,hi)") == (Text("x"),)
    assert parse_inlines("[x](vbscript:msgbox)") == (Text("x"),)
    assert parse_inlines("[x](/relative/path)") == (Text("x"),)
    assert parse_inlines("[x](http://a.org)") == (Link("http://a.org", (Text("x"),)),)
    assert parse_inlines("[mail](mailto:ada@example.com)") == (Link("mailto:ada@example.com", (Text("mail"),)),)
    assert parse_inlines("[call](tel:+441234)") == (Link("tel:+441234", (Text("call"),)),)


def test_a_link_without_a_scheme_gets_https_and_an_email_gets_mailto() -> None:
    assert parse_inlines("[site](example.com/me)") == (Link("https://example.com/me", (Text("site"),)),)
    assert parse_inlines("[mail](ada@example.com)") == (Link("mailto:ada@example.com", (Text("mail"),)),)


def test_a_bullet_reads_inline_only() -> None:
    assert parse_inlines("- not a list, **bold**") == (Text("- not a list, "), Strong((Text("bold"),)))
    assert parse_inlines("# not a heading") == (Text("# not a heading"),)


def test_what_is_not_enabled_stays_as_typed() -> None:
    for text in ("# Heading", "> quote", "`code`", "a | b\n--|--", "---", "Title\n==="):
        assert plain_text(text) == text
    assert plain_text("    indented") == "indented"
    assert parse_blocks("# Heading") == (Paragraph((Text("# Heading"),)),)
    # An image is not read as one: its "!" stays, and the rest is a link.
    assert plain_text("![img](https://x.org/a.png)") == "!img (https://x.org/a.png)"


def test_numbered_lists_keep_their_numbers_as_text() -> None:
    assert plain_text("1. first\n2. second") == "1. first\n2. second"
    assert plain_text("2020. A good year") == "2020. A good year"


def test_an_escaped_marker_is_a_plain_character() -> None:
    assert parse_inlines(r"\*not italic\*") == (Text("*not italic*"),)


def test_text_nested_deeper_than_the_parser_goes_is_kept_whole() -> None:
    text = "- " * 60 + "deep\nmore\n\nafter"
    kept = plain_text(text)
    for word in ("deep", "more", "after"):
        assert word in kept


def test_over_long_input_reads_whole() -> None:
    unit = "**Led** a team of *twelve* nurses on [ward 4](https://nhs.uk). "
    text = (unit * 200)[:10_000]  # the longest description the model allows, cut inside a link
    assert len(parse_blocks(text)) == 1
    read = plain_text(text)
    assert read.count("Led a team of twelve nurses on ward 4 (https://nhs.uk)") == 10_000 // len(unit)
    assert read.endswith(text[-20:])  # the cut link stays as typed
    pathological = "*a **" * 2000 + "[" * 2000 + "x" + "](y)" * 2000
    assert plain_text(pathological).count("a") >= 2000


def test_blank_and_empty_text_has_no_blocks() -> None:
    assert parse_blocks("") == () and parse_blocks(" \n\n ") == () and parse_inlines("  ") == ()


def test_markdown_it_loads_only_when_text_is_read() -> None:
    probe = (
        "import sys\nimport api.app, cvmaker.domain.rendering.plain_text, cvmaker.domain.rich_text.plain\n"
        "before = 'markdown_it' in sys.modules\n"
        "from cvmaker.domain.rich_text.plain import plain_text\nplain_text('**x**')\n"
        "print(before, 'markdown_it' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
