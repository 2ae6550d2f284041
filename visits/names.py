"""Name normalization and matching: any spelling of a person's name finds its official."""

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus an accent.
_FOLDED_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "’": "'",
        "‘": "'",
    }
)
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,'`´]+")


def normalize_name(name: str) -> str:
    """The form names are compared in: no case, no accents, single spaces."""
    text = unicodedata.normalize("NFKD", (name or "").translate(_FOLDED_LETTERS))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.translate(_FOLDED_LETTERS).casefold()
    return _SEPARATORS.sub(" ", text).strip()


def match_official(name: str):
    """The official whose canonical or other name reads as `name`, or None."""
    from visits.models import Official

    return Official.objects.matching(name).first()
