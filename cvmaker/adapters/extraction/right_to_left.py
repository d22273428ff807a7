"""Words read off a page left to right -> the order they are written in, for Hebrew and Arabic (set right to
left), alone or mixed with Latin words and numbers."""

from __future__ import annotations

import re

_RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic and their forms
_LTR_LETTER = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")


def is_rtl(char: str) -> bool:
    return _RTL_LETTER.match(char) is not None


def logical_order(words: list[str], right_to_left: bool = False) -> list[str]:
    """Words read left to right on the page -> the order they are written in. Hebrew and Arabic are set right
    to left: each such word's letters, and a run of such words, read backwards; in a line that is mostly
    right-to-left, the runs themselves come right to left, while a Latin name or a number inside keeps its own
    order ("Python, Java" in an Arabic line)."""
    if not right_to_left and not any(_RTL_LETTER.search(word) for word in words):
        return words
    rtl = [bool(_RTL_LETTER.search(word)) for word in words]
    words = [word[::-1] if is_rtl else word for word, is_rtl in zip(words, rtl, strict=True)]
    rtl_letters = sum(len(_RTL_LETTER.findall(word)) for word in words)
    ltr_letters = sum(len(_LTR_LETTER.findall(word)) for word in words)
    if right_to_left or rtl_letters >= ltr_letters:
        # Right to left as a whole; a run of Latin words keeps its left-to-right order. Numbers are runs of
        # their own ("+971 4 555 0199" is set "0199 555 4 971+"): digits keep their order, the words do not,
        # and a sign set after the digits goes before them.
        words = [f"{word[-1]}{word[:-1]}" if re.fullmatch(r"\d[\d().-]*[+]", word) else word for word in words]
        letters = [
            not is_rtl and re.search(r"[^\W\d_]", word) is not None for word, is_rtl in zip(words, rtl, strict=True)
        ]
        # A number beside a Latin word belongs to its run ("Python 3"); between right-to-left words or other
        # numbers it stands alone.
        latin = [
            has_letters
            or (
                bool(re.search(r"\d", word))
                and not rtl[i]
                and ((i > 0 and letters[i - 1]) or (i + 1 < len(words) and letters[i + 1]))
            )
            for i, (word, has_letters) in enumerate(zip(words, letters, strict=True))
        ]
        return [words[i] for run in reversed(_runs(latin)) for i in (run[1] if run[0] else reversed(run[1]))]
    # Left to right as a whole: only each run of right-to-left words reads backwards.
    return [words[i] for run in _runs(rtl) for i in (reversed(run[1]) if run[0] else run[1])]


def _runs(flags: list[bool]) -> list[tuple[bool, list[int]]]:
    """Maximal runs of positions with the same flag: [(flag, [positions])]."""
    runs: list[tuple[bool, list[int]]] = []
    for position, flag in enumerate(flags):
        if runs and runs[-1][0] == flag:
            runs[-1][1].append(position)
        else:
            runs.append((flag, [position]))
    return runs
