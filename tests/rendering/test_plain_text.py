"""How CV fields read as text, and the plain-text export."""

from __future__ import annotations

from cvmaker.domain.cv.model import Item
from cvmaker.domain.cv.samples import SAMPLES, arabic_cv, chinese_cv, hebrew_cv, japanese_cv, long_cv, short_cv
from cvmaker.domain.cv.validation import validate_document
from cvmaker.domain.rendering.plain_text import detect_script, format_date, format_period, link_label, to_plain_text


def test_every_sample_is_a_valid_document() -> None:
    for make in SAMPLES.values():
        validate_document(make().to_dict(), ["classic"])


def test_dates_read_as_month_and_year_in_english_and_numerically_elsewhere() -> None:
    assert format_date("2020-03") == "Mar 2020"
    assert format_date("2020-03-15") == "Mar 2020"
    assert format_date("2020") == "2020"
    assert format_date("2020-03", "ja") == "2020/03"
    assert format_date(None) == ""


def test_a_current_role_runs_to_the_present_in_the_cv_language() -> None:
    item = Item(id="a", start_date="2021-03", current=True)
    assert format_period(item) == "Mar 2021 – Present"
    assert format_period(item, "zh") == "2021/03 – 至今"
    assert format_period(Item(id="b", end_date="2019")) == "2019"


def test_links_show_their_label_or_a_short_address() -> None:
    assert link_label("https://www.example.com/me/", None) == "example.com/me"
    assert link_label("https://example.com", "Portfolio") == "Portfolio"


def test_script_detection_sets_language_and_direction() -> None:
    assert (detect_script(short_cv()).language, detect_script(short_cv()).direction) == ("en", "ltr")
    assert (detect_script(arabic_cv()).language, detect_script(arabic_cv()).direction) == ("ar", "rtl")
    assert detect_script(hebrew_cv()).direction == "rtl"
    assert detect_script(chinese_cv()).language == "zh"
    assert detect_script(japanese_cv()).language == "ja"


def test_plain_text_holds_every_visible_field_in_reading_order() -> None:
    document = long_cv()
    text = to_plain_text(document)
    positions = [text.index(section.title.upper()) for section in document.sections]
    assert positions == sorted(positions)
    for section in document.sections:
        for item in section.items:
            for value in (item.title, item.organization, item.location, *item.bullets, *item.keywords):
                if value:
                    assert value in text


def test_hidden_sections_and_items_are_left_out() -> None:
    document = short_cv()
    document.sections[0].items[1].visible = False
    document.sections[-1].visible = False
    text = to_plain_text(document)
    assert "Harbourside Retail Group" not in text
    assert "LANGUAGES" not in text
    assert "Westcountry Energy" in text
