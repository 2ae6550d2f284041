"""Scoring extraction against labelled articles: precision, recall and F1 per field."""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.ingest.tokens import edit_distance
from visits.names import normalize_name

INVOLVED = {"visitor", "delegation", "met"}
FIELDS = ["people involved", "roles", "host countries", "dates", "events", "visits", "meetings"]


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def same_name(a: str, b: str) -> bool:
    """Two spellings of one person's name: equal but for case and accents, or a typo apart."""
    x, y = normalize_name(a), normalize_name(b)
    if x == y or edit_distance(x, y, 2) <= 2:
        return True
    xs, ys = x.split(), y.split()
    return bool(xs and ys) and xs[-1] == ys[-1] and edit_distance(xs[0], ys[0], 2) <= 2


def same_event(a: str, b: str) -> bool:
    years_a = set(re.findall(r"\b(?:19|20)\d{2}\b", a))
    years_b = set(re.findall(r"\b(?:19|20)\d{2}\b", b))
    if years_a and years_b and not years_a & years_b:
        return False
    words_a, words_b = set(normalize_name(a).split()), set(normalize_name(b).split())
    if not words_a or not words_b:
        return False
    shared = len(words_a & words_b)
    return shared / min(len(words_a), len(words_b)) >= 0.6


def _event_same(expected: dict, found: dict) -> bool:
    """The same database event when the label names one, else names alike."""
    if (expected.get("event") or {}).get("slug"):
        return (expected["event"]["slug"]) == ((found.get("event") or {}).get("slug"))
    return same_event(expected["name"], found["name"])


def _match(expected: list, found: list, same: Callable) -> tuple[int, list, list]:
    left = list(found)
    missed = []
    hits = 0
    for item in expected:
        partner = next((f for f in left if same(item, f)), None)
        if partner is None:
            missed.append(item)
        else:
            left.remove(partner)
            hits += 1
    return hits, missed, left


def _participant_same(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.get("country") == b.get("country")
    if isinstance(a, str) and isinstance(b, str):
        return same_name(a, b)
    return False


def _meeting_same(a: dict, b: dict) -> bool:
    _hits, missed, left = _match(a["participants"], b["participants"], _participant_same)
    return not missed and not left


def _dates(result: dict) -> list[tuple]:
    return [
        (kind, item.get("start"), item.get("end"), item.get("precision"))
        for kind in ("visits", "events")
        for item in result.get(kind, [])
        if item.get("start")
    ]


def field_items(result: dict) -> dict[str, tuple[list, Callable]]:
    """Per field, the items to compare and how two items are found the same."""
    people = result.get("people", [])
    return {
        "people involved": (
            [p["name"] for p in people if p.get("role") in INVOLVED],
            same_name,
        ),
        "roles": (
            [(p["name"], p.get("role")) for p in people],
            lambda a, b: a[1] == b[1] and same_name(a[0], b[0]),
        ),
        "host countries": (
            sorted({v.get("host_country") for v in result.get("visits", [])} - {None}),
            lambda a, b: a == b,
        ),
        "dates": (sorted(set(_dates(result)), key=str), lambda a, b: a == b),
        "events": (result.get("events", []), _event_same),
        "visits": (
            [(v["visitor"], v.get("host_country")) for v in result.get("visits", [])],
            lambda a, b: a[1] == b[1] and same_name(a[0], b[0]),
        ),
        "meetings": (result.get("meetings", []), _meeting_same),
    }


def score(pairs: list[tuple[str, dict, dict]]) -> dict[str, Score]:
    """Micro-averaged scores over (label, expected, found) articles."""
    scores = {name: Score() for name in FIELDS}
    for label, expected, found in pairs:
        wanted, got = field_items(expected), field_items(found)
        for name in FIELDS:
            items, same = wanted[name]
            hits, missed, extra = _match(items, got[name][0], same)
            score_ = scores[name]
            score_.true_positives += hits
            score_.false_negatives += len(missed)
            score_.false_positives += len(extra)
            score_.misses += [f"{label}: missed {m!r}" for m in missed]
            score_.misses += [f"{label}: extra {e!r}" for e in extra]
    return scores


def labelled_articles(directory: Path) -> list[tuple[Path, dict]]:
    """Each article text in `directory` with the expected JSON beside it."""
    return [
        (text, json.loads(text.with_suffix(".json").read_text(encoding="utf-8")))
        for text in sorted(directory.glob("*.txt"))
        if text.with_suffix(".json").exists()
    ]
