"""Partial dates: a month is "2025-11", never the 1st."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import EventFactory
from visits import dates
from visits.dates import DatePrecision


@pytest.mark.parametrize(
    ("value", "precision", "iso"),
    [
        (datetime.date(2025, 11, 18), DatePrecision.DAY, "2025-11-18"),
        (datetime.date(2025, 11, 1), DatePrecision.MONTH, "2025-11"),
        (datetime.date(2030, 1, 1), DatePrecision.YEAR, "2030"),
        (None, DatePrecision.DAY, None),
    ],
)
def test_iso_form_is_cut_to_the_precision(value, precision, iso):
    assert dates.to_iso(value, precision) == iso


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2025-11-18", datetime.date(2025, 11, 18), DatePrecision.DAY),
        ("2025-11", datetime.date(2025, 11, 1), DatePrecision.MONTH),
        ("2030", datetime.date(2030, 1, 1), DatePrecision.YEAR),
    ],
)
def test_parse_iso_reads_each_precision(text, value, precision):
    assert dates.parse_iso(text) == (value, precision)


@pytest.mark.parametrize("text", ["", "2025-13", "2025-02-30", "25", "novembre", "2025-11-18-1"])
def test_parse_iso_rejects_what_is_not_a_partial_date(text):
    with pytest.raises(ValidationError):
        dates.parse_iso(text)


def test_humanize_speaks_the_readers_language():
    november = datetime.date(2025, 11, 1)
    with translation.override("fr"):
        assert dates.humanize(november, DatePrecision.MONTH) == "novembre 2025"
    with translation.override("en"):
        assert dates.humanize(november, DatePrecision.MONTH) == "November 2025"
    assert dates.humanize(datetime.date(2030, 1, 1), DatePrecision.YEAR) == "2030"


def test_a_month_precision_event_is_shown_as_its_month(db):
    event = EventFactory(start=datetime.date(2025, 11, 1), end=None, precision=DatePrecision.MONTH)
    assert event.start_iso == "2025-11"
    assert event.end_iso is None
    with translation.override("fr"):
        assert event.dates_display == "novembre 2025"


def test_a_day_range_is_shown_from_start_to_end(db):
    event = EventFactory()
    with translation.override("en"):
        assert event.dates_display == "Sept. 19, 2024 – Sept. 21, 2024"


@pytest.mark.parametrize(
    ("precision", "start"),
    [
        (DatePrecision.MONTH, datetime.date(2025, 11, 18)),
        (DatePrecision.YEAR, datetime.date(2030, 6, 1)),
    ],
)
def test_clean_rejects_a_date_that_does_not_match_its_precision(db, precision, start):
    event = EventFactory.build(start=start, end=None, precision=precision, series=None)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "start" in error.value.message_dict
