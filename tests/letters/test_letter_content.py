"""Splitting a letter's text into what the page shows: greeting, paragraphs, lists, closing and signature. The
split only arranges the text: every word of it is kept, in order, and nothing is added but the signature."""

from __future__ import annotations

from datetime import datetime

import pytest

from cvmaker.domain.errors import InvalidInput
from cvmaker.services.letters import LetterBlock, letter_content, letter_date, letter_format
from cvmaker.services.rendering import RenderFormat

NAME = "Ada Lovelace"
RULES_LETTER = """Dear Hiring Manager,

I am applying for the Senior Backend Engineer role at Ledgerly. Most recently I worked as Senior Engineer.

My CV shows the Python and SQL this role asks for.

Some of what I have done:
- Built the billing pipeline.
- Cut latency 40%.

Thank you for your time. I would welcome the chance to talk about the role.

Kind regards,
Ada Lovelace"""


def words(text: str) -> list[str]:
    return text.replace("- ", " ").split()


def test_a_rules_letter_splits_into_greeting_paragraphs_a_list_closing_and_name() -> None:
    content = letter_content(RULES_LETTER, NAME, "25 November 2026")
    assert content.greeting == "Dear Hiring Manager,"
    assert content.blocks == (
        LetterBlock(
            "paragraph",
            (
                (
                    "I am applying for the Senior Backend Engineer role at Ledgerly. Most recently I "
                    "worked as Senior Engineer."
                ),
            ),
        ),
        LetterBlock("paragraph", ("My CV shows the Python and SQL this role asks for.",)),
        LetterBlock("paragraph", ("Some of what I have done:",)),
        LetterBlock("list", ("Built the billing pipeline.", "Cut latency 40%.")),
        LetterBlock("paragraph", ("Thank you for your time. I would welcome the chance to talk about the role.",)),
    )
    assert (content.closing, content.signature) == ("Kind regards,", NAME)


@pytest.mark.parametrize(
    "text",
    [
        RULES_LETTER,
        RULES_LETTER.replace("\n", "\r\n"),
        "Dear Ms Byron,\nI write about the role.\nSecond line kept as a line.\n\n\n\nSincerely,\n\nAda Lovelace\n",
        "Hello team!\n\nShort letter.\n\nBest,\nAda",
        "No greeting, no closing, one paragraph that ends here.",
        "Kind regards,",
        '{{ 7*7 }} {% raw %} <script>alert(1)</script> &amp; <img src="file:///etc/passwd">\n\n- {{ cv.name }}',
        "",
    ],
)
def test_every_word_of_the_text_is_kept_in_order(text: str) -> None:
    content = letter_content(text, NAME, "")
    shown = words(content.all_text())
    expected = words(text)
    if NAME not in text and "\nAda" not in text:
        expected += NAME.split()  # the signature is the one thing added
    assert shown == expected


def test_a_signature_other_than_the_cvs_name_is_kept_as_written() -> None:
    content = letter_content("Dear Sir or Madam,\n\nText.\n\nYours sincerely,\nAda L.", NAME, "")
    assert (content.closing, content.signature) == ("Yours sincerely,", "Ada L.")
    assert content.blocks == (LetterBlock("paragraph", ("Text.",)),)


def test_a_letter_without_a_sign_off_is_signed_with_the_name_and_nothing_is_made_up() -> None:
    content = letter_content("I am applying for the role.\nThank you.", NAME, "")
    assert (content.greeting, content.closing, content.signature) == ("", "", NAME)
    assert content.blocks == (LetterBlock("paragraph", ("I am applying for the role.", "Thank you.")),)


def test_sentences_that_merely_start_like_a_greeting_or_closing_stay_paragraphs() -> None:
    text = (
        "Dear colleagues at Ledgerly have told me about the team and I would like to join it very much, so here "
        "is my letter.\n\nThank you for reading."
    )
    content = letter_content(text, NAME, "")
    assert content.greeting == "" and content.closing == ""
    assert [block.lines[0][:10] for block in content.blocks] == ["Dear colle", "Thank you "]


def test_dates_read_in_the_letters_language() -> None:
    moment = datetime(2026, 3, 5)
    assert letter_date(moment) == "5 March 2026"
    assert letter_date(moment, "ar") == "2026/03/05"


def test_only_pdf_docx_and_text_are_letter_formats() -> None:
    assert [letter_format(f) for f in ("PDF", "DOCX", "TEXT")] == [
        RenderFormat.PDF,
        RenderFormat.DOCX,
        RenderFormat.TEXT,
    ]
    with pytest.raises(InvalidInput) as refused:
        letter_format("JSON_RESUME")
    assert refused.value.problems[0].path == "format"
