"""Records with every relation a public page shows, for query budgets and visibility tests."""

from django.contrib.auth.models import Permission

from tests.factories import (
    ArticleCountryFactory,
    ArticleFactory,
    ArticleOfficialFactory,
    ArticleVisitFactory,
    EventFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    OfficialFactory,
    OfficialNameFactory,
    PositionFactory,
    TopicFactory,
    UserFactory,
    VisitFactory,
)
from visits.models import Status

VIEWERS = ["anonymous", "reader", "editor"]


def login_as(client, kind, *models):
    """Log `client` in as nobody, a user without permissions, or an editor of `models`."""
    if kind == "anonymous":
        return client
    user = UserFactory()
    if kind == "editor":
        for model in models:
            user.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label=model._meta.app_label,
                    codename=f"view_{model._meta.model_name}",
                )
            )
    client.force_login(user)
    return client


def rich_visit(**kwargs):
    """A published visit with an event, a delegate, two meetings of two participants, a source."""
    visit = VisitFactory(event=EventFactory(), **kwargs)
    visit.delegation.add(OfficialFactory())
    for _ in range(2):
        meeting = MeetingFactory(visit=visit)
        meeting.topics.add(TopicFactory())
        MeetingParticipantFactory(meeting=meeting, official=visit.visitor)
        MeetingParticipantFactory(meeting=meeting, title="directeur")
    ArticleVisitFactory(visit=visit, quote="une visite de travail")
    return visit


def rich_article(**kwargs):
    """A published article naming an official and a country, reporting a visit, with a topic."""
    article = ArticleFactory(**kwargs)
    article.topics.add(TopicFactory())
    ArticleOfficialFactory(article=article, quote="le directeur général")
    ArticleVisitFactory(article=article)
    ArticleCountryFactory(article=article, country="TR")
    return article


def rich_official(**kwargs):
    """An official with another name and two positions, public through a published visit."""
    official = OfficialFactory(**kwargs)
    OfficialNameFactory(official=official)
    PositionFactory(official=official)
    PositionFactory(official=official)
    rich_visit(visitor=official)
    return official


def rich_event(**kwargs):
    """A published event of a series, with a visit made for it."""
    event = EventFactory(**kwargs)
    VisitFactory(event=event)
    return event


def draft(factory, **kwargs):
    return factory(status=Status.DRAFT, **kwargs)
