from visits.models.editorial import EditorialModel, EditorialQuerySet, Status
from visits.models.events import Event, EventKind, EventSeries, Topic
from visits.models.people import Official, OfficialName, Organization, Position
from visits.models.visits import Meeting, MeetingParticipant, Visit

__all__ = [
    "EditorialModel",
    "EditorialQuerySet",
    "Event",
    "EventKind",
    "EventSeries",
    "Meeting",
    "MeetingParticipant",
    "Official",
    "OfficialName",
    "Organization",
    "Position",
    "Status",
    "Topic",
    "Visit",
]
