"""Pages of a list: read in one query, by ids first, or from the list's end, the same rows."""

import datetime

import pytest

from tests.factories import ArticleFactory, VisitFactory
from visits.models import Status

pytestmark = pytest.mark.django_db

ARTICLES_API = "/api/v1/articles/"
VISITS_API = "/api/v1/visits/"


@pytest.fixture
def listed(db):
    """Eleven articles, several on one day, one a draft; seven visits."""
    for n in range(11):
        ArticleFactory(
            slug=f"listed-{n:02}",
            title=f"Titre {n % 4}",
            published_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n // 3),
            status=Status.DRAFT if n == 5 else Status.PUBLISHED,
        )
    for _ in range(7):
        VisitFactory()


def every_page(client, url, size, **params):
    """Every row of an API list, `size` at a time, and the numbers of the pages read."""
    keys, number = [], 1
    while True:
        response = client.get(url, {**params, "page": number, "page_size": size})
        assert response.status_code == 200, response.content
        body = response.json()
        keys += [row.get("slug") or row["url"] for row in body["results"]]
        if not body["next"]:
            return keys
        number += 1


@pytest.mark.parametrize("size", [1, 2, 3, 4])
@pytest.mark.parametrize(
    ("url", "params"),
    [
        (ARTICLES_API, {}),
        (ARTICLES_API, {"ordering": "title"}),
        (ARTICLES_API, {"ordering": "-date"}),
        (VISITS_API, {}),
        (VISITS_API, {"ordering": "host_country"}),
    ],
)
def test_pages_read_in_two_steps_or_from_the_end_list_what_one_query_lists(
    client, listed, monkeypatch, size, url, params
):
    in_one_query = every_page(client, url, size=100, **params)
    monkeypatch.setattr("visits.pagination.ListPaginator.deferred_from", 0)

    assert every_page(client, url, size, **params) == in_one_query
    assert len(in_one_query) in (10, 7)


def test_the_last_page_of_the_articles_page_is_read_from_the_end(client, listed, monkeypatch):
    monkeypatch.setattr("visits.pagination.ListPaginator.deferred_from", 0)
    response = client.get("/articles/", {"page_size": 3, "page": 4})

    assert [article.slug for article in response.context["object_list"]] == ["listed-00"]
