"""The timeline: visits, meetings and events in date order, grouped by year."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Q

from visits.models import Event, Meeting, Visit

# At one date, an event comes before the visits made for it, then standalone meetings.
KIND_ORDER = {"event": 0, "visit": 1, "meeting": 2}


@dataclass
class Entry:
    kind: str
    record: object
    start: datetime.date | None
    end: datetime.date | None
    precision: str

    @property
    def sort_key(self):
        return (self.start is None, self.start or datetime.date.max, KIND_ORDER[self.kind])


@dataclass
class Year:
    year: int | None
    entries: list


def timeline(viewer) -> list[Year]:
    """Every visit, event and standalone meeting `viewer` may see, oldest first, by year.

    A meeting held during a visit the viewer may see is shown within that visit.
    """
    visits = Visit.objects.visible_to(viewer)
    standalone = (
        Meeting.objects.visible_to(viewer)
        .filter(Q(visit__isnull=True) | ~Q(visit__in=visits))
        .with_participants()
    )
    entries = [
        *(Entry("visit", v, v.start, v.end, v.precision) for v in visits.for_detail(viewer)),
        *(
            Entry("event", e, e.start, e.end, e.precision)
            for e in Event.objects.visible_to(viewer).for_listing()
        ),
        *(Entry("meeting", m, m.date, None, m.precision) for m in standalone),
    ]
    entries.sort(key=lambda entry: entry.sort_key)
    return [
        Year(year, list(group))
        for year, group in groupby(entries, key=lambda e: e.start.year if e.start else None)
    ]
