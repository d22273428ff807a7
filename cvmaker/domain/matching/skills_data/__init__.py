"""The skills vocabulary shipped with CV Maker (`vocabulary.json`), built by `tests/bench/build_skills_vocabulary.py`
from public lists; their sources and licences are in `LICENSES.md` beside this file.

It is package data, read once on first use, like code: reading it is not the I/O the domain avoids.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("vocabulary.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def vocabulary_terms() -> tuple[dict[str, Any], ...]:
    return tuple(_data()["terms"])


def stop_phrases() -> tuple[str, ...]:
    return tuple(_data().get("stopPhrases", ()))


@lru_cache(maxsize=1)
def esco_label_runs() -> tuple[str, ...]:
    """ESCO concepts' labels, folded, one string per concept (`esco_phrases.txt.gz`)."""
    data = resources.files(__package__).joinpath("esco_phrases.txt.gz").read_bytes()
    return tuple(line for line in gzip.decompress(data).decode("utf-8").split("\n") if line)


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Lower-case English words that name no skill of the vocabulary (`ordinary_words.txt.gz`)."""
    data = resources.files(__package__).joinpath("ordinary_words.txt.gz").read_bytes()
    return frozenset(line for line in gzip.decompress(data).decode("utf-8").split("\n") if line)
