"""The OpenAPI 3 schema generates without warnings, validates, and documents the one
representation; its interactive docs are served from this site, without network."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from drf_spectacular.validation import validate_schema

pytest_plugins = ["tests.api_support"]
pytestmark = pytest.mark.django_db

API = "/api/v1/"
LISTS = [
    "articles",
    "outlets",
    "officials",
    "organizations",
    "topics",
    "event-series",
    "events",
    "visits",
    "meetings",
    "countries",
]


@pytest.fixture
def schema(anonymous):
    response = anonymous.get(API + "schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_the_schema_generates_without_warnings_and_validates(tmp_path):
    path = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    assert path.read_text().startswith("openapi: 3.0")


def test_the_served_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Newsroom API"
    validate_schema(schema)


def test_every_endpoint_is_documented(schema):
    for name in LISTS:
        assert f"/api/v1/{name}/" in schema["paths"]
    assert "/api/v1/visits/{id}/" in schema["paths"]
    assert "/api/v1/officials/{slug}/" in schema["paths"]
    assert "/api/v1/countries/{code}/" in schema["paths"]


@pytest.mark.parametrize("name", LISTS)
def test_lists_take_page_size_search_and_ordering_once(schema, name):
    parameters = schema["paths"][f"/api/v1/{name}/"]["get"]["parameters"]
    names = [parameter["name"] for parameter in parameters]
    for expected in ["page", "page_size", "search", "ordering"]:
        assert names.count(expected) == 1, (name, expected, names)
    page_size = next(p for p in parameters if p["name"] == "page_size")
    assert page_size["schema"]["maximum"] == 100


def test_the_visit_filters_are_the_pages_filters(schema):
    parameters = schema["paths"]["/api/v1/visits/"]["get"]["parameters"]
    names = {parameter["name"] for parameter in parameters}
    assert {"official", "host_country", "origin_country", "kind", "event"} <= names
    assert {"date_from", "date_to"} <= names


def component(schema, name):
    return schema["components"]["schemas"][name]


def test_a_partial_date_is_one_documented_object(schema):
    partial = component(schema, "PartialDate")
    assert set(partial["properties"]) == {"value", "precision"}
    assert set(partial["required"]) == {"value", "precision"}
    for model, field in [("Visit", "start"), ("Meeting", "date"), ("Article", "published_on")]:
        assert "PartialDate" in str(component(schema, model)["properties"][field])


def test_named_records_are_read_as_refs_and_written_as_slugs(schema):
    assert set(component(schema, "Ref")["properties"]) == {"slug", "name", "url"}
    assert "Ref" in str(component(schema, "Visit")["properties"]["visitor"])
    assert component(schema, "VisitRequest")["properties"]["visitor"]["type"] == "string"


def test_countries_are_iso_codes(schema):
    host = str(component(schema, "Visit")["properties"]["host_country"])
    assert "CountryEnum" in host
    assert "TR" in component(schema, "CountryEnum")["enum"]


def test_token_and_session_authentication_are_documented(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"]["type"] == "apiKey"
    assert "cookieAuth" in schemes


def test_the_docs_are_served_from_this_site(anonymous):
    response = anonymous.get(API + "docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/api/v1/schema/" in page
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/drf_spectacular_sidecar/"), asset
        assert finders.find(asset.removeprefix("/static/")), asset
