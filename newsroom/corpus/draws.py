"""Seeded draws: every choice of a corpus comes from one random.Random, never from the clock."""

import datetime
import itertools
import random
import uuid
from bisect import bisect_right
from collections.abc import Sequence

from visits import dates
from visits.dates import DatePrecision

# Fixed anchors: the corpus spans these years whatever today's date is.
FIRST_DAY = datetime.date(2015, 1, 1)
LAST_DAY = datetime.date(2027, 12, 31)
PRECISIONS = [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]
PRECISION_WEIGHTS = list(itertools.accumulate([85, 12, 3]))


class Zipf:
    """A skewed pick over ranked items: rank k comes up about 1/k as often as the first."""

    def __init__(self, items: Sequence, exponent: float = 1.05):
        self.items = list(items)
        self.cumulative = list(
            itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(len(self.items)))
        )

    def __bool__(self) -> bool:
        return bool(self.items)

    def pick(self, rng: random.Random):
        return self.items[bisect_right(self.cumulative, rng.random() * self.cumulative[-1])]


def chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


def uid(rng: random.Random) -> uuid.UUID:
    """A version-4 UUID drawn from the seed, so the same corpus has the same identifiers."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def day_between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def precision(rng: random.Random) -> str:
    """Mostly day, some month, few year."""
    return rng.choices(PRECISIONS, cum_weights=PRECISION_WEIGHTS)[0]


def date_range(
    rng: random.Random, first: datetime.date = FIRST_DAY, last: datetime.date = LAST_DAY
) -> tuple[datetime.date, datetime.date | None, str]:
    """A start, an end or None, and their precision; each date is the first day of its period."""
    kind = precision(rng)
    start = dates.truncate(day_between(rng, first, last), kind)
    if kind == DatePrecision.DAY:
        end = min(start + datetime.timedelta(days=rng.choice([0, 1, 2, 2, 3, 4])), LAST_DAY)
        return start, end, kind
    return start, (start if chance(rng, 0.3) else None), kind


def moment(rng: random.Random, day: datetime.date) -> datetime.datetime:
    """A time of that day, as a timestamp in UTC."""
    return datetime.datetime.combine(
        day, datetime.time(rng.randrange(6, 23), rng.randrange(60)), tzinfo=datetime.UTC
    )
