"""Audit probes: drafts and the officials only drafts name stay hidden where other tests
do not look, and what readers supply stays text.

Each test is a place a draft could leak through: a search over a related record's name, a
filter's choices, a count, a link from a published record, a feed, the calendar.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from newsroom.models import ArticleEvent
from tests.factories import (
    ArticleCountryFactory,
    ArticleFactory,
    ArticleOfficialFactory,
    ArticleVisitFactory,
    EventFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    OfficialFactory,
    PositionFactory,
    VisitFactory,
)
from visits.models import Status, Visit

pytest_plugins = ["tests.api_support"]
pytestmark = pytest.mark.django_db

API = "/api/v1/"
HIDDEN = "Zorglub Secret"
HIDDEN_SLUG = "zorglub-secret"


def text(response) -> str:
    return response.content.decode()


def without_tokens(body: str) -> str:
    """A page without its CSRF token, which changes from one response to the next."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)


# --- An official named only by a draft meeting of a published visit ---


@pytest.fixture
def official_of_draft_meeting():
    visit = VisitFactory()
    meeting = MeetingFactory(visit=visit, status=Status.DRAFT)
    official = OfficialFactory(name=HIDDEN, slug=HIDDEN_SLUG, country="DZ")
    MeetingParticipantFactory(meeting=meeting, official=official)
    return visit, official


def test_official_of_a_draft_meeting_is_hidden_on_pages(client, official_of_draft_meeting):
    visit, _official = official_of_draft_meeting
    assert client.get(f"/officials/{HIDDEN_SLUG}/").status_code == 404
    assert client.get(f"/en/officials/{HIDDEN_SLUG}/").status_code == 404
    for url in [
        "/officials/",
        "/officials/?name=zorglub",
        "/visits/",
        "/articles/",
        "/timeline/",
        visit.get_absolute_url(),
        "/",
        "/countries/",
    ]:
        assert HIDDEN not in text(client.get(url)), url
        assert HIDDEN_SLUG not in text(client.get(url)), url
    # Only the draft meeting names Algeria (by its participant's country).
    assert client.get("/countries/DZ/").status_code == 404


def test_official_of_a_draft_meeting_is_hidden_in_feeds(client, official_of_draft_meeting):
    assert client.get(f"/feeds/officials/{HIDDEN_SLUG}/").status_code == 404
    assert client.get(f"/feeds/officials/{HIDDEN_SLUG}/atom/").status_code == 404
    assert client.get("/feeds/countries/DZ/").status_code == 404


def test_official_of_a_draft_meeting_is_hidden_in_the_api(anonymous, official_of_draft_meeting):
    visit, _official = official_of_draft_meeting
    assert anonymous.get(f"{API}officials/{HIDDEN_SLUG}/").status_code == 404
    for url in [
        f"{API}officials/",
        f"{API}officials/?search=zorglub",
        f"{API}visits/{visit.pk}/",
        f"{API}meetings/",
        f"{API}countries/",
    ]:
        body = text(anonymous.get(url))
        assert HIDDEN not in body and HIDDEN_SLUG not in body, url
    assert anonymous.get(f"{API}countries/DZ/").status_code == 404


def test_hidden_official_as_a_filter_answers_as_an_unknown_one(
    client, anonymous, official_of_draft_meeting
):
    """`?official=<hidden>` reads exactly as `?official=<no such slug>`, on pages and API."""
    for path in ["visits/", "meetings/", "articles/"]:
        hidden = anonymous.get(f"{API}{path}", {"official": HIDDEN_SLUG})
        unknown = anonymous.get(f"{API}{path}", {"official": "no-such-official"})
        assert hidden.status_code == unknown.status_code == 400
        assert text(hidden).replace(HIDDEN_SLUG, "X") == text(unknown).replace(
            "no-such-official", "X"
        )
    for path in ["/visits/", "/articles/"]:
        hidden = without_tokens(text(client.get(path, {"official": HIDDEN_SLUG})))
        unknown = without_tokens(text(client.get(path, {"official": "no-such-official"})))
        assert hidden.replace(HIDDEN_SLUG, "X") == unknown.replace("no-such-official", "X")


# --- A draft event a published visit was made for ---


@pytest.fixture
def visit_for_draft_event():
    event = EventFactory(name=HIDDEN, slug=HIDDEN_SLUG, status=Status.DRAFT)
    return VisitFactory(event=event), event


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_api_visit_search_does_not_match_a_draft_events_name(request, who, visit_for_draft_event):
    client = request.getfixturevalue(who)
    for words in ["Zorglub", "zorglub secret", "Ankara zorglub"]:
        response = client.get(f"{API}visits/", {"search": words})
        assert response.status_code == 200
        assert response.json()["count"] == 0, words
    assert client.get(f"{API}visits/", {"search": "ankara"}).json()["count"] == 1


def test_visit_viewer_without_event_rights_does_not_find_a_draft_event(
    make_user, visit_for_draft_event
):
    """A user who may view visits but not events finds no visit by a draft event's name."""
    user = make_user("visit-viewer")
    user.user_permissions.add(Permission.objects.get(codename="view_visit"))
    client = APIClient()
    client.force_authenticate(user)
    assert client.get(f"{API}visits/", {"search": "Zorglub"}).json()["count"] == 0
    visit, _event = visit_for_draft_event
    assert client.get(f"{API}visits/{visit.pk}/").json()["event"] is None


def test_api_visit_search_still_matches_a_published_events_name(anonymous, editor):
    VisitFactory(event=EventFactory(name="Milipol Qatar"))
    assert anonymous.get(f"{API}visits/", {"search": "Milipol"}).json()["count"] == 1
    draft_event_visit = VisitFactory(event=EventFactory(name="Zorglub Fair", status="draft"))
    found = editor.get(f"{API}visits/", {"search": "Zorglub"}).json()
    assert [row["id"] for row in found["results"]] == [draft_event_visit.pk]


def test_draft_event_of_a_published_visit_is_hidden(client, anonymous, visit_for_draft_event):
    visit, _event = visit_for_draft_event
    for url in [visit.get_absolute_url(), "/visits/", "/", "/timeline/", "/events.ics"]:
        assert HIDDEN not in text(client.get(url)), url
    data = anonymous.get(f"{API}visits/{visit.pk}/").json()
    assert data["event"] is None
    assert HIDDEN_SLUG not in text(anonymous.get(f"{API}visits/"))
    for ordering in ["event__name", "-event__name", "event", "status"]:
        response = anonymous.get(f"{API}visits/", {"ordering": ordering})
        assert response.status_code == 400, ordering
        assert HIDDEN not in text(response)
    assert client.get(f"/visits/?event={HIDDEN_SLUG}").status_code == 200
    assert HIDDEN not in text(client.get(f"/visits/?event={HIDDEN_SLUG}"))


def test_draft_edition_is_not_among_other_editions(client):
    published = EventFactory()
    EventFactory(series=published.series, name=HIDDEN, slug=HIDDEN_SLUG, status=Status.REVIEW)
    body = text(client.get(published.get_absolute_url()))
    assert HIDDEN not in body
    assert HIDDEN_SLUG not in text(client.get(f"/events/?series={published.series.slug}"))


def test_upcoming_draft_event_is_not_on_the_home_page_nor_calendar(client):
    soon = datetime.date.today() + datetime.timedelta(days=10)
    EventFactory(name=HIDDEN, slug=HIDDEN_SLUG, start=soon, end=soon, status=Status.DRAFT)
    assert HIDDEN not in text(client.get("/"))
    assert HIDDEN not in text(client.get("/en/"))
    assert HIDDEN_SLUG not in text(client.get("/events.ics"))


# --- A draft article that is the only source of a published visit ---


def test_draft_article_source_of_a_published_visit_is_hidden(client, anonymous):
    visit = VisitFactory(host_country="TR")
    article = ArticleFactory(title=HIDDEN, slug=HIDDEN_SLUG, status=Status.DRAFT)
    ArticleVisitFactory(article=article, visit=visit, quote="citation secrète")
    ArticleCountryFactory(article=article, country="JP")
    body = text(client.get(visit.get_absolute_url()))
    assert HIDDEN not in body and "citation secrète" not in body
    assert client.get("/countries/JP/").status_code == 404
    assert anonymous.get(f"{API}visits/{visit.pk}/").json()["sources"] == []
    assert "JP" not in [row["code"] for row in anonymous.get(f"{API}countries/").json()["results"]]
    assert client.get("/feeds/countries/JP/").status_code == 404


def test_draft_article_naming_a_published_official_is_not_counted(client):
    official = ArticleOfficialFactory(article__status=Status.PUBLISHED).official
    ArticleOfficialFactory(official=official, article__title=HIDDEN, article__status="draft")
    body = text(client.get(official.get_absolute_url()))
    assert HIDDEN not in body
    feed = text(client.get(f"/feeds/officials/{official.slug}/"))
    assert HIDDEN not in feed


def test_draft_article_linking_a_published_event_is_hidden(client, anonymous):
    event = EventFactory()
    article = ArticleFactory(title=HIDDEN, slug=HIDDEN_SLUG, status=Status.REVIEW)
    ArticleEvent.objects.create(article=article, event=event, quote="q")
    assert HIDDEN not in text(client.get(event.get_absolute_url()))
    assert anonymous.get(f"{API}events/{event.slug}/").json()["sources"] == []


# --- Published meetings of a draft visit ---


def test_published_meeting_of_a_draft_visit_does_not_link_it(client, anonymous):
    visit = VisitFactory(city=HIDDEN, status=Status.DRAFT)
    meeting = MeetingFactory(visit=visit, city="Rabat")
    official = MeetingParticipantFactory(meeting=meeting).official
    assert client.get(visit.get_absolute_url()).status_code == 404
    for url in ["/timeline/", official.get_absolute_url(), "/countries/TR/", "/"]:
        body = text(client.get(url))
        assert HIDDEN not in body and visit.get_absolute_url() not in body, url
    data = anonymous.get(f"{API}meetings/{meeting.pk}/").json()
    assert data["visit"] is None
    assert anonymous.get(f"{API}visits/{visit.pk}/").status_code == 404


def test_counts_in_headings_leave_out_drafts(client, anonymous):
    official = VisitFactory().visitor
    VisitFactory(visitor=official, status=Status.DRAFT)
    MeetingParticipantFactory(official=official)
    MeetingParticipantFactory(official=official, meeting__status=Status.REVIEW)
    body = text(client.get(official.get_absolute_url()))
    assert "(2)" not in body
    assert "(1)" in body
    event = EventFactory()
    VisitFactory(event=event)
    VisitFactory(event=event, status=Status.DRAFT)
    event_page = text(client.get(event.get_absolute_url()))
    assert "(2)" not in event_page
    turkey = anonymous.get(f"{API}countries/TR/").json()
    assert turkey["visits_to"] == Visit.objects.published().filter(host_country="TR").count()
    assert Visit.objects.filter(host_country="TR").count() > turkey["visits_to"]


# --- Escaping ---

SCRIPT = '<script>alert("x")</script>'


def test_user_supplied_text_is_escaped_on_pages_and_in_feeds(client):
    official = OfficialFactory(name=f"Mr {SCRIPT}", slug="mr-script")
    article = ArticleFactory(title=f"T {SCRIPT}", body=f"B {SCRIPT}", summary="")
    ArticleOfficialFactory(article=article, official=official, quote=f"Q {SCRIPT}")
    for url in [
        article.get_absolute_url(),
        official.get_absolute_url(),
        "/articles/",
        "/officials/",
        "/",
        f"/articles/?q={SCRIPT}",
        f"/officials/?name={SCRIPT}",
    ]:
        assert SCRIPT not in text(client.get(url)), url
    for url in ["/feeds/articles/", "/feeds/articles/atom/", "/feeds/officials/mr-script/"]:
        assert "<script>" not in text(client.get(url)), url


def test_event_names_are_escaped_in_the_calendar(client):
    EventFactory(name="A; B, C\\D", summary="line1\nline2")
    body = text(client.get("/events.ics"))
    assert "SUMMARY:A\\; B\\, C\\\\D" in body


def test_organization_of_a_hidden_official_is_not_a_filter_choice(
    client, anonymous, official_of_draft_meeting
):
    _visit, official = official_of_draft_meeting
    PositionFactory(official=official, organization__name="Bureau Zorglub", organization__slug="bz")
    assert "Bureau Zorglub" not in text(client.get("/officials/"))
    assert anonymous.get(f"{API}officials/", {"organization": "bz"}).status_code == 400
