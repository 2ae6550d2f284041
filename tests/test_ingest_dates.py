"""Date expressions in French and English, as ranges with a precision and an inferred year."""

import datetime

import pytest

from newsroom.ingest.dates import find, parse_publication, resolve
from newsroom.ingest.tokens import fold

REFERENCE = datetime.date(2024, 9, 25)


def read_dates(text, **context):
    folded = fold(text)
    results = []
    for mention in find(folded):
        found = resolve(mention, **context)
        results.append((found.start, found.end, found.precision) if found else None)
    return results


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("du 19 au 21 septembre 2024", ("2024-09-19", "2024-09-21", "day")),
        ("du 31 octobre au 2 novembre 2022", ("2022-10-31", "2022-11-02", "day")),
        ("du 30 décembre au 2 janvier 2025", ("2024-12-30", "2025-01-02", "day")),
        ("les 8 et 9 octobre 2024", ("2024-10-08", "2024-10-09", "day")),
        ("from November 24 to 27, 2025", ("2025-11-24", "2025-11-27", "day")),
        ("November 30 to December 2, 2025", ("2025-11-30", "2025-12-02", "day")),
        ("from 9 to 11 June 2025", ("2025-06-09", "2025-06-11", "day")),
        ("lundi 3 mars 2025", ("2025-03-03", None, "day")),
        ("le 1er octobre 2023", ("2023-10-01", None, "day")),
        ("en novembre 2025", ("2025-11", None, "month")),
        ("in September 2024", ("2024-09", None, "month")),
        ("en 2030", ("2030", None, "year")),
    ],
)
def test_dates_with_their_year(text, expected):
    assert read_dates(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("du 19 au 21 septembre", ("09-19", "09-21", "day-no-year")),
        ("November 24 to 27", ("11-24", "11-27", "day-no-year")),
        ("mercredi 10 août", ("08-10", None, "day-no-year")),
        ("on Wednesday 5 February", ("02-05", None, "day-no-year")),
        ("en novembre prochain", ("11", None, "month-no-year")),
    ],
)
def test_without_a_year_anywhere_the_day_stays_without_year(text, expected):
    assert read_dates(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("du 19 au 21 septembre", ("2024-09-19", "2024-09-21", "day")),
        ("mercredi 10 août", ("2024-08-10", None, "day")),
        ("en novembre prochain", ("2024-11", None, "month")),
        ("le mois dernier", ("2024-08", None, "month")),
        ("mercredi", ("2024-09-25", None, "day")),
        ("on Monday", ("2024-09-23", None, "day")),
        ("lundi prochain", ("2024-09-30", None, "day")),
    ],
)
def test_the_article_date_gives_the_year_and_weekdays(text, expected):
    assert read_dates(text, reference=REFERENCE, reference_is_day=True) == [expected]


def test_december_read_in_january_is_last_year():
    assert read_dates("du 19 au 21 décembre", reference=datetime.date(2025, 1, 10)) == [
        ("2024-12-19", "2024-12-21", "day")
    ]


def test_an_event_edition_year_wins_over_the_reference():
    assert read_dates("du 18 au 20 septembre", year_hint=2025, reference=REFERENCE) == [
        ("2025-09-18", "2025-09-20", "day")
    ]


def test_weekday_without_a_day_precise_reference_is_no_date():
    assert read_dates("mercredi", reference=REFERENCE, reference_is_day=False) == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-09", (datetime.date(2024, 9, 1), "month")),
        ("2024-11-28", (datetime.date(2024, 11, 28), "day")),
        ("18/07/2024", (datetime.date(2024, 7, 18), "day")),
        ("18 juillet 2024", (datetime.date(2024, 7, 18), "day")),
        ("July 2024", (datetime.date(2024, 7, 1), "month")),
        ("someday", None),
    ],
)
def test_publication_dates_as_headers_write_them(text, expected):
    assert parse_publication(text) == expected
