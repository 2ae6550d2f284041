"""Bad input is a 400 naming the field, never a 500; a nested write saves all or nothing."""

import json

import pytest

from newsroom.models import Article
from tests.factories import EventFactory, VisitFactory
from visits.models import Meeting, MeetingParticipant, Official, Visit

pytest_plugins = ["tests.api_support"]
pytestmark = pytest.mark.django_db

API = "/api/v1/"


def visit_body(**changes):
    body = {
        "visitor": "abdellatif-hammouchi",
        "origin_country": "MA",
        "host_country": "ES",
        "start": {"value": "2026-02-10", "precision": "day"},
        "end": {"value": "2026-02-12", "precision": "day"},
    }
    return {**body, **changes}


def bad_request(response) -> dict:
    assert response.status_code == 400, response.content
    return response.json()


def test_a_valid_visit_is_created(editor, seed):
    assert editor.post(API + "visits/", visit_body()).status_code == 201


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": {"value": "2026-02-01", "precision": "day"}}, "end"),
        ({"host_country": "XX"}, "host_country"),
        ({"origin_country": "Narnia"}, "origin_country"),
        ({"visitor": "no-such-official"}, "visitor"),
        ({"delegation": ["abdellatif-hammouchi", "nobody"]}, "delegation"),
        ({"event": "no-such-event"}, "event"),
        ({"kind": "holiday"}, "kind"),
        ({"start": {"value": "2026-02-10", "precision": "month"}}, "start"),
        ({"start": {"value": "2026-02", "precision": "day"}}, "start"),
        ({"start": {"value": "2026-02-30", "precision": "day"}}, "start"),
        ({"start": {"value": "10/02/2026", "precision": "day"}}, "start"),
        ({"start": "2026-02-10"}, "start"),
        ({"start": {"value": "2026", "precision": "decade"}}, "start"),
        ({"end": {"value": "2026-02", "precision": "month"}}, "end"),
        ({"start": None}, "start"),
    ],
)
def test_a_bad_visit_field_is_a_400_naming_it(editor, seed, changes, field):
    errors = bad_request(editor.post(API + "visits/", visit_body(**changes)))
    assert field in errors
    assert not Visit.objects.filter(host_country="ES").exists()


def test_the_messages_say_what_is_wrong(editor, seed):
    response = editor.post(
        API + "visits/",
        visit_body(visitor="nobody", end={"value": "2026-02-01", "precision": "day"}),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    errors = bad_request(response)
    assert errors["visitor"] == ["No official has the slug “nobody”."]
    mismatch = bad_request(
        editor.post(
            API + "visits/",
            visit_body(start={"value": "2026-02-10", "precision": "month"}),
            HTTP_ACCEPT_LANGUAGE="en",
        )
    )
    assert mismatch["start"] == {
        "precision": ["“2026-02-10” is a date at day precision, not at month precision."]
    }


def test_end_before_start_on_a_partial_update(editor):
    visit = VisitFactory()
    errors = bad_request(
        editor.patch(
            f"{API}visits/{visit.pk}/", {"end": {"value": "2020-01-01", "precision": "day"}}
        )
    )
    assert list(errors) == ["end"]


def test_an_end_at_another_precision_than_the_stored_start_is_a_400(editor):
    visit = VisitFactory()
    errors = bad_request(
        editor.patch(f"{API}visits/{visit.pk}/", {"end": {"value": "2025", "precision": "year"}})
    )
    assert list(errors) == ["end"]


def test_an_event_end_before_start(editor):
    event = EventFactory()
    response = editor.patch(
        f"{API}events/{event.slug}/", {"end": {"value": "2000-01", "precision": "month"}}
    )
    assert "end" in bad_request(response)


def test_a_meeting_date_must_match_its_precision(editor, seed):
    body = {"country": "ES", "date": {"value": "2026-02-11", "precision": "year"}}
    assert "date" in bad_request(editor.post(API + "meetings/", body))


def test_an_article_date_must_match_its_precision(editor):
    body = {
        "title": "Titre",
        "slug": "titre",
        "body": "Texte.",
        "published_on": {"value": "2025", "precision": "month"},
    }
    assert "published_on" in bad_request(editor.post(API + "articles/", body))


# --- Article text ---


def article_body(text):
    return {"title": "Un long article", "slug": "un-long-article", "body": text}


def test_an_article_text_of_one_megabyte_is_accepted(editor):
    response = editor.post(API + "articles/", article_body("a" * 1_000_000))
    assert response.status_code == 201


@pytest.mark.parametrize("text", ["a" * 1_000_001, "é" * 500_001])
def test_an_article_text_over_one_megabyte_of_utf8_is_a_400(editor, text):
    errors = bad_request(editor.post(API + "articles/", article_body(text)))
    assert list(errors) == ["body"]
    assert not Article.objects.exists()


def test_a_request_over_the_upload_limit_is_a_413(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = editor.post(API + "articles/", article_body("a" * 2000))
    assert response.status_code == 413


def test_the_same_text_twice_is_a_400(editor, seed):
    text = Article.objects.get(slug="igef-2024").body
    errors = bad_request(editor.post(API + "articles/", article_body(text)))
    assert "igef-2024" in errors["body"][0]


# --- Nested writes ---


def test_a_visit_with_a_bad_meeting_saves_nothing(editor, seed):
    body = visit_body(
        meetings=[
            {"country": "ES", "participants": [{"official": "abdellatif-hammouchi"}]},
            {"country": "ES", "participants": [{"official": "nobody"}]},
        ]
    )
    errors = bad_request(editor.post(API + "visits/", body))
    assert list(errors["meetings"]) == ["1"]
    assert "official" in errors["meetings"]["1"]["participants"]["0"]
    assert not Visit.objects.filter(host_country="ES").exists()
    assert not Meeting.objects.filter(country="ES").exists()


def test_a_participant_is_an_official_or_a_country(editor, seed):
    body = visit_body(meetings=[{"country": "ES", "participants": [{"role": "chef"}]}])
    response = editor.post(API + "visits/", body, HTTP_ACCEPT_LANGUAGE="en")
    errors = bad_request(response)["meetings"]["0"]["participants"]["0"]
    assert errors == {
        "non_field_errors": [
            "A participant is a named official or an unnamed counterpart with a country."
        ]
    }


def test_an_official_takes_part_once(editor, seed):
    twice = [{"official": "abdellatif-hammouchi"}, {"official": "abdellatif-hammouchi"}]
    body = visit_body(meetings=[{"country": "ES", "participants": twice}])
    assert "participants" in bad_request(editor.post(API + "visits/", body))["meetings"]["0"]


def test_a_failure_midway_through_a_nested_write_rolls_everything_back(editor, seed, monkeypatch):
    """The database refusing the last participant undoes the visit and its first meeting."""
    saves = []
    original = MeetingParticipant.save

    def failing_save(self, *args, **kwargs):
        saves.append(self)
        if len(saves) == 3:
            from django.db import IntegrityError

            raise IntegrityError("refused")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(MeetingParticipant, "save", failing_save)
    body = visit_body(
        meetings=[
            {"country": "ES", "participants": [{"official": "abdellatif-hammouchi"}]},
            {"country": "ES", "participants": [{"country": "ES"}, {"country": "PT"}]},
        ]
    )
    response = editor.post(API + "visits/", body)
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert not Visit.objects.filter(host_country="ES").exists()
    assert not Meeting.objects.filter(country="ES").exists()


def test_a_meeting_id_of_another_visit_is_a_400(editor, seed):
    other = Meeting.objects.first()
    visit = VisitFactory()
    response = editor.patch(f"{API}visits/{visit.pk}/", {"meetings": [{"id": other.pk}]})
    assert "meetings" in bad_request(response)


def test_nested_ids_on_a_new_official_are_a_400(editor):
    body = {"name": "Nouveau Nom", "slug": "nouveau-nom", "other_names": [{"id": 1, "name": "X"}]}
    assert "other_names" in bad_request(editor.post(API + "officials/", body))


def test_an_official_written_with_names_and_positions(editor, seed):
    body = {
        "name": "Mohammed Dkhissi",
        "slug": "mohammed-dkhissi",
        "country": "MA",
        "other_names": [{"name": "Mohamed Dkhissi", "kind": "transliteration"}],
        "positions": [
            {
                "organization": "dgsn",
                "title": "directeur de la police judiciaire",
                "start": {"value": "2014", "precision": "year"},
            }
        ],
    }
    created = editor.post(API + "officials/", body)
    assert created.status_code == 201, created.content
    official = created.json()
    assert official["positions"][0]["start"] == {"value": "2014", "precision": "year"}
    found = editor.get(API + "officials/", {"search": "Mohamed"}).json()["results"]
    assert [o["slug"] for o in found] == ["mohammed-dkhissi"]
    kept = official["other_names"][0]["id"]
    changed = editor.patch(
        official["url"], {"other_names": [{"id": kept, "name": "Mohamed Dkhissi", "note": "AFP"}]}
    )
    assert changed.status_code == 200
    assert [(n["id"], n["note"]) for n in changed.json()["other_names"]] == [(kept, "AFP")]
    emptied = editor.patch(official["url"], {"other_names": [], "positions": []})
    assert (emptied.json()["other_names"], emptied.json()["positions"]) == ([], [])


def test_the_same_other_name_twice_is_a_400(editor, seed):
    body = {"other_names": [{"name": "Hammouchi A."}, {"name": "hammouchi a"}]}
    response = editor.patch(API + "officials/abdellatif-hammouchi/", body)
    assert "other_names" in bad_request(response)


# --- Uniqueness, deletion, malformed requests ---


def test_a_slug_taken_is_a_400(editor, seed):
    body = {"name": "Autre", "slug": "abdellatif-hammouchi"}
    assert "slug" in bad_request(editor.post(API + "officials/", body))


def test_a_wikidata_id_taken_is_a_400(editor, seed):
    Official.objects.filter(slug="mahmoud-demirtas").update(wikidata_id="Q42")
    response = editor.patch(API + "officials/munir-karaloglu/", {"wikidata_id": "Q42"})
    bad_request(response)


def test_an_organization_cannot_be_its_own_parent(editor, seed):
    response = editor.patch(API + "organizations/pole-dgsn-dgst/", {"parent": "dgsn"})
    assert "parent" in bad_request(response)


def test_deleting_a_record_others_depend_on_is_a_409(anonymous, make_user, seed):
    anonymous.force_authenticate(make_user("root", is_staff=True, is_superuser=True))
    response = anonymous.delete(API + "events/igef-2024/")
    assert response.status_code == 409
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "payload",
    [
        "{not json",
        '{"visitor": "\\u0000"}',
        '{"city": "\\ud800"}',
        "[1, 2, 3]",
        '"a string"',
        "null",
    ],
)
def test_malformed_bodies_are_400s(editor, seed, payload):
    response = editor.post(API + "visits/", payload, content_type="application/json")
    assert response.status_code == 400


def test_only_json_is_read(editor, seed):
    response = editor.post(API + "visits/", "visitor=x", content_type="text/plain")
    assert response.status_code == 415


def test_errors_are_json(editor, seed):
    response = editor.post(API + "visits/", visit_body(host_country="XX"))
    assert json.loads(response.content)["host_country"]
