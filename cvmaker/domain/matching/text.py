"""Words and terms: how text is cut into tokens and how a skill's spelling is folded into a lookup key.

One tokenizer serves the vocabulary, job postings and CVs, so "Node.js", "node.js" and "NodeJS," fold alike where
the vocabulary says they are one skill, and a term only ever matches whole tokens: "Go" can never match inside
"going". Hyphens and slashes separate words ("problem-solving" is "problem solving", "CI/CD" is "ci cd"); the
characters that make a technology's name (".NET", "C++", "C#", "R&D") stay inside the token.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"\.?[^\W_](?:[\w+#&.'\u2019]*[^\W_+#]|[+#]+)?")
_DASHES = str.maketrans(
    {
        "\u00ad": "",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2019": "'",
    }
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as written
    key: str  # folded: lower case, no accents
    start: int
    end: int


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DASHES)


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str) -> list[Token]:
    text = normalize(text)
    found = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        found.append(Token(word, fold(word), match.start(), match.end()))
    return found


@lru_cache(maxsize=4096)
def term_key(text: str) -> str:
    """The lookup key of a term or phrase: its folded tokens joined by single spaces. Cached: matching folds the
    same CV texts and requirement wordings again for every job it compares (`bench_match_many`)."""
    return " ".join(t.key for t in tokens(text))


def singular(word: str) -> str:
    """English plural folding for the last word of a term ("APIs" -> "api", "databases" -> "database")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


# Postings pasted from web pages often lose their line breaks ("...where you work.• 4+ years"), so a sentence
# also ends at a bullet, and at a full stop followed at once by a capitalised word ("Proto.IO" stays one).
_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+|\n+|\s*[\u2022\u25cf\u25aa]\s*|(?<=[a-z)][.!?])(?=[A-Z][a-z]|#)|"
    r"\s+\*\s+|\s+-\s+(?=[A-Z])"
)


def sentences(text: str) -> list[str]:
    """Split prose into sentences and list entries (bullets); empty pieces are dropped."""
    return [piece.strip() for piece in _SENTENCE_END.split(normalize(text)) if piece and piece.strip()]
