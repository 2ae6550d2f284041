"""Folded text and word tokens: accent- and case-blind matching with offsets into the original."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SPECIAL = {
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ß": "s",
    "æ": "a",
    "œ": "o",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "´": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "‐": "-",
    "‑": "-",
    "–": "-",
    "—": "-",
}
WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    lower = char.lower()
    if lower in _SPECIAL:
        return _SPECIAL[lower]
    base = [c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c)]
    folded = base[0] if base else char
    return folded if len(folded) == 1 else char


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so offsets stay those of `text`."""
    return "".join(_fold_char(char) for char in text)


def fold_words(text: str) -> tuple[str, ...]:
    """The folded words of a phrase, as gazetteer keys."""
    return tuple(WORD.findall(fold(text)))


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str  # as written
    folded: str

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


def tokenize(text: str, folded: str | None = None) -> list[Token]:
    folded = fold(text) if folded is None else folded
    return [
        Token(match.start(), match.end(), text[match.start() : match.end()], match.group())
        for match in WORD.finditer(folded)
    ]


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, or limit + 1 as soon as it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
