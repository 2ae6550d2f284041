"""Names of invented officials and the other spellings the press gives them."""

import random

from newsroom.corpus.vocabulary import TRANSLITERATIONS
from visits.models import OfficialName
from visits.names import normalize_name


def _misspellings(last: str) -> list[str]:
    """A doubled letter made single or a single one doubled, and two letters swapped."""
    spellings = []
    for index in range(1, len(last) - 1):
        if last[index] == last[index - 1]:
            spellings.append(last[:index] + last[index + 1 :])
            break
    else:
        middle = len(last) // 2
        if last[middle].islower() and last[middle] not in "aeiouyéèëïî":
            spellings.append(last[:middle] + last[middle] + last[middle:])
    if len(last) > 4 and last[2].isalpha() and last[3].isalpha():
        spellings.append(last[:2] + last[3] + last[2] + last[4:])
    return spellings


def candidates(first: str, last: str) -> list[tuple[str, str]]:
    """Every other spelling a name may take, with its kind, before any is drawn."""
    canonical = f"{first} {last}"
    found = [(f"{first[0]}. {last}", OfficialName.Kind.ALIAS)]
    found.append((f"{last} {first}", OfficialName.Kind.ALIAS))
    found += [
        (canonical.replace(old, new, 1), OfficialName.Kind.TRANSLITERATION)
        for old, new in TRANSLITERATIONS
        if old in canonical
    ]
    found += [(f"{first} {other}", OfficialName.Kind.MISSPELLING) for other in _misspellings(last)]
    return found


def other_names(rng: random.Random, first: str, last: str) -> list[tuple[str, str]]:
    """One to three other names, each reading differently from the canonical name and each other."""
    wanted = rng.choices([1, 2, 3], weights=[45, 35, 20])[0]
    pool = candidates(first, last)
    rng.shuffle(pool)
    seen = {normalize_name(f"{first} {last}")}
    chosen = []
    for name, kind in pool:
        normalized = normalize_name(name)
        if normalized in seen:
            continue
        seen.add(normalized)
        chosen.append((name, kind))
        if len(chosen) == wanted:
            break
    return chosen
