"""Searching articles: the full-text index, the same on the pages, the API and the admin."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.models import Article, content_hash
from newsroom.search import search_articles
from tests.factories import (
    ArticleFactory,
    ArticleOfficialFactory,
    OfficialFactory,
    OfficialNameFactory,
    OutletFactory,
)
from visits.models import Status

pytest_plugins = ["tests.api_support"]
pytestmark = pytest.mark.django_db

ARTICLES = reverse("article-list")
API = "/api/v1/articles/"
ADMIN = reverse("admin:newsroom_article_changelist")
BOTH = ["igef-2024", "igef-2025"]


def page(client, **params):
    response = client.get(ARTICLES, params)
    assert response.status_code == 200
    return [article.slug for article in response.context["object_list"]]


def api(client, **params):
    response = client.get(API, params)
    assert response.status_code == 200, response.content
    return [article["slug"] for article in response.json()["results"]]


def admin_list(client, **params):
    response = client.get(ADMIN, params)
    assert response.status_code == 200
    return [article.slug for article in response.context["cl"].result_list]


def found(client, text):
    """The slugs of the articles a search on the page finds, in alphabetical order."""
    return sorted(page(client, q=text))


def everywhere(staff_client, text):
    """What a search finds on the page, the API's `q` and `search`, and the admin."""
    return {
        "page": page(staff_client, q=text),
        "api q": api(staff_client, q=text),
        "api search": api(staff_client, search=text),
        "admin": admin_list(staff_client, q=text),
    }


@pytest.fixture
def titled(db):
    """Two articles on Zanzibar: one says so in its title, the newer one in its text only."""
    return (
        ArticleFactory(
            slug="zanzibar-title",
            title="Coopération policière avec Zanzibar",
            body="Les deux services ont signé un accord.",
            published_on=datetime.date(2020, 1, 1),
        ),
        ArticleFactory(
            slug="zanzibar-body",
            title="Accord de coopération policière",
            body="Une délégation s'est rendue à Zanzibar puis à Dodoma.",
            published_on=datetime.date(2021, 1, 1),
        ),
    )


# --- Words, accents and case ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spécialisation", ["igef-2024"]),
        ("specialisation", ["igef-2024"]),
        ("SPÉCIALISATION", ["igef-2024"]),
        ("SURETE", BOTH),
        ("sûreté", BOTH),
        ("hammouchi", BOTH),
        ("HAMMOUCHI", BOTH),
        ("Demirtas", ["igef-2025"]),
        ("demirtaş", ["igef-2025"]),
        ("Karaloğlu", ["igef-2024"]),
        ("IGEF", BOTH),
        ("igef24", ["igef-2024"]),
        ("Malaisie", ["igef-2025"]),
    ],
)
def test_a_word_is_found_whatever_its_accents_and_case(client, seed, text, expected):
    assert found(client, text) == expected


def test_an_accented_search_finds_a_text_written_without_accents(client, db):
    article = ArticleFactory(title="Note", body="La securite renforcee des frontieres.")

    assert page(client, q="Sécurité RENFORCÉE") == [article.slug]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turquie Malaisie", ["igef-2025"]),
        ("visite travail", ["igef-2024"]),
        ("Interpol Marrakech", ["igef-2025"]),
        ("Turquie Madrid", []),
        ("Hammouchi Ankara sécurité", BOTH),
    ],
)
def test_every_word_must_be_found(client, seed, text, expected):
    assert found(client, text) == expected


def test_a_word_finds_the_words_it_begins(client, seed):
    assert page(client, q="Malais") == ["igef-2025"]
    assert page(client, q="Jordan") == ["igef-2025"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite does not stem words")
def test_postgresql_also_finds_the_other_french_forms_of_a_word(client, db):
    article = ArticleFactory(body="Les terroristes ont été arrêtés lors des visites.")

    assert page(client, q="terrorisme visite") == [article.slug]


def test_a_search_without_words_finds_nothing(client, seed):
    assert page(client, q="« — »") == []


# --- Names of officials ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # igef-2024 spells it so; igef-2025 writes "Abdellatif" but names him.
        ("Abdelatif", BOTH),
        ("abdelatif jordanie", ["igef-2025"]),
        ("yildiz", ["igef-2024"]),
        ("Salami Yıldız", ["igef-2024"]),
    ],
)
def test_names_of_officials_match_by_any_spelling(client, seed, text, expected):
    assert found(client, text) == expected


def test_an_article_is_found_by_the_other_name_of_an_official_it_names(client, db):
    official = OfficialFactory(name="Mohamed Ali Ben Salah", slug="ben-salah")
    OfficialNameFactory(official=official, name="Benslah")
    link = ArticleOfficialFactory(official=official, article__body="Le directeur a parlé.")
    ArticleFactory(body="Un autre texte.")

    assert page(client, q="benslah") == [link.article.slug]


# --- Ranking ---


def test_a_word_in_the_title_ranks_above_a_word_in_the_text(client, titled):
    assert page(client, q="zanzibar") == ["zanzibar-title", "zanzibar-body"]
    assert api(client, search="zanzibar") == ["zanzibar-title", "zanzibar-body"]
    assert api(client, q="zanzibar") == ["zanzibar-title", "zanzibar-body"]


def test_an_explicit_order_replaces_the_ranking(staff_client, titled):
    newest_first = ["zanzibar-body", "zanzibar-title"]
    assert page(staff_client, q="zanzibar", ordering="-date") == newest_first
    assert api(staff_client, search="zanzibar", ordering="-date") == newest_first
    assert api(staff_client, q="zanzibar", ordering="-date") == newest_first
    # Column 1 is the title, after the checkbox of the actions.
    assert admin_list(staff_client, q="zanzibar", o="1") == ["zanzibar-body", "zanzibar-title"]


def test_the_text_ranks_above_a_name_alone(client, db):
    official = OfficialFactory(name="Mohamed Ali Ben Salah", slug="ben-salah")
    OfficialNameFactory(official=official, name="Benslah")
    ArticleFactory(
        slug="in-the-text", body="M. Benslah a parlé.", published_on=datetime.date(2020, 1, 1)
    )
    ArticleOfficialFactory(
        official=official,
        article__slug="by-the-name",
        article__body="M. Ben Salah a parlé.",
        article__published_on=datetime.date(2021, 1, 1),
    )

    assert page(client, q="benslah") == ["in-the-text", "by-the-name"]


@pytest.fixture
def recorded(db):
    """Six articles on Zanzibar, recorded in turn; the first one recorded says so in its title."""
    articles = [
        ArticleFactory(
            slug=f"zanzibar-{n}",
            title="Zanzibar" if n == 0 else f"Accord {n}",
            body=f"Une délégation s'est rendue à Zanzibar ({n}).",
            published_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=n % 3),
        )
        for n in range(6)
    ]
    ArticleFactory(slug="zanzibar-title-latest", title="Zanzibar, Zanzibar", body="Un accord.")
    return [article.slug for article in articles]


def api_pages(client, size, **params):
    """Every result of an API list, read `size` at a time."""
    slugs, number = [], 1
    while True:
        response = client.get(API, {**params, "page": number, "page_size": size})
        assert response.status_code == 200, response.content
        slugs += [article["slug"] for article in response.json()["results"]]
        if not response.json()["next"]:
            return slugs
        number += 1


def test_the_latest_matches_are_ranked_and_the_older_follow_newest_first(
    client, recorded, monkeypatch
):
    monkeypatch.setattr("newsroom.search.RANKED_WINDOW", 3)

    # The window: the three recorded last, the title first; then the others by date.
    window = ["zanzibar-title-latest", "zanzibar-5", "zanzibar-4"]
    rest = ["zanzibar-2", "zanzibar-1", "zanzibar-3", "zanzibar-0"]
    assert page(client, q="zanzibar") == window + rest
    assert api(client, search="zanzibar") == window + rest


@pytest.mark.parametrize("size", [1, 2, 3, 4, 20])
def test_pages_of_a_ranked_search_read_in_parts_list_the_same_as_one_query(
    client, recorded, monkeypatch, size
):
    monkeypatch.setattr("newsroom.search.RANKED_WINDOW", 3)
    monkeypatch.setattr("visits.pagination.ListPaginator.split_from", 10**6)
    in_one_query = api_pages(client, size, search="zanzibar")
    monkeypatch.setattr("visits.pagination.ListPaginator.split_from", 0)

    assert api_pages(client, size, search="zanzibar") == in_one_query
    assert len(in_one_query) == 7


# --- The same on the pages, the API and the admin ---


@pytest.mark.parametrize(
    "text", ["securite", "Abdelatif", "IGEF", "visite de travail", "zanzibar", "Turquie Madrid"]
)
def test_pages_api_and_admin_find_the_same_in_the_same_order(staff_client, seed, titled, text):
    results = everywhere(staff_client, text)

    assert results["api q"] == results["page"]
    assert results["api search"] == results["page"]
    assert results["admin"] == results["page"]


@pytest.mark.parametrize(
    ("url", "search"), [(ARTICLES, {"q": "Abdelatif Turquie"}), (API, {"search": "Abdelatif"})]
)
def test_a_search_costs_no_more_queries_than_the_list(client, seed, url, search):
    counts = []
    for params in [{}, search]:
        cache.clear()  # both start cold: cached counts and choices would favour the second
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, params).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_the_admin_also_finds_a_slug_an_outlet_or_a_url(staff_client, seed):
    ArticleFactory(
        slug="le360-article",
        outlet=OutletFactory(name="Le360"),
        url="https://fr.le360.ma/societe/un-article",
    )

    assert admin_list(staff_client, q="igef-2024") == ["igef-2024"]
    assert admin_list(staff_client, q="le360") == ["le360-article"]
    assert admin_list(staff_client, q="https://fr.le360.ma/societe/un-article") == ["le360-article"]


def test_the_admin_autocomplete_finds_articles_by_the_words_they_begin(staff_client, seed):
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "newsroom",
            "model_name": "articleofficial",
            "field_name": "article",
            "term": "Malais",
        },
    )

    assert [result["text"] for result in response.json()["results"]] == [
        "Abdellatif Hammouchi en visite officielle en Turquie pour l'IGEF 2025"
    ]


# --- Drafts ---


@pytest.fixture
def draft(seed):
    return ArticleFactory(slug="brouillon", body="Zorglubienne affaire.", status=Status.DRAFT)


def test_drafts_are_never_found_by_anonymous_readers(client, anonymous, draft):
    assert page(client, q="zorglubienne") == []
    assert api(anonymous, q="zorglubienne") == []
    assert api(anonymous, search="zorglubienne") == []


def test_staff_find_drafts(staff_client, draft):
    assert page(staff_client, q="zorglubienne") == ["brouillon"]
    assert api(staff_client, q="zorglubienne") == ["brouillon"]
    assert api(staff_client, search="zorglubienne") == ["brouillon"]
    assert admin_list(staff_client, q="zorglubienne") == ["brouillon"]


# --- Hostile input ---

HOSTILE = [
    '"',
    "'",
    "\\",
    "&|!():*",
    "-",
    "- IGEF",
    "*IGEF*",
    '"IGEF',
    "IGEF:*",
    "title:IGEF",
    "NEAR(IGEF Ankara)",
    "AND OR NOT",
    "'; DROP TABLE newsroom_article; --",
    "%_%",
    "🙂 ١٢٣ 東京",
    "a" * 5000,
    "IGEF " * 500,
    "x\u0301" * 300,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_input_is_a_search_never_an_error(anonymous, staff_client, seed, text):
    everywhere(staff_client, text)
    api(anonymous, q=text)
    api(anonymous, search=text)


def test_quotes_and_operators_are_read_as_words(client, seed):
    assert found(client, '"IGEF"') == BOTH
    assert page(client, q="-Malaisie") == ["igef-2025"]
    assert page(client, q="Turquie OR Madrid") == []


def test_a_nul_in_the_search_is_refused_by_the_api_and_ignored_by_the_page(client, anonymous, seed):
    assert anonymous.get(API, {"search": "IGEF\x00"}).status_code == 400
    assert client.get(ARTICLES, {"q": "IGEF\x00"}).status_code == 200


# --- The index follows every write ---


def indexed(text, articles=Article.objects):
    """The slugs of the articles a search finds, best first, read straight from the index."""
    return [article.slug for article in search_articles(articles.all(), text)]


def test_the_index_follows_a_saved_change(client, seed):
    article = Article.objects.get(slug="igef-2024")
    article.title = "Visite à Tombouctou"
    article.body = article.body.replace("spécialisation", "expertise")
    article.save()

    assert page(client, q="tombouctou") == ["igef-2024"]
    assert page(client, q="spécialisation") == []


def test_the_index_follows_a_queryset_update(seed):
    Article.objects.filter(slug="igef-2025").update(summary="Escale à Tombouctou.")

    assert indexed("tombouctou") == ["igef-2025"]
    assert indexed("Malaisie") == ["igef-2025"]


def test_a_change_of_status_alone_keeps_the_article_in_the_index(seed):
    Article.objects.filter(slug="igef-2025").update(status=Status.DRAFT)
    assert indexed("Malaisie", Article.objects.published()) == []

    Article.objects.filter(slug="igef-2025").update(status=Status.PUBLISHED)
    assert indexed("Malaisie", Article.objects.published()) == ["igef-2025"]


def test_a_deleted_article_leaves_the_index(seed):
    Article.objects.get(slug="igef-2025").delete()

    assert indexed("Malaisie") == []
    assert indexed("Turquie") == ["igef-2024"]


def test_bulk_created_articles_are_indexed(seed):
    bodies = [f"Réunion numéro {n} à Tombouctou." for n in range(3)]
    Article.objects.bulk_create(
        Article(
            title=f"Dépêche {n}",
            slug=f"depeche-{n}",
            body=body,
            content_hash=content_hash(body),
            status=Status.PUBLISHED,
            published_on=datetime.date(2023, 1, n + 1),
        )
        for n, body in enumerate(bodies)
    )

    assert indexed("tombouctou") == ["depeche-2", "depeche-1", "depeche-0"]
    assert indexed("depeche 1") == ["depeche-1"]
