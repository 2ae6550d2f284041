"""Writes of several steps: a record and the records nested in it, in one transaction."""

from collections.abc import Callable, Iterable

from django.db import models, transaction

from visits.models import (
    Meeting,
    MeetingParticipant,
    Official,
    OfficialName,
    Position,
    Topic,
    Visit,
)


def _saved(instance: models.Model, data: dict) -> models.Model:
    """Set `data` on the instance, check it as the model does, and save it."""
    for name, value in data.items():
        setattr(instance, name, value)
    derived = [field.name for field in instance._meta.fields if not field.editable]
    instance.full_clean(exclude=derived)
    instance.save()
    return instance


def _replace_children(manager, items: Iterable[dict], new: Callable[[], models.Model]) -> None:
    """Make `items` the parent's whole list: ids kept and changed, new ones added, others gone."""
    items = [dict(item) for item in items]
    manager.exclude(pk__in=[item["id"] for item in items if "id" in item]).delete()
    existing = {child.pk: child for child in manager.all()}
    for item in items:
        child = existing[item.pop("id")] if "id" in item else new()
        _saved(child, item)


def _meeting_saved(meeting: Meeting, data: dict) -> Meeting:
    data = dict(data)
    topics = data.pop("topics", None)
    participants = data.pop("participants", None)
    _saved(meeting, data)
    if topics is not None:
        meeting.topics.set(topics)
    if participants is not None:
        _replace_children(
            meeting.participants, participants, lambda: MeetingParticipant(meeting=meeting)
        )
    return meeting


@transaction.atomic
def visit_create(
    *,
    data: dict,
    delegation: Iterable[Official] | None = None,
    meetings: Iterable[dict] | None = None,
) -> Visit:
    """A new visit with its delegation, meetings and their participants."""
    visit = _saved(Visit(), data)
    if delegation is not None:
        visit.delegation.set(delegation)
    for item in meetings or []:
        _meeting_saved(Meeting(visit=visit), {k: v for k, v in item.items() if k != "id"})
    return visit


@transaction.atomic
def visit_update(
    *,
    visit: Visit,
    data: dict,
    delegation: Iterable[Official] | None = None,
    meetings: Iterable[dict] | None = None,
) -> Visit:
    """Change a visit; meetings with an id are changed, those without are added."""
    _saved(visit, data)
    if delegation is not None:
        visit.delegation.set(delegation)
    existing = {meeting.pk: meeting for meeting in visit.meetings.all()} if meetings else {}
    for item in meetings or []:
        item = dict(item)
        meeting = existing[item.pop("id")] if "id" in item else Meeting(visit=visit)
        _meeting_saved(meeting, item)
    return visit


@transaction.atomic
def meeting_create(
    *,
    data: dict,
    topics: Iterable[Topic] | None = None,
    participants: Iterable[dict] | None = None,
) -> Meeting:
    """A new meeting with its topics and participants."""
    return _meeting_saved(Meeting(), {**data, "topics": topics, "participants": participants})


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    data: dict,
    topics: Iterable[Topic] | None = None,
    participants: Iterable[dict] | None = None,
) -> Meeting:
    """Change a meeting; `participants`, when given, become its whole list."""
    return _meeting_saved(meeting, {**data, "topics": topics, "participants": participants})


def _official_children(
    official: Official, other_names: Iterable[dict] | None, positions: Iterable[dict] | None
) -> Official:
    if other_names is not None:
        _replace_children(
            official.other_names, other_names, lambda: OfficialName(official=official)
        )
    if positions is not None:
        _replace_children(official.positions, positions, lambda: Position(official=official))
    return official


@transaction.atomic
def official_create(
    *,
    data: dict,
    other_names: Iterable[dict] | None = None,
    positions: Iterable[dict] | None = None,
) -> Official:
    """A new official with the other names they go by and the posts they hold."""
    return _official_children(_saved(Official(), data), other_names, positions)


@transaction.atomic
def official_update(
    *,
    official: Official,
    data: dict,
    other_names: Iterable[dict] | None = None,
    positions: Iterable[dict] | None = None,
) -> Official:
    """Change an official; other names and positions, when given, become their whole lists."""
    return _official_children(_saved(official, data), other_names, positions)
