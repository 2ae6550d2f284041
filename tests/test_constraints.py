"""Invariants held by the database itself, whatever writes to it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from newsroom.models import content_hash
from tests.factories import (
    ArticleFactory,
    EventFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    OfficialFactory,
    OfficialNameFactory,
    PositionFactory,
    VisitFactory,
)
from visits.dates import DatePrecision
from visits.models import OfficialName

pytestmark = pytest.mark.django_db


def assert_rejected(factory, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**fields)


@pytest.mark.parametrize("factory", [EventFactory, VisitFactory, PositionFactory])
def test_end_before_start_is_rejected(factory):
    assert_rejected(factory, start=datetime.date(2024, 9, 21), end=datetime.date(2024, 9, 19))


@pytest.mark.parametrize("factory", [EventFactory, VisitFactory])
def test_an_end_without_a_start_is_rejected(factory):
    assert_rejected(factory, start=None, end=datetime.date(2024, 9, 19))


@pytest.mark.parametrize("factory", [EventFactory, VisitFactory])
def test_end_on_the_start_day_is_accepted(factory):
    record = factory(start=datetime.date(2024, 9, 19), end=datetime.date(2024, 9, 19))
    assert record.pk


@pytest.mark.parametrize(
    ("precision", "start"),
    [
        (DatePrecision.MONTH, datetime.date(2025, 11, 18)),
        (DatePrecision.YEAR, datetime.date(2030, 3, 1)),
    ],
)
def test_a_partial_date_must_be_the_first_day_of_its_period(precision, start):
    assert_rejected(EventFactory, start=start, end=None, precision=precision)


def test_a_meeting_date_must_match_its_precision():
    assert_rejected(MeetingFactory, date=datetime.date(2024, 9, 20), precision=DatePrecision.YEAR)


def test_article_publication_date_must_match_its_precision():
    assert_rejected(
        ArticleFactory,
        published_on=datetime.date(2024, 9, 20),
        published_precision=DatePrecision.MONTH,
    )


def test_a_participant_is_an_official_or_a_country():
    assert_rejected(MeetingParticipantFactory, official=None, country="")
    counterpart = MeetingParticipantFactory(official=None, country="JO", role="chef de délégation")
    assert str(counterpart) == "chef de délégation (Jordanie)"


def test_an_official_takes_part_in_a_meeting_once():
    participant = MeetingParticipantFactory()
    assert_rejected(
        MeetingParticipantFactory, meeting=participant.meeting, official=participant.official
    )


def test_unnamed_counterparts_of_several_countries_share_a_meeting():
    meeting = MeetingFactory()
    for country in ["SA", "JO", "MY"]:
        MeetingParticipantFactory(meeting=meeting, official=None, country=country, role="chef")
    assert meeting.participants.count() == 3


@pytest.mark.parametrize("factory", [OfficialFactory, EventFactory, ArticleFactory])
def test_slugs_are_unique(factory):
    factory(slug="same-slug")
    assert_rejected(factory, slug="same-slug")


def test_the_same_text_is_never_stored_twice():
    ArticleFactory(body="Le directeur général a effectué une visite.")
    assert_rejected(ArticleFactory, body="Le directeur général a effectué une visite.\r\n")


def test_content_hash_ignores_line_endings_and_outer_blanks_only():
    assert content_hash("a\r\nb\n") == content_hash("a\nb")
    assert content_hash("a b") != content_hash("a  b")


def test_an_other_name_is_registered_once_per_official():
    name = OfficialNameFactory(name="Abdelatif Hammouchi")
    assert_rejected(OfficialNameFactory, official=name.official, name="ABDELATIF HAMMOUCHİ")


def test_wikidata_ids_are_unique_when_given():
    OfficialFactory(wikidata_id="")
    OfficialFactory(wikidata_id="")
    OfficialFactory(wikidata_id="Q123")
    assert_rejected(OfficialFactory, wikidata_id="Q123")


def test_a_duplicate_other_name_is_a_form_error_not_a_crash():
    name = OfficialNameFactory(name="Abdelatif Hammouchi")
    duplicate = OfficialName(official=name.official, name="ABDELATIF HAMMOUCHİ")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "name" in error.value.message_dict


def test_the_same_text_twice_is_a_form_error_naming_the_first_article():
    first = ArticleFactory(body="Le directeur général a effectué une visite.")
    again = ArticleFactory.build(body="Le directeur général a effectué une visite.\n", outlet=None)
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    assert first.title in error.value.message_dict["body"][0]
