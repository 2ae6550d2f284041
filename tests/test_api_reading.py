"""The API reads records with fewer steps than DRF (DirectReadMixin), and answers the same."""

import json

import pytest
from django.utils import translation
from rest_framework import serializers

from newsroom.api_urls import router
from tests.factories import OutletFactory
from visits.serializers import DirectReadMixin, FieldsOnceMixin

LISTS = [prefix for prefix, _viewset, _basename in router.registry]


def drf_reading(self, instance):
    return serializers.Serializer.to_representation(self, instance)


def answers(client, staff, prefix: str) -> dict:
    """Every page of the list and every record's detail, as the public and as staff."""
    found = {}
    for audience in ("public", "staff"):
        if audience == "staff":
            client.force_login(staff)
        response = client.get(f"/api/v1/{prefix}/", {"page_size": 100})
        assert response.status_code == 200
        found[(audience, "list")] = response.json()
        for record in response.json()["results"]:
            detail = client.get(record["url"]) if "url" in record else None
            if detail is not None:
                assert detail.status_code == 200
                found[(audience, record["url"])] = detail.json()
        client.logout()
    return found


@pytest.mark.parametrize("prefix", LISTS)
def test_lists_and_details_read_as_drf_reads_them(seed, client, staff, monkeypatch, prefix):
    # The seed's articles name no outlet; one with a website and one without.
    OutletFactory(url="https://lematin.ma/")
    OutletFactory(url="")
    direct = answers(client, staff, prefix)
    monkeypatch.setattr(DirectReadMixin, "to_representation", drf_reading)
    assert answers(client, staff, prefix) == direct
    # The seed has records of every kind, nested ones among them.
    assert direct[("public", "list")]["count"] > 0


def test_a_write_answers_as_drf_reads_it(seed, client, staff, monkeypatch):
    """A record just written goes through the same reading, nested lists included."""
    client.force_login(staff)
    visit = client.get("/api/v1/visits/").json()["results"][0]
    changed = client.patch(
        visit["url"], json.dumps({"city": "Lisbonne"}), content_type="application/json"
    )
    assert changed.status_code == 200, changed.content
    monkeypatch.setattr(DirectReadMixin, "to_representation", drf_reading)
    assert client.get(visit["url"]).json() == changed.json()
    assert changed.json()["city"] == "Lisbonne"
    assert changed.json()["meetings"], "the seed visit has meetings"


def serializer_classes():
    """Every serializer of the API with fields read from its model."""
    found, todo = set(), list(FieldsOnceMixin.__subclasses__())
    while todo:
        cls = todo.pop()
        if hasattr(cls, "Meta"):
            found.add(cls)
        todo += cls.__subclasses__()
    return sorted(found, key=lambda cls: cls.__qualname__)


@pytest.mark.parametrize("cls", serializer_classes(), ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_fields_built_once_are_the_fields_drf_builds(db, cls, language):
    with translation.override(language):
        expected = serializers.ModelSerializer.get_fields(cls())
        first, second = cls().get_fields(), cls().get_fields()
    for fields in (first, second):
        assert list(fields) == list(expected)
        assert {name: repr(field) for name, field in fields.items()} == {
            name: repr(field) for name, field in expected.items()
        }
    # Each serializer has fields of its own, bound to it alone.
    assert not {id(field) for field in first.values()} & {id(field) for field in second.values()}


def test_country_choices_are_named_in_the_language_of_the_request():
    from visits.serializers import OfficialSerializer

    names = {}
    for language in ["fr", "en", "fr"]:
        with translation.override(language):
            names[language] = OfficialSerializer().fields["country"].choices["MA"]
    assert names == {"fr": "Maroc", "en": "Morocco"}


def test_a_serializer_asks_its_model_for_its_fields_once(monkeypatch):
    """Outlets have declared fields (url, website) beside those read from the model."""
    from newsroom.serializers import OutletSerializer

    built = []
    original = serializers.ModelSerializer.build_field

    def counted(self, *args, **kwargs):
        built.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(serializers.ModelSerializer, "build_field", counted)
    monkeypatch.setattr(OutletSerializer, "_field_prototypes", {}, raising=False)
    first = OutletSerializer().fields
    assert "country" in built
    built.clear()
    second = OutletSerializer().fields

    assert built == []
    assert list(second) == list(first)
    assert second["country"] is not first["country"]
    assert second["country"].parent is not first["country"].parent
