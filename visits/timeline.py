"""The timeline: visits, events and standalone meetings in date order, a bounded slice at a time.

The first page shows the latest records and the next ones to come; each year has its own pages.
Every slice is read per kind through the date indexes, ordered and limited, then merged.
"""

import datetime
from dataclasses import dataclass, field
from itertools import groupby
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from visits.aggregates import cached_aggregate
from visits.models import Event, Meeting, Visit

# Entries on a page.
PAGE_SIZE = 50
# Entries to come that the first page shows, at most, after the latest ones.
UPCOMING = 10

# At one date, an event comes before the visits made for it, then standalone meetings.
KIND_ORDER = {"event": 0, "visit": 1, "meeting": 2}

UNDATED = "undated"


@dataclass(frozen=True)
class Position:
    """Where an entry stands in the timeline, written "2024-09-19.visit.7" in a page's URL."""

    start: datetime.date | None
    kind: str
    pk: int

    def __str__(self):
        return f"{self.start.isoformat() if self.start else UNDATED}.{self.kind}.{self.pk}"

    @classmethod
    def parse(cls, text: str) -> "Position":
        """The position `str()` wrote; ValueError for anything else."""
        start, kind, pk = text.split(".")
        if kind not in KIND_ORDER:
            raise ValueError(kind)
        start = None if start == UNDATED else datetime.date.fromisoformat(start)
        return cls(start, kind, int(pk))

    @property
    def sort_key(self):
        return (self.start is None, self.start or datetime.date.max, KIND_ORDER[self.kind], self.pk)

    @property
    def year(self) -> int | None:
        return self.start.year if self.start else None


@dataclass
class Entry:
    kind: str
    record: object
    start: datetime.date | None
    end: datetime.date | None
    precision: str

    @property
    def position(self) -> Position:
        return Position(self.start, self.kind, self.record.pk)

    @property
    def sort_key(self):
        return self.position.sort_key

    @property
    def year(self) -> int | None:
        return self.start.year if self.start else None


@dataclass
class Year:
    year: int | None
    entries: list


@dataclass
class Page:
    """A slice of the timeline, by year, and where the entries just outside it are.

    `earlier` is the first entry shown when entries come before it, and `earlier_year` the year
    whose pages hold them; `later` and `later_year` likewise after the last entry shown.
    """

    years: list = field(default_factory=list)
    earlier: Position | None = None
    earlier_year: int | None = None
    later: Position | None = None
    later_year: int | None = None


@dataclass(frozen=True)
class Span:
    """The dates a slice is drawn from: `since` included, `until` excluded, or the undated."""

    since: datetime.date | None = None
    until: datetime.date | None = None
    undated: bool = False

    @classmethod
    def of_year(cls, year: int | None) -> "Span":
        if year is None:
            return cls(undated=True)
        return cls(datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1))

    def holds(self, position: Position) -> bool:
        if position.start is None:
            return self.undated
        return (
            not self.undated
            and (self.since is None or self.since <= position.start)
            and (self.until is None or position.start < self.until)
        )

    def condition(self, date_field: str) -> Q:
        if self.undated:
            return Q(**{f"{date_field}__isnull": True})
        condition = Q(**{f"{date_field}__isnull": False})
        if self.since:
            condition &= Q(**{f"{date_field}__gte": self.since})
        if self.until:
            condition &= Q(**{f"{date_field}__lt": self.until})
        return condition


def standalone_meetings(viewer):
    """Meetings shown as entries of their own: without a visit, or whose visit `viewer` may not see.

    A meeting held during a visit the viewer may see is shown within that visit.
    """
    visits = Visit.objects.visible_to(viewer)
    return Meeting.objects.visible_to(viewer).filter(~Exists(visits.filter(pk=OuterRef("visit"))))


def _kinds(viewer) -> dict:
    """Per kind, the records `viewer` may see and the field that dates them."""
    return {
        "event": (Event.objects.visible_to(viewer), "start"),
        "visit": (Visit.objects.visible_to(viewer), "start"),
        "meeting": (standalone_meetings(viewer), "date"),
    }


def _with_joins(kind: str, queryset, viewer):
    """The joins an entry of the kind shows."""
    if kind == "visit":
        return queryset.for_detail(viewer)
    if kind == "event":
        return queryset.for_listing()
    return queryset.with_participants()


def _entry(kind: str, record) -> Entry:
    if kind == "meeting":
        return Entry(kind, record, record.date, None, record.precision)
    return Entry(kind, record, record.start, record.end, record.precision)


def _beyond(position: Position, kind: str, date_field: str, *, after: bool) -> Q | None:
    """The records of `kind` after (or before) `position` in timeline order; None if none can be."""
    rank = KIND_ORDER[kind] - KIND_ORDER[position.kind]
    if not after:
        rank = -rank
    strictly, same_date = ("gt", "gte") if after else ("lt", "lte")
    pk_beyond = Q(**{f"pk__{strictly}": position.pk})
    if position.start is None:
        # Among undated entries, only the kind and the key order them.
        return None if rank < 0 else Q() if rank > 0 else pk_beyond
    date = {f"{date_field}__{strictly}": position.start}
    if rank < 0:
        return Q(**date)
    if rank > 0:
        return Q(**{f"{date_field}__{same_date}": position.start})
    return Q(**date) | (Q(**{date_field: position.start}) & pk_beyond)


def _ordered(viewer, span: Span, beyond: Position | None, after: bool):
    """Per kind, the records of `span` after (or before) `beyond`, nearest first."""
    for kind, (queryset, date_field) in _kinds(viewer).items():
        condition = span.condition(date_field)
        if beyond is not None:
            rest = _beyond(beyond, kind, date_field, after=after)
            if rest is None:
                continue
            condition &= rest
        order = [date_field, "pk"] if after else [f"-{date_field}", "-pk"]
        yield kind, queryset.filter(condition).order_by(*order), date_field


def _nearest(items, *, limit: int, after: bool) -> list:
    """The `limit` + 1 items nearest to the start of a slice, in date order."""
    items = sorted(items, key=lambda item: item.sort_key, reverse=not after)[: limit + 1]
    return items if after else items[::-1]


def _slice(viewer, span: Span, *, limit: int, beyond: Position | None = None, after=True):
    """The first `limit` + 1 entries of `span` after (or the last before) `beyond`, in date order.

    Each kind is read through its date index, ordered and limited: never more than `limit` + 1
    rows of each, whatever the size of the table.
    """
    entries = [
        _entry(kind, record)
        for kind, records, _date_field in _ordered(viewer, span, beyond, after)
        for record in _with_joins(kind, records, viewer)[: limit + 1]
    ]
    return _nearest(entries, limit=limit, after=after)


def _positions(viewer, span: Span, *, limit: int) -> list[Position]:
    """The positions of the first `limit` + 1 entries of `span`, read without their records."""
    positions = [
        Position(start, kind, pk)
        for kind, records, date_field in _ordered(viewer, span, None, True)
        for pk, start in records.values_list("pk", date_field)[: limit + 1]
    ]
    return _nearest(positions, limit=limit, after=True)


def _by_year(entries) -> list[Year]:
    return [Year(year, list(group)) for year, group in groupby(entries, key=lambda e: e.year)]


def latest(viewer, *, today: datetime.date | None = None) -> Page:
    """The page that ends with the next entries to come (up to UPCOMING), in date order."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    upcoming = _positions(viewer, Span(since=tomorrow), limit=UPCOMING)
    # The first entry to come that the page leaves out bounds it; without one, the last does.
    end = upcoming[UPCOMING] if len(upcoming) > UPCOMING else None
    entries = _slice(viewer, Span(), limit=PAGE_SIZE, beyond=end, after=False)
    page = Page()
    if len(entries) > PAGE_SIZE:
        older, entries = entries[0], entries[1:]
        page.earlier, page.earlier_year = entries[0].position, older.year
    if end is not None and entries:
        page.later, page.later_year = entries[-1].position, end.year
    page.years = _by_year(entries)
    return page


def year_page(
    viewer, year: int | None, *, after: Position | None = None, before: Position | None = None
) -> Page:
    """A page of one year's entries (None: the undated), from its start or next to a position.

    The position may lie in another year, as the first page's links to earlier and later entries
    do: then nothing of this year is on its other side.
    """
    span = Span.of_year(year)
    if before is not None:
        entries = _slice(viewer, span, limit=PAGE_SIZE, beyond=before, after=False)
        more_before, more_after = len(entries) > PAGE_SIZE, span.holds(before)
        entries = entries[-PAGE_SIZE:]
    else:
        entries = _slice(viewer, span, limit=PAGE_SIZE, beyond=after)
        more_before = after is not None and span.holds(after)
        more_after = len(entries) > PAGE_SIZE
        entries = entries[:PAGE_SIZE]
    page = Page(years=_by_year(entries), earlier_year=year, later_year=year)
    if entries and more_before:
        page.earlier = entries[0].position
    if entries and more_after:
        page.later = entries[-1].position
    return page


def years_on_record(viewer) -> list[int | None]:
    """The years with an entry `viewer` may see, oldest first, None last for undated entries.

    Distinct years take a pass over each table, so the list is cached until a record is written.
    """
    kinds = _kinds(viewer)

    def compute():
        years = set()
        for queryset, date_field in kinds.values():
            # One pass per kind gives the years and, as None, whether an entry is undated.
            of_kind = queryset.order_by().values_list(ExtractYear(date_field), flat=True)
            years.update(of_kind.distinct())
        return [
            *sorted(year for year in years if year is not None),
            *([None] if None in years else []),
        ]

    return cached_aggregate(
        "timeline-years",
        visible=[queryset for queryset, _date_field in kinds.values()],
        compute=compute,
    )


@dataclass
class YearLink:
    year: int | None
    url: str
    current: bool = False


def year_url(year: int | None, **position: Position) -> str:
    """The query string of a year's page, optionally `after` or `before` a position."""
    params = {"year": UNDATED if year is None else year}
    params.update((name, str(value)) for name, value in position.items())
    return f"?{urlencode(params)}"


def _parse_year(text: str) -> int | None:
    """A year of the query string: a number a date can hold, or "undated"; ValueError otherwise."""
    if text == UNDATED:
        return None
    year = int(text)
    if not datetime.MINYEAR <= year < datetime.MAXYEAR:
        raise ValueError(text)
    return year


def _neighbours(years: list, year: int | None) -> tuple[YearLink | None, YearLink | None]:
    """The links to the years on record before and after `year`, the undated coming last."""
    dated = [other for other in years if other is not None]
    before = [other for other in dated if year is None or other < year]
    after = [other for other in dated if year is not None and other > year]
    if year is not None and None in years:
        after.append(None)
    return (
        YearLink(before[-1], year_url(before[-1])) if before else None,
        YearLink(after[0], year_url(after[0])) if after else None,
    )


def timeline(viewer, query) -> dict:
    """The context of the timeline page that `query` (a request's GET) asks for.

    Without a year, the latest entries; with one, a page of that year. ValueError for a query no
    page answers: a malformed year or position, or a year page without entries.
    """
    years = years_on_record(viewer)
    after, before = query.get("after"), query.get("before")
    is_latest = "year" not in query
    if is_latest:
        if after is not None or before is not None:
            raise ValueError("A position needs a year.")
        page, year, previous_year, next_year = latest(viewer), None, None, None
    else:
        if after is not None and before is not None:
            raise ValueError("A page is after a position or before one, not both.")
        year = _parse_year(query["year"])
        page = year_page(
            viewer,
            year,
            after=Position.parse(after) if after is not None else None,
            before=Position.parse(before) if before is not None else None,
        )
        if not page.years:
            raise ValueError("No entry on this page.")
        previous_year, next_year = _neighbours(years, year)
    return {
        "years": page.years,
        "is_latest": is_latest,
        "year": year,
        "year_links": [
            YearLink(other, year_url(other), current=not is_latest and other == year)
            for other in years
        ],
        "earlier_url": year_url(page.earlier_year, before=page.earlier) if page.earlier else "",
        "later_url": year_url(page.later_year, after=page.later) if page.later else "",
        "previous_year": previous_year,
        "next_year": next_year,
    }
