"""TeX's OT1 fonts set "é" as an "e" and a separate accent glyph: the text layer gives both characters, in either
order ("R´esum´e", "EXPE´RIENCE"). The glyph step puts each accent back on the letter under it."""

from __future__ import annotations

from cvmaker.adapters.extraction.pdf_glyphs import Glyph, attach_accents


def _glyph(char: str, x0: float, width: float = 6.0, top: float = 100.0) -> Glyph:
    return Glyph(char, x0, x0 + width, top, top + 10.0, 10.0, False, False)


def _text(glyphs: list[Glyph]) -> str:
    return "".join(g.char for g in glyphs)


def test_an_accent_before_its_letter_joins_it() -> None:
    # "R´esum´e": each accent glyph comes first and is drawn over the following letter
    row = [_glyph("R", 0), _glyph("\u00b4", 7.5, 3), _glyph("e", 6), _glyph("s", 12), _glyph("u", 18), _glyph("m", 24)]
    row += [_glyph("\u00b4", 31.5, 3), _glyph("e", 30)]
    assert _text(attach_accents(sorted(row, key=lambda g: g.x0))) == "Résumé"


def test_an_accent_after_its_capital_joins_it() -> None:
    row = [_glyph("E", 0), _glyph("X", 7), _glyph("P", 14), _glyph("E", 21), _glyph("\u00b4", 22.5, 3), _glyph("R", 28)]
    assert _text(attach_accents(sorted(row, key=lambda g: g.x0))) == "EXPÉR"


def test_other_accents_and_the_dotless_i() -> None:
    row = [_glyph("c", 0), _glyph("\u00b8", 1.5, 3), _glyph("a", 7), _glyph("\u02c6", 14.5, 3), _glyph("\u0131", 14, 4)]
    row += [_glyph("\u00a8", 21.5, 3), _glyph("u", 21)]
    assert _text(attach_accents(sorted(row, key=lambda g: g.x0))) == "çaîü"


def test_an_accent_beside_no_letter_is_kept() -> None:
    row = [_glyph("I", 0), _glyph("t", 7), _glyph("\u00b4", 20, 3), _glyph("s", 30)]
    assert _text(attach_accents(row)) == "It\u00b4s"


def test_a_space_in_the_text_layer_splits_words_where_an_italic_letter_overhangs() -> None:
    from cvmaker.adapters.extraction.pdf_glyphs import page_texts

    row = [_glyph("o", 0), _glyph("f", 6, 7.6)]  # the italic "f" reaches past the next letter's left edge
    row += [Glyph("F", 13.2, 19, 100, 110, 10.0, False, True), _glyph("i", 19, 3), _glyph("n", 22)]
    (page,) = page_texts([(600.0, 800.0, row)])
    assert [fragment.text for fragment in page.fragments] == ["of Fin"]
