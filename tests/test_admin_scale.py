"""The admin at scale: a fixed number of queries per list, filters that list no corpus, exports
that stream or are bounded."""

import datetime
import json
import re

import pytest
import tablib
from django.contrib import messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.models import Article, ArticleEvent, ArticleOfficial, ArticleVisit
from newsroom.resources import ArticleResource
from tests import factories
from tests.test_admin import REGISTERED, ArticleEventFactory, label, make_record, url
from visits.models import (
    Event,
    Meeting,
    MeetingParticipant,
    Official,
    OfficialName,
    Position,
    Visit,
)

# Session, user, the tables' version and one count (cached until a write), the page, and the
# few queries of small filters and date hierarchies.
BUDGET = 8

CSV, XLSX, JSON = "0", "1", "2"


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_every_changelist_answers_within_one_query_budget_at_any_size(
    staff_client, django_assert_max_num_queries, model, size
):
    while model._default_manager.count() < size:
        make_record(model)

    with django_assert_max_num_queries(BUDGET):
        response = staff_client.get(url(model, "changelist"))

    assert response.status_code == 200


def filter_sidebar(response) -> str:
    """The HTML of the changelist's filters."""
    match = re.search(r'<nav id="changelist-filter".*?</nav>', response.content.decode(), re.S)
    return match.group() if match else ""


@pytest.fixture
def corpus(db):
    """Many officials, events, series, outlets and visits, each named by its factory."""
    factories.ArticleOfficialFactory.create_batch(12)
    ArticleEventFactory.create_batch(12)
    factories.ArticleVisitFactory.create_batch(12)
    factories.MeetingParticipantFactory.create_batch(12)
    factories.PositionFactory.create_batch(12)
    factories.OfficialNameFactory.create_batch(12)


# The names the factories give officials, events, event series and outlets.
CORPUS_NAMES = ("Official Number", "Security Fair", "Le Quotidien")
OURS = [model for model in REGISTERED if model._meta.app_label in {"visits", "newsroom"}]


@pytest.mark.parametrize("model", OURS, ids=label)
def test_no_filter_lists_the_officials_events_or_outlets(staff_client, corpus, model):
    response = staff_client.get(url(model, "changelist"))

    sidebar = filter_sidebar(response)
    assert not [name for name in CORPUS_NAMES if name in sidebar]


@pytest.fixture
def hammouchi(db):
    official = factories.OfficialFactory(name="Abdellatif Hammouchi", slug="abdellatif-hammouchi")
    factories.OfficialNameFactory(official=official, name="Abdelatif Hammouchi")
    return official


@pytest.fixture
def demirtas(db):
    return factories.OfficialFactory(name="Mahmoud Demirtaş", slug="mahmoud-demirtas")


def delegation_visit(official):
    visit = factories.VisitFactory()
    visit.delegation.add(official)
    return visit


# How each list's record names an official: what the filter on an official must find.
NAMING_AN_OFFICIAL = {
    "article": (Article, lambda o: factories.ArticleOfficialFactory(official=o).article),
    "article-official": (ArticleOfficial, lambda o: factories.ArticleOfficialFactory(official=o)),
    "article-visit": (ArticleVisit, lambda o: factories.ArticleVisitFactory(visit__visitor=o)),
    "visit-visitor": (Visit, lambda o: factories.VisitFactory(visitor=o)),
    "visit-delegation": (Visit, delegation_visit),
    "meeting-participant": (
        Meeting,
        lambda o: factories.MeetingParticipantFactory(official=o).meeting,
    ),
    "meeting-visitor": (Meeting, lambda o: factories.MeetingFactory(visit__visitor=o)),
    "participant": (MeetingParticipant, lambda o: factories.MeetingParticipantFactory(official=o)),
    "position": (Position, lambda o: factories.PositionFactory(official=o)),
    "other-name": (OfficialName, lambda o: factories.OfficialNameFactory(official=o)),
}


def found(response):
    return set(response.context["cl"].result_list)


@pytest.mark.parametrize("case", NAMING_AN_OFFICIAL)
def test_choosing_an_official_lists_only_their_records(staff_client, demirtas, case):
    dkhissi = factories.OfficialFactory(name="Mohammed Dkhissi", slug="mohammed-dkhissi")
    model, naming = NAMING_AN_OFFICIAL[case]
    record = naming(dkhissi)
    naming(demirtas)

    response = staff_client.get(url(model, "changelist"), {"official": dkhissi.pk})

    assert found(response) == {record}
    sidebar = filter_sidebar(response)
    assert "Mohammed Dkhissi" in sidebar
    assert "Demirtaş" not in sidebar


def tagged(record, topic):
    record.topics.add(topic)
    return record


# A list, the filter's parameter, the chosen kind of record, and a row that points to one.
CHOOSING_A_RECORD = {
    "article-outlet": (
        Article,
        "outlet",
        factories.OutletFactory,
        lambda outlet: factories.ArticleFactory(outlet=outlet),
    ),
    "article-event": (
        Article,
        "event",
        factories.EventFactory,
        lambda event: ArticleEventFactory(event=event).article,
    ),
    "visit-event": (
        Visit,
        "event",
        factories.EventFactory,
        lambda event: factories.VisitFactory(event=event),
    ),
    "link-event": (
        ArticleEvent,
        "event",
        factories.EventFactory,
        lambda event: ArticleEventFactory(event=event),
    ),
    "event-series": (
        Event,
        "series",
        factories.EventSeriesFactory,
        lambda series: factories.EventFactory(series=series),
    ),
    "article-topic": (
        Article,
        "topic",
        factories.TopicFactory,
        lambda topic: tagged(factories.ArticleFactory(), topic),
    ),
    "meeting-topic": (
        Meeting,
        "topic",
        factories.TopicFactory,
        lambda topic: tagged(factories.MeetingFactory(), topic),
    ),
}


@pytest.mark.parametrize("case", CHOOSING_A_RECORD)
def test_choosing_a_related_record_lists_only_the_rows_pointing_to_it(staff_client, case):
    model, parameter, make_target, pointing_to = CHOOSING_A_RECORD[case]
    chosen, other = make_target(), make_target()
    record = pointing_to(chosen)
    pointing_to(other)

    response = staff_client.get(url(model, "changelist"), {parameter: chosen.pk})

    assert found(response) == {record}


def test_a_topic_chosen_twice_over_repeats_no_article(staff_client):
    topic = factories.TopicFactory()
    article = tagged(factories.ArticleFactory(), topic)
    factories.ArticleOfficialFactory.create_batch(2, article=article)

    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get(url(Article, "changelist"), {"topic": topic.pk})

    assert list(response.context["cl"].result_list) == [article]
    assert not [query["sql"] for query in queries if "DISTINCT" in query["sql"].upper()]


def test_the_official_box_asks_the_autocomplete_view_which_reads_any_spelling(
    staff_client, hammouchi, demirtas
):
    page = staff_client.get(url(Article, "changelist")).content.decode()
    box = re.search(r'<select name="official"[^>]*>', page).group()
    query = dict(re.findall(r'data-(app-label|model-name|field-name)="([^"]*)"', box))

    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": query["app-label"],
            "model_name": query["model-name"],
            "field_name": query["field-name"],
            "term": "Abdelatif H",
        },
    )

    assert [result["id"] for result in response.json()["results"]] == [str(hammouchi.pk)]


def test_an_official_that_is_not_a_key_sends_back_to_the_list_with_an_error(staff_client):
    response = staff_client.get(url(Article, "changelist"), {"official": "hammouchi"})

    assert response.status_code == 302
    assert "e=1" in response.url


def test_the_article_list_counts_its_rows_once_and_reads_no_list_of_dates(staff_client):
    factories.ArticleFactory.create_batch(3)

    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get(url(Article, "changelist"), {"status__exact": "published"})

    assert response.status_code == 200
    statements = [query["sql"].upper() for query in queries]
    assert sum("COUNT(" in sql for sql in statements) == 1
    assert not [sql for sql in statements if "DISTINCT" in sql or "MIN(" in sql]


DATED = {
    Article: ("published_on", lambda day: factories.ArticleFactory(published_on=day)),
    Visit: ("start", lambda day: factories.VisitFactory(start=day, end=day)),
    Meeting: ("date", lambda day: factories.MeetingFactory(date=day)),
}


@pytest.mark.parametrize("model", DATED, ids=label)
def test_the_lists_that_grow_with_the_articles_are_filtered_by_a_range_of_dates(
    staff_client, model
):
    field, make = DATED[model]
    records = {year: make(datetime.date(year, 6, 1)) for year in (2023, 2024, 2025)}

    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get(
            url(model, "changelist"),
            {f"{field}__range__gte": "2024-01-01", f"{field}__range__lte": "2024-12-31"},
        )

    assert found(response) == {records[2024]}
    # No date_hierarchy: it would read the first and last dates and the years of the list.
    assert not [query for query in queries if "MIN(" in query["sql"].upper()]


def test_a_meeting_is_found_by_a_participants_role_without_distinct_rows(staff_client):
    meeting = factories.MeetingParticipantFactory(
        official=None, country="JO", role="chef de la délégation jordanienne"
    ).meeting
    factories.MeetingParticipantFactory.create_batch(2, meeting=meeting)
    factories.MeetingFactory()

    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get(url(Meeting, "changelist"), {"q": "jordanienne"})

    assert list(response.context["cl"].result_list) == [meeting]
    # Django would SELECT DISTINCT whole meetings, once to count them and once for the page.
    assert not [query for query in queries if 'DISTINCT "visits_meeting"."id"' in query["sql"]]


def test_an_official_is_found_by_their_wikidata_id_exactly(staff_client, hammouchi, demirtas):
    hammouchi.wikidata_id = "Q4666"
    hammouchi.save()
    demirtas.wikidata_id = "Q46660"
    demirtas.save()

    response = staff_client.get(url(Official, "changelist"), {"q": "q4666"})

    assert found(response) == {hammouchi}


def export(client, file_format, query=""):
    """The articles exported through the admin, every column selected."""
    columns = {f"articleresource_{name}": "on" for name in ArticleResource().get_export_order()}
    return client.post(
        reverse("admin:newsroom_article_export") + query,
        {"resource": "0", "format": file_format, **columns},
    )


def streamed_rows(response):
    return tablib.Dataset().load(b"".join(response.streaming_content).decode(), format="csv")


def by_slug(rows):
    return sorted((dict(row) for row in rows), key=lambda row: row["slug"])


def test_a_csv_export_streams_every_row_as_import_export_writes_it(staff_client):
    topic = factories.TopicFactory(slug="terrorisme")
    for article in factories.ArticleFactory.create_batch(30):
        article.topics.add(topic)

    response = export(staff_client, CSV)

    assert response.streaming
    assert response["Content-Disposition"].startswith('attachment; filename="Article-')
    rows = streamed_rows(response)
    assert len(rows) == 30
    assert by_slug(rows.dict) == by_slug(ArticleResource().export().dict)


def test_an_export_holds_the_rows_the_list_shows(staff_client, hammouchi, demirtas):
    theirs = factories.ArticleOfficialFactory(official=hammouchi).article
    factories.ArticleOfficialFactory(official=demirtas)

    response = export(staff_client, CSV, f"?official={hammouchi.pk}")

    assert [row["slug"] for row in streamed_rows(response).dict] == [theirs.slug]


def test_an_export_reads_the_table_once_in_chunks(staff_client, monkeypatch):
    topic = factories.TopicFactory()
    for article in factories.ArticleFactory.create_batch(5):
        article.topics.add(topic)
    monkeypatch.setattr(ArticleResource._meta, "chunk_size", 2)

    with CaptureQueriesContext(connection) as queries:
        rows = streamed_rows(export(staff_client, CSV))

    assert len(rows) == 5
    statements = [query["sql"].upper() for query in queries]
    assert not [sql for sql in statements if "OFFSET" in sql]
    # One query for the topics of each chunk of two articles.
    assert sum('"NEWSROOM_ARTICLE_TOPICS"' in sql for sql in statements) == 3


@pytest.mark.parametrize("file_format", [XLSX, JSON])
def test_an_export_built_in_memory_is_refused_above_the_limit_with_a_way_out(
    staff_client, settings, file_format
):
    settings.ADMIN_EXPORT_MAX_ROWS = 2
    factories.ArticleFactory.create_batch(3)

    response = export(staff_client, file_format)

    assert response.status_code == 200
    assert "Content-Disposition" not in response
    (error,) = [str(m) for m in response.context["messages"] if m.level == messages.ERROR]
    assert " 2 " in error and "CSV" in error and "manage.py dumpdata" in error


def test_an_export_built_in_memory_is_complete_up_to_the_limit(staff_client, settings):
    settings.ADMIN_EXPORT_MAX_ROWS = 2
    articles = factories.ArticleFactory.create_batch(2)

    response = export(staff_client, JSON)

    assert response["Content-Disposition"].startswith("attachment")
    rows = json.loads(response.content)
    assert sorted(row["slug"] for row in rows) == sorted(article.slug for article in articles)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_country_column_shows_the_country_s_name_and_sorts(staff_client, language):
    """Names read from each value, in the language of the admin, sorted by the code."""
    factories.OfficialFactory(name="Un Marocain", country="MA")
    factories.OfficialFactory(name="Une Algérienne", country="DZ")
    factories.OfficialFactory(name="Un Inconnu", country="")
    prefix = "" if language == "fr" else "/en"
    page = staff_client.get(f"{prefix}/admin/visits/official/?o=2").content.decode()

    cells = re.findall(r'<td class="field-country">([^<]*)</td>', page)
    morocco = "Maroc" if language == "fr" else "Morocco"
    algeria = "Algérie" if language == "fr" else "Algeria"
    assert cells == ["-", algeria, morocco]
    assert 'class="sortable column-country' in page
