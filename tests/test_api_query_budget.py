"""Each list runs a fixed number of SQL queries, however many records a page holds."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models import ArticleCountry, ArticleEvent, ArticleMeeting, ArticleOrganization
from tests.factories import (
    ArticleFactory,
    ArticleOfficialFactory,
    ArticleVisitFactory,
    EventFactory,
    EventSeriesFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    OfficialFactory,
    OfficialNameFactory,
    OrganizationFactory,
    OutletFactory,
    PositionFactory,
    TopicFactory,
    VisitFactory,
)
from visits.models import Status

pytest_plugins = ["tests.api_support"]
pytestmark = pytest.mark.django_db

API = "/api/v1/"
RECORDS = 24
SMALL_PAGE, LARGE_PAGE = 2, 20

# The most queries a list may run: an editor's request also reads the token and permissions;
# a cached count or choice list reads the tables' version (visits/aggregates.py).
BUDGETS = {
    "articles": 14,
    "outlets": 3,
    "officials": 8,
    "organizations": 3,
    "topics": 3,
    "event-series": 3,
    "events": 7,
    "visits": 12,
    "meetings": 10,
    "countries": 9,
}


@pytest.fixture
def many_records(db):
    """RECORDS of each kind, each with every related record its representation shows."""
    topics = TopicFactory.create_batch(2)
    parent = OrganizationFactory()
    for n in range(RECORDS):
        organization = OrganizationFactory(parent=parent)
        official = OfficialFactory()
        OfficialNameFactory.create_batch(2, official=official)
        PositionFactory.create_batch(2, official=official, organization=organization)
        event = EventFactory(
            series=EventSeriesFactory(organizer=organization),
            organizer=organization,
            start=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            end=None,
        )
        visit = VisitFactory(visitor=official, event=event, inviting_organization=organization)
        visit.delegation.add(*OfficialFactory.create_batch(2))
        article = ArticleFactory(outlet=OutletFactory())
        article.topics.add(*topics)
        ArticleVisitFactory(article=article, visit=visit, quote="quote")
        ArticleOfficialFactory(article=article, official=official)
        ArticleEvent.objects.create(article=article, event=event)
        ArticleOrganization.objects.create(article=article, organization=organization)
        ArticleCountry.objects.create(article=article, country="TR")
        for status in (Status.PUBLISHED, Status.DRAFT):
            meeting = MeetingFactory(visit=visit, status=status)
            meeting.topics.add(*topics)
            MeetingParticipantFactory(meeting=meeting, official=official, organization=organization)
            MeetingParticipantFactory(meeting=meeting, official=None, country="JO")
            ArticleMeeting.objects.create(article=article, meeting=meeting)


def queries(client, endpoint, page_size):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"{API}{endpoint}/", {"page_size": page_size})
    assert response.status_code == 200
    assert len(response.json()["results"]) == min(page_size, response.json()["count"])
    return len(captured)


@pytest.mark.parametrize("endpoint", BUDGETS)
@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_a_list_runs_the_same_queries_for_a_small_and_a_large_page(
    request, many_records, endpoint, role
):
    client = request.getfixturevalue(role)
    client.get(f"{API}{endpoint}/")  # the user's permissions are loaded once per request
    small = queries(client, endpoint, SMALL_PAGE)
    large = queries(client, endpoint, LARGE_PAGE)
    assert small == large <= BUDGETS[endpoint]


@pytest.mark.parametrize("endpoint", BUDGETS)
def test_a_list_keeps_within_its_budget(
    anonymous, many_records, endpoint, django_assert_max_num_queries
):
    with django_assert_max_num_queries(BUDGETS[endpoint]):
        anonymous.get(f"{API}{endpoint}/", {"page_size": 100})
