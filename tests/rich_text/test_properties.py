"""Properties of rich text over any input: the HTML holds no markup but the renderer's own tags and allowed
links, and no word typed outside a link's address is ever dropped."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cvmaker.adapters.rendering.html import rich_block, rich_line
from cvmaker.domain.rich_text.plain import plain_line, plain_text

# Markdown's own characters weighted up, so the inputs are full of markers, brackets, HTML and list lines.
PIECES = st.sampled_from(
    [
        "*",
        "**",
        "_",
        "[",
        "]",
        "(",
        ")",
        "](",
        "<",
        ">",
        "&",
        '"',
        "'",
        "\\",
        "\n",
        "\n\n",
        "- ",
        "* ",
        "1. ",
        "javascript:",
        "https://",
        "example.com",
        "<script>",
        "</p>",
        "`",
        "#",
        "> ",
        "    ",
        " ",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40).map("".join)
OUR_TAGS = re.compile(
    r'<(?:/?(?:p|strong|em|li|ul)|br|ul class="entry-bullets rich-list"|a href="(?:https?://|mailto:|tel:)[^"<>]*")>'
)
WORD = re.compile(r"[^\W_]+")


def letters(text: str) -> str:
    return "".join(WORD.findall(text))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_html_holds_only_the_renderers_tags(text: str) -> None:
    for html in (str(rich_block(text)), str(rich_line(text))):
        assert "<" not in OUR_TAGS.sub("", html)


@settings(max_examples=300, deadline=None)
@given(TEXT.filter(lambda text: "](" not in text))
def test_no_word_is_dropped(text: str) -> None:
    for read in (plain_text(text), plain_line(text)):
        # Letters and digits in order: a marker taken away may join two words ("a*b" with "*" read as a marker).
        assert letters(read) == letters(text)
