"""Filters by a linked record: the same articles whichever way the database is asked."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    ArticleCountryFactory,
    ArticleFactory,
    ArticleOfficialFactory,
    OfficialFactory,
    TopicFactory,
)
from visits.models import Status

pytestmark = pytest.mark.django_db

ARTICLES = reverse("article-list")
API = "/api/v1/articles/"


@pytest.fixture
def linked(db):
    """Five articles on Morocco naming one official under one topic, some drafts, and others."""
    official = OfficialFactory(slug="often-named")
    topic = TopicFactory(slug="often-tagged")
    for n in range(5):
        article = ArticleFactory(
            slug=f"linked-{n}",
            published_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
            status=Status.DRAFT if n == 2 else Status.PUBLISHED,
        )
        ArticleCountryFactory(article=article, country="MA")
        ArticleOfficialFactory(article=article, official=official)
        article.topics.add(topic)
    for n in range(3):
        ArticleCountryFactory(article=ArticleFactory(slug=f"other-{n}"), country="TR")
    return official


def slugs(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    if url == API:
        return [article["slug"] for article in response.json()["results"]]
    return [article.slug for article in response.context["object_list"]]


FILTERS = [{"country": "MA"}, {"official": "often-named"}, {"topic": "often-tagged"}]
NEWEST_PUBLISHED = ["linked-4", "linked-3", "linked-1", "linked-0"]


@pytest.mark.parametrize("url", [ARTICLES, API])
@pytest.mark.parametrize("params", FILTERS, ids=lambda params: next(iter(params)))
@pytest.mark.parametrize("common_from", [0, 10**6], ids=["read-row-by-row", "read-from-links"])
def test_a_linked_record_filters_the_same_whichever_plan(
    client, linked, monkeypatch, url, params, common_from
):
    monkeypatch.setattr("visits.link_filters.COMMON_LINKS", common_from)

    assert slugs(client, url, **params) == NEWEST_PUBLISHED
    assert slugs(client, url, country="TR") == ["other-2", "other-1", "other-0"]


def test_a_common_value_is_tested_row_by_row_and_a_rare_one_read_from_links(
    client, linked, monkeypatch
):
    def page_sql():
        with CaptureQueriesContext(connection) as queries:
            slugs(client, ARTICLES, country="MA")
        return next(q["sql"] for q in queries if 'newsroom_article"."body' in q["sql"])

    monkeypatch.setattr("visits.link_filters.COMMON_LINKS", 4)
    assert "EXISTS" in page_sql()
    monkeypatch.setattr("visits.link_filters.COMMON_LINKS", 5)
    assert 'INNER JOIN "newsroom_articlecountry"' in page_sql()
