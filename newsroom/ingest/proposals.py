"""Proposals: storing what ingestion read, and turning an accepted one into records."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from newsroom.ingest.result import IngestResult
from newsroom.ingest.tokens import edit_distance
from newsroom.models import (
    Article,
    ArticleCountry,
    ArticleEvent,
    ArticleMeeting,
    ArticleOfficial,
    ArticleOrganization,
    ArticleVisit,
    Outlet,
    Proposal,
)
from visits.dates import DatePrecision, parse_iso
from visits.models import (
    Event,
    EventSeries,
    Meeting,
    MeetingParticipant,
    Official,
    OfficialName,
    Organization,
    Visit,
)
from visits.names import match_official, normalize_name

Kind = Proposal.Kind
Decision = Proposal.Decision


def unique_slug(model, text: str, *, limit: int = 240) -> str:
    base = slugify(text)[:limit].strip("-") or model._meta.model_name
    slug, number = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def partial_date(text: str | None) -> tuple[datetime.date | None, str]:
    """A stored date and precision from "2025-11-18", "2025-11" or "2025"; none without a year."""
    if not text or len(text) < 4 or not text[:4].isdigit():
        return None, DatePrecision.DAY
    return parse_iso(text)


# -- storing a result --------------------------------------------------------------------------
def outlet_for(name: str | None) -> Outlet | None:
    if not name:
        return None
    slug = slugify(name)[:255] or "outlet"
    outlet = Outlet.objects.filter(slug=slug).first()
    if outlet is None:
        outlet = Outlet(name=name[:255], slug=slug)
        outlet.full_clean()
        outlet.save()
    return outlet


def article_create(*, result: IngestResult, body: str, headers: dict, user=None) -> Article:
    """The draft article and one pending proposal per item the result holds."""
    info = result.article
    published, precision = partial_date(info["published_on"])
    url = headers.get("source", "")
    article = Article(
        title=info["title"],
        slug=unique_slug(Article, info["title"], limit=200) + "-" + info["content_hash"][:8],
        outlet=outlet_for(info["outlet"]),
        url=url if url.startswith(("http://", "https://")) else "",
        author=headers.get("author", "")[:255],
        published_on=published,
        published_precision=precision,
        language=info["language"],
        body=body,
        content_hash=info["content_hash"],
    )
    if user is not None:
        article._history_user = user
    article.full_clean()
    article.save()
    Proposal.objects.bulk_create(
        Proposal(
            article=article,
            kind=kind,
            position=position,
            data=item,
            evidence=item.get("evidence") or result.passages.get((kind, position), ""),
        )
        for kind, position, item in result.items()
    )
    return article


# -- accepting a proposal ----------------------------------------------------------------------
def accept(proposal: Proposal, user):
    """The record an accepted proposal stands for, created or found, linked to its article."""
    handler = {
        Kind.PERSON: _accept_person,
        Kind.ORGANIZATION: _accept_organization,
        Kind.COUNTRY: _accept_country,
        Kind.EVENT: _accept_event,
        Kind.VISIT: _accept_visit,
        Kind.MEETING: _accept_meeting,
    }[proposal.kind]
    return handler(proposal, user)


def _saved(instance):
    instance.full_clean()
    instance.save()
    return instance


def _current_target(proposal: Proposal, model):
    if proposal.target_id and proposal.target_type and proposal.target_type.model_class() is model:
        return model._default_manager.filter(pk=proposal.target_id).first()
    return None


def _mark(proposal: Proposal, target, user) -> None:
    if proposal.decision != Decision.ACCEPTED or proposal.target_id != target.pk:
        proposal.decision = Decision.ACCEPTED
        proposal.target = target
        proposal.decided_by = user
        proposal.decided_at = timezone.now()
        proposal.save(
            update_fields=["decision", "target_type", "target_id", "decided_by", "decided_at"]
        )


def _sibling(proposal: Proposal, kind: str, name: str) -> Proposal | None:
    """The proposal of the same article for the person or event named `name`."""
    normalized = normalize_name(name)
    for other in proposal.article.proposals.filter(kind=kind):
        if normalize_name(other.data.get("name", "")) == normalized:
            return other
    return None


def _accept_person(proposal: Proposal, user) -> Official:
    data = proposal.data
    official = _current_target(proposal, Official)
    if official is None and data.get("official"):
        official = Official.objects.filter(slug=data["official"].get("slug")).first()
    if official is None:
        official = match_official(data["name"])
    if official is None:
        official = _saved(
            Official(
                name=data["name"],
                slug=unique_slug(Official, data["name"]),
                country=data.get("country") or "",
            )
        )
    spelling = normalize_name(data["name"])
    known = {official.name_normalized, *official.other_names.values_list("normalized", flat=True)}
    if spelling and spelling not in known:
        close = edit_distance(spelling, official.name_normalized, 2) <= 2
        _saved(
            OfficialName(
                official=official,
                name=data["name"],
                kind=OfficialName.Kind.MISSPELLING if close else OfficialName.Kind.ALIAS,
                note=_("Spelling read in “%(title)s”.") % {"title": proposal.article.title[:200]},
            )
        )
    ArticleOfficial.objects.get_or_create(
        article=proposal.article, official=official, defaults={"quote": proposal.evidence}
    )
    _mark(proposal, official, user)
    return official


def _accept_organization(proposal: Proposal, user) -> Organization:
    data = proposal.data
    organization = _current_target(proposal, Organization)
    country = data.get("country") or ""
    if organization is None and data.get("acronym"):
        organization = (
            Organization.objects.filter(acronym__iexact=data["acronym"], country=country).first()
            or Organization.objects.filter(acronym__iexact=data["acronym"]).first()
        )
    if organization is None:
        organization = Organization.objects.filter(name__iexact=data["name"]).first()
    if organization is None:
        organization = _saved(
            Organization(
                name=data["name"],
                slug=unique_slug(Organization, data.get("acronym") or data["name"]),
                acronym=data.get("acronym") or "",
                country=country,
            )
        )
    ArticleOrganization.objects.get_or_create(
        article=proposal.article, organization=organization, defaults={"quote": proposal.evidence}
    )
    _mark(proposal, organization, user)
    return organization


def _accept_country(proposal: Proposal, user) -> ArticleCountry:
    data = proposal.data
    link, _created = ArticleCountry.objects.update_or_create(
        article=proposal.article,
        country=data["code"],
        defaults={"role": data.get("role") or "mentioned", "quote": proposal.evidence},
    )
    _mark(proposal, link, user)
    return link


def _accept_event(proposal: Proposal, user) -> Event:
    data = proposal.data
    event = _current_target(proposal, Event)
    if event is None and data.get("event"):
        event = Event.objects.filter(slug=data["event"].get("slug")).first()
    if event is None:
        event = Event.objects.filter(name__iexact=data["name"]).first()
    if event is None:
        series = None
        if data.get("series"):
            series = EventSeries.objects.filter(
                Q(name__iexact=data["series"]) | Q(acronym__iexact=data["series"])
            ).first() or _saved(
                EventSeries(name=data["series"], slug=unique_slug(EventSeries, data["series"]))
            )
        start, precision = partial_date(data.get("start"))
        end, _precision = partial_date(data.get("end"))
        event = _saved(
            Event(
                name=data["name"],
                slug=unique_slug(Event, data["name"]),
                series=series,
                kind=series.kind if series else Event._meta.get_field("kind").default,
                start=start,
                end=end if start else None,
                precision=precision,
                city=data.get("city") or "",
                country=data.get("country") or "",
            )
        )
    ArticleEvent.objects.get_or_create(
        article=proposal.article, event=event, defaults={"quote": proposal.evidence}
    )
    _mark(proposal, event, user)
    return event


def _official_named(proposal: Proposal, name: str, user) -> Official | None:
    """The official for a name in a visit or meeting, through its person proposal."""
    person = _sibling(proposal, Kind.PERSON, name)
    if person is not None:
        if person.decision == Decision.REJECTED:
            return None
        return _accept_person(person, user)
    return match_official(name)


def _accept_visit(proposal: Proposal, user) -> Visit:
    data = proposal.data
    visit = _current_target(proposal, Visit)
    if visit is None:
        host = data.get("host_country")
        if not host:
            raise ValidationError(_("A visit needs a host country: complete the proposal first."))
        visitor = _official_named(proposal, data["visitor"], user)
        if visitor is None:
            raise ValidationError(
                _("The visitor %(name)s was rejected: a visit needs a visitor.")
                % {"name": data["visitor"]}
            )
        start, precision = partial_date(data.get("start"))
        end, _precision = partial_date(data.get("end"))
        end = end if start else None
        event = None
        if data.get("event"):
            event_proposal = _sibling(proposal, Kind.EVENT, data["event"])
            if event_proposal is not None and event_proposal.decision != Decision.REJECTED:
                event = _accept_event(event_proposal, user)
        visit = _same_visit(visitor, host, start, end)
        if visit is None:
            origin = _origin(proposal, visitor, host)
            kinds = {k.value for k in Visit.Kind}
            visit = _saved(
                Visit(
                    visitor=visitor,
                    origin_country=origin,
                    host_country=host,
                    city=data.get("city") or "",
                    start=start,
                    end=end,
                    precision=precision,
                    kind=data.get("kind") if data.get("kind") in kinds else Visit.Kind.OTHER,
                    event=event,
                )
            )
        for person in proposal.article.proposals.filter(kind=Kind.PERSON):
            if person.data.get("role") == "delegation" and person.decision != Decision.REJECTED:
                member = _accept_person(person, user)
                if member != visit.visitor:
                    visit.delegation.add(member)
    ArticleVisit.objects.get_or_create(
        article=proposal.article, visit=visit, defaults={"quote": proposal.evidence}
    )
    _mark(proposal, visit, user)
    for meeting_proposal in proposal.article.proposals.filter(
        kind=Kind.MEETING, decision=Decision.ACCEPTED
    ):
        meeting = _current_target(meeting_proposal, Meeting)
        if meeting is not None and meeting.visit_id is None and _belongs(meeting_proposal, visit):
            meeting.visit = visit
            meeting.save(update_fields=["visit"])
    return visit


def _same_visit(visitor, host, start, end) -> Visit | None:
    """A visit another article already reported: same visitor and host, overlapping dates."""
    candidates = Visit.objects.filter(visitor=visitor, host_country=host)
    if start is None:
        return None
    for visit in candidates.exclude(start__isnull=True):
        last = visit.end or visit.start
        if visit.start <= (end or start) and start <= last:
            return visit
    return None


def _origin(proposal: Proposal, visitor: Official, host: str) -> str:
    if visitor.country and visitor.country != host:
        return visitor.country
    origins = [
        p.data.get("code")
        for p in proposal.article.proposals.filter(kind=Kind.COUNTRY)
        if p.data.get("role") == "origin" and p.data.get("code") != host
    ]
    if origins:
        return origins[0]
    if host != "MA":
        return "MA"
    raise ValidationError(_("The visitor's country is unknown: set it on the official first."))


def _belongs(meeting_proposal: Proposal, visit: Visit) -> bool:
    data = meeting_proposal.data
    names = {normalize_name(p) for p in data.get("participants", []) if isinstance(p, str)}
    visitor_names = {visit.visitor.name_normalized}
    visitor_names |= set(visit.visitor.other_names.values_list("normalized", flat=True))
    country = data.get("country")
    return bool(names & visitor_names) and country in (None, "", visit.host_country)


def _accept_meeting(proposal: Proposal, user) -> Meeting:
    data = proposal.data
    meeting = _current_target(proposal, Meeting)
    if meeting is None:
        visit = None
        for visit_proposal in proposal.article.proposals.filter(
            kind=Kind.VISIT, decision=Decision.ACCEPTED
        ):
            candidate = _current_target(visit_proposal, Visit)
            if candidate is not None and _belongs(proposal, candidate):
                visit = candidate
                break
        date, precision = partial_date(data.get("date"))
        meeting = _saved(
            Meeting(
                visit=visit,
                date=date,
                precision=precision,
                city=data.get("city") or "",
                country=data.get("country") or (visit.host_country if visit else ""),
            )
        )
    for participant in data.get("participants", []):
        if isinstance(participant, dict):
            MeetingParticipant.objects.get_or_create(
                meeting=meeting,
                official=None,
                country=participant.get("country") or "",
                role=participant.get("role") or "",
            )
            continue
        official = _official_named(proposal, participant, user)
        if official is not None:
            person = _sibling(proposal, Kind.PERSON, participant)
            title = (person.data.get("title") or "") if person else ""
            MeetingParticipant.objects.get_or_create(
                meeting=meeting, official=official, defaults={"title": title[:255]}
            )
    ArticleMeeting.objects.get_or_create(
        article=proposal.article, meeting=meeting, defaults={"quote": proposal.evidence}
    )
    _mark(proposal, meeting, user)
    return meeting


# -- rejecting a proposal ----------------------------------------------------------------------
_LINKS = {
    Kind.PERSON: (ArticleOfficial, "official"),
    Kind.ORGANIZATION: (ArticleOrganization, "organization"),
    Kind.EVENT: (ArticleEvent, "event"),
    Kind.VISIT: (ArticleVisit, "visit"),
    Kind.MEETING: (ArticleMeeting, "meeting"),
}


def unlink(proposal: Proposal) -> None:
    """An accepted proposal rejected after all: its article no longer cites the record."""
    if proposal.decision != Decision.ACCEPTED or not proposal.target_id:
        return
    if proposal.kind == Kind.COUNTRY:
        ArticleCountry.objects.filter(pk=proposal.target_id).delete()
        return
    model, field = _LINKS[proposal.kind]
    model.objects.filter(article=proposal.article, **{f"{field}_id": proposal.target_id}).delete()
