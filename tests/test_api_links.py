"""API URLs filled in from a route reversed once a request are those the resolver writes."""

import pytest
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from rest_framework.request import Request
from rest_framework.reverse import reverse as drf_reverse

from visits.api_links import api_url


@pytest.fixture
def request_():
    return Request(RequestFactory().get("/api/v1/visits/", HTTP_HOST="localhost:8000"))


@pytest.mark.parametrize(
    ("view_name", "value"),
    [
        ("api:official-detail", "abdellatif-hammouchi"),
        ("api:event-detail", "igef-2024"),
        ("api:visit-detail", 12),
        ("api:visit-detail", "12"),
        ("api:meeting-detail", 7),
        ("api:official-detail", "slug_with_underscore-2"),
    ],
)
def test_a_filled_in_url_is_the_reversed_one(request_, view_name, value):
    expected = drf_reverse(view_name, args=[value], request=request_)

    assert api_url(view_name, value, request_) == expected
    # The second time comes from the route kept for the request.
    assert api_url(view_name, value, request_) == expected
    assert expected.startswith("http://localhost:8000/api/v1/")


def test_a_key_that_is_not_plain_goes_to_the_resolver(request_):
    with pytest.raises(NoReverseMatch):
        api_url("api:official-detail", "x y", request_)


def test_an_integer_route_never_takes_a_word(request_):
    with pytest.raises(NoReverseMatch):
        api_url("api:visit-detail", "not-a-number", request_)


def test_a_format_asked_for_is_kept_in_every_url():
    request = Request(RequestFactory().get("/api/v1/visits/?format=json"))

    assert api_url("api:visit-detail", 3, request) == drf_reverse(
        "api:visit-detail", args=[3], request=request
    )
    assert api_url("api:visit-detail", 3, request).endswith("?format=json")


def test_a_page_url_follows_the_language_of_each_call(request_):
    """Pages' routes start with their language: one request may link pages in both."""
    urls = {}
    for language in ["fr", "en", "fr"]:
        with translation.override(language):
            expected = request_.build_absolute_uri(reverse("article-detail", args=["un-titre"]))
            urls[language] = api_url("article-detail", "un-titre", request_)
            assert urls[language] == expected
    assert urls["en"] == "http://localhost:8000/en/articles/un-titre/"
    assert urls["fr"] == "http://localhost:8000/articles/un-titre/"
