"""Drafts stay hidden on every public surface: lists, details, counts, searches, links, choices.

Editors (the model's view permission) see them, marked with their status.
"""

import datetime

import pytest
from django.urls import reverse

from newsroom.models import Article, ArticleEvent
from tests.factories import (
    ArticleFactory,
    ArticleOfficialFactory,
    ArticleVisitFactory,
    EventFactory,
    EventSeriesFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    OutletFactory,
    PositionFactory,
    TopicFactory,
    VisitFactory,
)
from tests.pages_data import VIEWERS, login_as
from visits.models import Event, Meeting, Official, Status, Visit

pytestmark = pytest.mark.django_db

HIDDEN = "Zénobie Cachée"  # a name that appears only in the unpublished record
LABELS = {Status.DRAFT: "brouillon", Status.REVIEW: "en relecture"}
UNPUBLISHED = [Status.DRAFT, Status.REVIEW]


@pytest.fixture(params=VIEWERS)
def viewer(request, client):
    """(client, sees_drafts) for the anonymous public, a reader without rights, an editor."""
    login_as(client, request.param, Article, Visit, Meeting, Event, Official)
    return client, request.param == "editor"


def page(client, url, **query):
    response = client.get(url, query)
    return response.status_code, response.content.decode()


def unpublished_article(status):
    return ArticleFactory(title=HIDDEN, slug="hidden", status=status)


def unpublished_visit(status):
    return VisitFactory(city=HIDDEN, status=status)


def unpublished_event(status):
    return EventFactory(name=HIDDEN, slug="hidden", status=status)


def official_named_by_unpublished_visit(status):
    return VisitFactory(visitor__name=HIDDEN, visitor__slug="hidden", status=status).visitor


RECORDS = {
    "article": unpublished_article,
    "visit": unpublished_visit,
    "event": unpublished_event,
    "official": official_named_by_unpublished_visit,
}
LISTS = {
    "article": "article-list",
    "visit": "visit-list",
    "event": "event-list",
    "official": "official-list",
}


@pytest.mark.parametrize("status", UNPUBLISHED)
@pytest.mark.parametrize("kind", RECORDS)
def test_an_unpublished_record_page_is_404_except_to_editors(viewer, kind, status):
    client, sees = viewer
    record = RECORDS[kind](status)
    code, html = page(client, record.get_absolute_url())
    assert code == (200 if sees else 404)
    if sees and kind != "official":
        assert LABELS[status] in html


@pytest.mark.parametrize("status", UNPUBLISHED)
@pytest.mark.parametrize("kind", RECORDS)
def test_an_unpublished_record_is_not_listed_nor_counted(viewer, kind, status):
    client, sees = viewer
    RECORDS[kind](status)
    response = client.get(reverse(LISTS[kind]))
    assert response.context["paginator"].count == (1 if sees else 0)
    assert (HIDDEN in response.content.decode()) is sees


@pytest.mark.parametrize("status", UNPUBLISHED)
@pytest.mark.parametrize(
    ("kind", "query"),
    [
        ("article", {"q": "Zénobie"}),
        ("article", {"q": "hidden"}),
        ("official", {"name": "zenobie cachee"}),
    ],
)
def test_searches_do_not_find_unpublished_records(viewer, kind, query, status):
    client, sees = viewer
    record = RECORDS[kind](status)
    if kind == "article":
        record.body = "Le texte mentionne hidden."
        record.save()
    response = client.get(reverse(LISTS[kind]), query)
    assert response.context["paginator"].count == (1 if sees else 0)


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_a_published_visit_hides_its_unpublished_event_meeting_and_source(viewer, status):
    client, sees = viewer
    visit = VisitFactory(event=EventFactory(name=f"{HIDDEN} event", status=status))
    meeting = MeetingFactory(visit=visit, status=status)
    MeetingParticipantFactory(meeting=meeting, official__name=f"{HIDDEN} participant")
    ArticleVisitFactory(visit=visit, article__title=f"{HIDDEN} source", article__status=status)
    for url in [visit.get_absolute_url(), reverse("visit-list"), reverse("home")]:
        code, html = page(client, url)
        assert code == 200
        assert (f"{HIDDEN} event" in html) is sees
    _, html = page(client, visit.get_absolute_url())
    assert (f"{HIDDEN} participant" in html) is sees
    assert (f"{HIDDEN} source" in html) is sees


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_a_published_article_hides_the_unpublished_records_it_reports(viewer, status):
    client, sees = viewer
    article = ArticleFactory()
    ArticleVisitFactory(article=article, visit__city=f"{HIDDEN} visit", visit__status=status)
    event = EventFactory(name=f"{HIDDEN} event", status=status)
    ArticleEvent.objects.create(article=article, event=event, quote="le salon")
    _, html = page(client, article.get_absolute_url())
    assert (f"{HIDDEN} visit" in html) is sees
    assert (f"{HIDDEN} event" in html) is sees


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_a_dossier_neither_lists_nor_counts_unpublished_visits_and_articles(viewer, status):
    client, sees = viewer
    official = VisitFactory().visitor
    VisitFactory(visitor=official, city=HIDDEN, status=status)
    ArticleOfficialFactory(
        official=official, article__title=f"{HIDDEN} article", article__status=status
    )
    response = client.get(official.get_absolute_url())
    assert response.context["visits_made"].count == (2 if sees else 1)
    assert response.context["sources"].count == (1 if sees else 0)
    html = response.content.decode()
    assert (HIDDEN in html) is sees


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_an_event_page_hides_unpublished_visits_and_editions(viewer, status):
    client, sees = viewer
    event = EventFactory()
    VisitFactory(event=event, city=HIDDEN, status=status)
    EventFactory(series=event.series, name=f"{HIDDEN} edition", status=status)
    response = client.get(event.get_absolute_url())
    assert response.context["visits"].count == (1 if sees else 0)
    assert response.context["editions"].count == (1 if sees else 0)
    assert (HIDDEN in response.content.decode()) is sees


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_country_pages_neither_list_nor_count_unpublished_records(viewer, status):
    client, sees = viewer
    VisitFactory(host_country="TR")
    VisitFactory(host_country="TR", origin_country="JP", city=HIDDEN, status=status)
    rows = {
        row.country.code: row for row in client.get(reverse("country-list")).context["countries"]
    }
    assert rows["TR"].visits_to == (2 if sees else 1)
    assert ("JP" in rows) is sees
    response = client.get(reverse("country-detail", args=["TR"]))
    assert response.context["visits_to"].count == (2 if sees else 1)
    assert (HIDDEN in response.content.decode()) is sees
    assert client.get(reverse("country-detail", args=["JP"])).status_code == (200 if sees else 404)


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_the_timeline_and_home_leave_out_unpublished_records(viewer, status):
    client, sees = viewer
    VisitFactory(city=f"{HIDDEN} visit", status=status)
    EventFactory(name=f"{HIDDEN} event", start=datetime.date(2099, 1, 1), end=None, status=status)
    ArticleFactory(title=f"{HIDDEN} article", status=status)
    for url in [reverse("timeline"), reverse("home")]:
        html = page(client, url)[1]
        for kind in ["visit", "event", "article"]:
            if url == reverse("timeline") and kind == "article":
                continue
            assert (f"{HIDDEN} {kind}" in html) is sees


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_a_published_meeting_of_an_unpublished_visit_does_not_link_to_it(viewer, status):
    client, sees = viewer
    visit = VisitFactory(city=HIDDEN, status=status)
    meeting = MeetingFactory(visit=visit, date=datetime.date(2024, 9, 20))
    MeetingParticipantFactory(meeting=meeting, official__name="Participant Public")
    response = client.get(reverse("timeline"))
    kinds = [entry.kind for year in response.context["years"] for entry in year.entries]
    assert kinds == (["visit"] if sees else ["meeting"])
    html = response.content.decode()
    assert "Participant Public" in html
    assert (visit.get_absolute_url() in html) is sees
    official = meeting.participants.get().official
    assert (visit.get_absolute_url() in page(client, official.get_absolute_url())[1]) is sees


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_filter_choices_offer_only_what_is_visible(viewer, status):
    client, sees = viewer
    article = ArticleFactory(outlet=OutletFactory(name=f"{HIDDEN} outlet"), status=status)
    article.topics.add(TopicFactory(name=f"{HIDDEN} topic"))
    EventFactory(
        name=f"{HIDDEN} event", series=EventSeriesFactory(name=f"{HIDDEN} series"), status=status
    )
    official = official_named_by_unpublished_visit(status)
    PositionFactory(official=official, organization__name=f"{HIDDEN} organization")
    # Officials and events are typed and completed (test_completion.py), never listed.
    choices = {
        "article-list": ["outlet", "topic"],
        "event-list": ["series"],
        "official-list": ["organization"],
    }
    for url_name, hidden in choices.items():
        html = page(client, reverse(url_name))[1]
        for what in hidden:
            assert (f"{HIDDEN} {what}" in html) is sees, (url_name, what)


def test_editors_see_drafts_marked_in_lists(client):
    login_as(client, "editor", Visit)
    VisitFactory(status=Status.DRAFT)
    VisitFactory(status=Status.REVIEW)
    html = page(client, reverse("visit-list"))[1]
    assert 'class="badge badge-draft">brouillon<' in html
    assert 'class="badge badge-draft">en relecture<' in html


def test_an_editor_of_visits_only_does_not_see_draft_events(client):
    login_as(client, "editor", Visit)
    visit = VisitFactory(status=Status.DRAFT, event=EventFactory(name=HIDDEN, status=Status.DRAFT))
    code, html = page(client, visit.get_absolute_url())
    assert code == 200
    assert HIDDEN not in html
    assert client.get(visit.event.get_absolute_url()).status_code == 404
