"""The scale benchmark: its worker answers every kind of row, and its report applies the rules.

Timings are never asserted: only that rows resolve to URLs answering 200 with their queries
counted, that each raw-SQL floor fetches the rows of its API page, and how the report judges.
"""

import datetime
import json

import pytest
from django.db import connection

from newsroom.models import ArticleEvent
from newsroom.scale_bench.coordinator import Measurement, target_repeat
from newsroom.scale_bench.corpora import Corpus
from newsroom.scale_bench.facts import resolve_facts
from newsroom.scale_bench.floors import FLOORS, run_floor
from newsroom.scale_bench.probe import Probe, ensure_staff, query_shape
from newsroom.scale_bench.report import Report
from newsroom.scale_bench.rows import row_names
from tests.factories import ArticleFactory
from visits.models import Event, Status

# The workers' URLs: the project's and the floors (newsroom.scale_bench.settings).
pytestmark = [pytest.mark.django_db, pytest.mark.urls("newsroom.scale_bench.urls")]


@pytest.fixture
def probe(seed):
    return Probe(resolve_facts(), ensure_staff())


def test_every_row_resolves_on_the_seed_but_the_outlet_filter_which_is_reported(probe):
    missing = "the corpus has no outlet"

    assert probe.missing == {
        "anon:page.articles.outlet": missing,
        "staff:page.articles.outlet": missing,
    }
    assert set(probe.urls) | set(probe.missing) == set(row_names())
    assert probe.answer("anon:page.articles.outlet") == {
        "row": "anon:page.articles.outlet",
        "missing": missing,
    }


def test_rows_point_at_the_seed_s_busiest_records(probe):
    assert probe.facts.official == "abdellatif-hammouchi"
    assert probe.facts.rare_word == "Hammouchi"
    assert probe.urls["anon:page.articles.official"] == "/articles/?official=abdellatif-hammouchi"
    assert probe.urls["staff:admin.visits"] == "/admin/visits/visit/"


@pytest.mark.parametrize(
    "name",
    [
        "anon:page.articles",
        "staff:page.official",
        "anon:feed.articles",
        "anon:api.articles",
        "staff:admin.visits",
        "sql:api.visits",
    ],
)
def test_a_row_answers_200_with_its_queries_counted(probe, name):
    answer = probe.answer(name)

    assert answer["sample"]["status"] == 200
    assert answer["sample"]["queries"] >= 1
    assert len(answer["first"]["warmups"]) == 2
    first = answer["first"]["warmups"][0]
    assert sum(first["shapes"].values()) == first["queries"]
    assert answer["first"]["peak_bytes"] > 0


def test_a_floor_is_answered_as_an_anonymous_request_of_its_json(probe, client):
    assert probe.urls["sql:api.visits"] == "/bench-floor/visits/"
    response = client.get("/bench-floor/visits/")

    assert response.status_code == 200
    assert response.json() == json.loads(run_floor("visits", connection))
    assert client.get("/bench-floor/nothing/").status_code == 404


def test_warm_ups_and_memory_come_with_the_first_answer_only(probe):
    probe.answer("anon:page.home")

    assert "first" not in probe.answer("anon:page.home")


@pytest.mark.parametrize("endpoint", FLOORS)
def test_each_floor_fetches_the_rows_of_its_api_page(probe, endpoint):
    key = "code" if endpoint == "countries" else "id"
    api = probe.clients["anon"].get(f"/api/v1/{endpoint}/").json()
    floor = json.loads(run_floor(endpoint, connection))

    assert floor["count"] == api["count"]
    assert [row[key] for row in floor["results"]] == [row[key] for row in api["results"]]


def test_a_floor_shows_the_sources_the_api_shows_the_newest_twenty(probe):
    """An event reported by 25 articles, 2 of them drafts, some on the same day."""
    event = Event.objects.filter(status=Status.PUBLISHED).order_by("-start", "name").first()
    for day in range(25):
        article = ArticleFactory(
            published_on=datetime.date(2025, 1, 1 + day // 2),
            status=Status.DRAFT if day in (3, 20) else Status.PUBLISHED,
        )
        ArticleEvent.objects.create(article=article, event=event, quote=f"passage {day}")
    api = probe.clients["anon"].get("/api/v1/events/").json()["results"]
    floor = json.loads(run_floor("events", connection))["results"]

    def sources(rows):
        return {row["slug"]: [s["article"]["slug"] for s in row["sources"]] for row in rows}

    assert sources(floor) == sources(api)
    assert len(sources(api)[event.slug]) == 20


# --- The report, on synthetic measurements ---

SMALL, LARGE = 1000, 100000


def measurement(
    seconds: float, queries: int = 5, status: int = 200, size: int = 10_000, shapes=None
) -> Measurement:
    sample = {"seconds": seconds, "status": status, "queries": queries, "size": size}
    warmups = [{**sample, "shapes": shapes}] if shapes else []
    return Measurement(samples=[sample] * 3, peak_bytes=1_000_000, warmups=warmups)


VISITS = 'SELECT "visits_visit"."id" FROM "visits_visit" WHERE "status" = ? LIMIT ?'
EVENTS = 'SELECT "visits_event"."id" FROM "visits_event" WHERE "visits_event"."id" IN (?)'
SOURCES = 'SELECT "a"."id" FROM "newsroom_articlevisit" WHERE "visit_id" = ?'


def test_a_query_shape_is_the_query_for_any_values():
    shape = query_shape(
        'SELECT "visits_event"."id", "col1" FROM "visits_event" '
        'WHERE "status" = \'published\' AND "visits_event"."id" IN (12, 7, 301)\n  LIMIT 21'
    )
    assert shape == (
        'SELECT "visits_event"."id", "col1" FROM "visits_event" '
        'WHERE "status" = ? AND "visits_event"."id" IN (?) LIMIT ?'
    )


def test_queries_differing_by_a_kind_of_query_one_size_skips_are_set_aside():
    """Page 1 of visits at 1k has a visit with an event; at 100k none has one."""
    result = report(
        {
            (SMALL, "anon:page.visits"): measurement(0.01, 3, shapes={VISITS: 1, EVENTS: 1}),
            (LARGE, "anon:page.visits"): measurement(0.01, 2, shapes={VISITS: 1}),
        }
    )

    check = result.check_sizes()
    assert check.verdict == "PASS"
    assert check.by_data == [
        "sqlite anon:page.visits: queries 3 → 2, only at the small size: visits_event"
    ]
    assert "a kind of query that the page's rows need at one size" in result.markdown(["#"])


def test_a_kind_of_query_run_more_often_at_one_size_fails():
    """One query per row: the count grows with the rows a page shows."""
    result = report(
        {
            (SMALL, "anon:page.visits"): measurement(0.01, 6, shapes={VISITS: 1, SOURCES: 5}),
            (LARGE, "anon:page.visits"): measurement(0.01, 21, shapes={VISITS: 1, SOURCES: 20}),
        }
    )

    check = result.check_sizes()
    assert check.offenders == ["sqlite anon:page.visits: queries 6 → 21"]
    assert not check.by_data


def test_queries_differing_without_their_shapes_fail():
    result = report(
        {
            (SMALL, "anon:page.visits"): measurement(0.01, 3),
            (LARGE, "anon:page.visits"): measurement(0.01, 2),
        }
    )

    assert result.check_sizes().offenders == ["sqlite anon:page.visits: queries 3 → 2"]


def report(rows: dict) -> Report:
    """A report of SQLite corpora at two sizes; `rows` maps (size, name) to a measurement."""
    measurements = {(f"sqlite-{size}", name): value for (size, name), value in rows.items()}
    names = list(dict.fromkeys(name for _size, name in rows))
    return Report(measurements, [Corpus("sqlite", SMALL), Corpus("sqlite", LARGE)], names, 3)


def test_a_page_over_one_and_a_half_times_slower_at_the_large_size_fails():
    result = report(
        {
            (SMALL, "anon:page.articles"): measurement(0.010),
            (LARGE, "anon:page.articles"): measurement(0.016),
        }
    )

    check = result.check_sizes()
    assert check.verdict == "FAIL"
    assert check.offenders == ["sqlite anon:page.articles: 10.0 → 16.0 ms (1.6×)"]
    assert "- **(a) FAIL** p50 at 100k ≤ 1.5× p50 at 1k" in result.markdown(["# test"])


def test_a_page_at_most_one_and_a_half_times_slower_passes():
    check = report(
        {
            (SMALL, "anon:page.articles"): measurement(0.010),
            (LARGE, "anon:page.articles"): measurement(0.012),
        }
    ).check_sizes()

    assert check.verdict == "PASS"


@pytest.mark.parametrize(("size", "set_aside"), [(40_000, True), (12_000, False), (900_000, False)])
def test_a_slower_page_that_shows_more_rows_is_set_aside_unless_it_grows_without_bound(
    size, set_aside
):
    result = report(
        {
            (SMALL, "anon:page.events"): measurement(0.010, size=10_000),
            (LARGE, "anon:page.events"): measurement(0.020, size=size),
        }
    )
    check = result.check_sizes()

    assert bool(check.set_aside) == set_aside
    assert check.verdict == ("PASS" if set_aside else "FAIL")
    if set_aside:
        assert check.set_aside == [
            "sqlite anon:page.events: 10.0 → 20.0 ms (2.0×), a page 4.0× as large"
        ]
        assert "not compared, the page at 100k showing more rows" in result.markdown(["# t"])


def test_a_row_s_body_size_is_measured(probe):
    answer = probe.answer("anon:page.articles")

    assert answer["sample"]["size"] > 1000


def test_more_queries_at_the_large_size_fail():
    check = report(
        {
            (SMALL, "anon:page.articles"): measurement(0.010, queries=5),
            (LARGE, "anon:page.articles"): measurement(0.010, queries=6),
        }
    ).check_sizes()

    assert check.offenders == ["sqlite anon:page.articles: queries 5 → 6"]


def test_a_row_answering_500_is_reported_not_judged():
    result = report(
        {
            (SMALL, "anon:page.articles"): measurement(0.010),
            (LARGE, "anon:page.articles"): measurement(0.100, status=500),
        }
    )

    assert result.check_sizes().verdict == "PASS"
    assert "HTTP 500@100k" in result.markdown(["# test"])


def test_anonymous_slower_than_staff_and_an_api_list_far_above_its_floor_fail():
    result = report(
        {
            (LARGE, "anon:api.articles"): measurement(0.040),
            (LARGE, "staff:api.articles"): measurement(0.020),
            (LARGE, "sql:api.articles"): measurement(0.010),
        }
    )

    assert result.check_staff().verdict == "FAIL"
    assert result.check_floors().offenders == [
        "sqlite anon:api.articles: 40.0 ms vs 10.0 ms (4.0×)"
    ]


def test_the_report_names_the_url_each_row_requested():
    row = measurement(0.010)
    row.url = "/articles/?q=Hammouchi"

    text = report({(LARGE, "anon:page.articles.q-rare"): row}).markdown(["# test"])

    assert "- `anon:page.articles.q-rare`: `/articles/?q=Hammouchi`" in text


def test_the_postgresql_limit_is_skipped_without_postgresql():
    assert report({(LARGE, "anon:page.home"): measurement(1.0)}).check_postgres().verdict == "SKIP"


def test_a_slow_row_is_measured_three_times_and_a_long_one_within_the_budget():
    fast, long = [{"seconds": 0.01}], [{"seconds": 5.0}]

    assert target_repeat(fast, slow=False, repeat=20, budget=60) == 20
    assert target_repeat(long, slow=False, repeat=20, budget=60) == 12
    assert target_repeat(long, slow=True, repeat=20, budget=60) == 3
