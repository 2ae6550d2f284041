"""An official's dossier: the visits, meetings and articles that a viewer may see."""

from django.db.models import Exists, OuterRef, Q

from visits.models import Event, Meeting, MeetingParticipant, Official, Visit
from visits.sections import list_url, section
from visits.sources import sources_section


def official_dossier(*, official: Official, viewer) -> dict:
    """Visits made (as visitor or delegate) and received (met during them), meetings, articles."""
    visits = Visit.objects.visible_to(viewer)
    took_part = MeetingParticipant.objects.filter(official=official, meeting=OuterRef("pk"))
    meetings = Meeting.objects.visible_to(viewer).filter(Exists(took_part))
    delegate = Visit.delegation.through.objects.filter(official=official, visit=OuterRef("pk"))
    made_it = Q(visitor=official) | Exists(delegate)
    made = visits.filter(made_it)
    received = visits.filter(Exists(meetings.filter(visit=OuterRef("pk")))).exclude(made_it)
    return {
        "visits_made": section(
            made.for_listing(viewer), more_url=list_url("visit-list", official=official.slug)
        ),
        "visits_received": section(received.for_listing(viewer)),
        "meetings": section(meetings.for_listing(viewer).order_by("-date", "pk")),
        "sources": sources_section(
            official, viewer, more_url=list_url("article-list", official=official.slug)
        ),
    }


def event_dossier(*, event: Event, viewer) -> dict:
    """The visits made for an event, the other editions of its series, the articles."""
    editions = Event.objects.none()
    if event.series_id:
        editions = (
            Event.objects.visible_to(viewer)
            .filter(series=event.series_id)
            .exclude(pk=event.pk)
            .for_listing()
        )
    return {
        "visits": section(
            Visit.objects.visible_to(viewer).filter(event=event).for_listing(viewer),
            more_url=list_url("visit-list", event=event.slug),
        ),
        "editions": section(
            editions,
            more_url=list_url("event-list", series=event.series.slug) if event.series_id else "",
        ),
        "sources": sources_section(
            event, viewer, more_url=list_url("article-list", event=event.slug)
        ),
    }
