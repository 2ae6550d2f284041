"""The iCalendar of published events (RFC 5545), written by hand: escaped, folded, CRLF.

Events are all-day: DTEND is the day after the last one. An event known to the month or the
year ("novembre 2025", "2030") spans that whole month or year, and says so in its description.
The calendar holds the CALENDAR_SIZE events that start last, past ones included.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from visits.dates import DatePrecision
from visits.models import Event

CRLF = "\r\n"
LINE_OCTETS = 75
# Events a calendar holds: those starting last, the upcoming ones first among them.
CALENDAR_SIZE = 100


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line cut into lines of at most 75 octets, never inside a character."""
    if len(line.encode()) <= LINE_OCTETS:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        # Continuation lines begin with a space, which counts.
        room = LINE_OCTETS if not parts else LINE_OCTETS - 1
        if len(current) + len(encoded) > room:
            parts.append(current)
            current = b""
        current += encoded
    parts.append(current)
    return (CRLF + " ").join(part.decode() for part in parts)


def day_after_period(value: datetime.date, precision: str) -> datetime.date:
    """The first day after the day, month or year that `value` stands for."""
    if precision == DatePrecision.YEAR:
        return datetime.date(value.year + 1, 1, 1)
    if precision == DatePrecision.MONTH:
        return datetime.date(value.year + value.month // 12, value.month % 12 + 1, 1)
    return value + datetime.timedelta(days=1)


def event_lines(event: Event, *, url: str, stamp: str) -> list[str]:
    place = ", ".join(
        str(part) for part in [event.city, event.country.name if event.country else ""] if part
    )
    when = event.dates_display
    if event.precision != DatePrecision.DAY:
        when = _("%(dates)s (exact days not known)") % {"dates": when}
    description = "\n\n".join(part for part in [when, event.summary, url] if part)
    last = event.end or event.start
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.slug}@newsroom",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day_after_period(last, event.precision):%Y%m%d}",
        f"SUMMARY:{escape_text(event.name)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{url}",
    ]
    if place:
        lines.append(f"LOCATION:{escape_text(place)}")
    return [*lines, "END:VEVENT"]


class EventCalendarView(View):
    """The latest published events with a date, for a calendar application to subscribe to."""

    def get(self, request):
        stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//newsroom//events//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"X-WR-CALNAME:{escape_text(_('Security diplomacy: events'))}",
        ]
        dated = Event.objects.published().filter(start__isnull=False).order_by("-start", "name")
        latest = sorted(dated[:CALENDAR_SIZE], key=lambda event: (event.start, event.name))
        for event in latest:
            url = request.build_absolute_uri(event.get_absolute_url())
            lines += event_lines(event, url=url, stamp=stamp)
        lines.append("END:VCALENDAR")
        body = "".join(fold(line) + CRLF for line in lines)
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")
