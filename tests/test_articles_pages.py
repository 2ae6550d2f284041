"""The article pages: /articles/ filtered and searched, and /articles/<slug>/."""

import datetime

import pytest
from django.urls import reverse

from newsroom.models import Article, Language
from tests.factories import ArticleFactory, OutletFactory, TopicFactory
from tests.pages_data import rich_article

pytestmark = pytest.mark.django_db

ARTICLES = reverse("article-list")
SCRIPT = "<script>alert('x')</script>"


def slugs(response):
    return sorted(article.slug for article in response.context["object_list"])


@pytest.fixture
def other_article(seed):
    """A published English article from another outlet, on another subject."""
    article = ArticleFactory(
        slug="cyber-summit",
        title="Cybercrime summit in Madrid",
        body="Police chiefs met in Madrid.",
        language=Language.ENGLISH,
        outlet=OutletFactory(slug="the-daily", name="The Daily"),
        published_on=datetime.date(2023, 5, 4),
    )
    article.topics.add(TopicFactory(slug="cybercriminalite"))
    return article


def test_article_list_shows_both_seed_articles_newest_first(client, seed):
    response = client.get(ARTICLES)
    assert [a.slug for a in response.context["object_list"]] == ["igef-2025", "igef-2024"]
    assert "2 articles" in response.content.decode()


def test_article_page_shows_text_and_what_it_reports(client, seed):
    html = client.get(reverse("article-detail", args=["igef-2024"])).content.decode()
    assert "Abdellatif Hammouchi en visite de travail en Turquie" in html
    assert "Au cours de cette visite organisée à l’invitation officielle" in html
    assert '<time datetime="2024-09">septembre 2024</time>' in html
    for name in ["Munir Karaloğlu", "Salami Yıldız", "Abdellatif Hammouchi"]:
        assert name in html
    assert "le ministre délégué au ministère de l’Intérieur turc, Munir Karaloğlu" in html
    assert reverse("event-detail", args=["igef-2024"]) in html
    assert reverse("country-detail", args=["TR"]) in html


def test_2025_article_names_the_events_to_come(client, seed):
    html = client.get(reverse("article-detail", args=["igef-2025"])).content.decode()
    for event in ["93e Assemblée générale d'Interpol", "Coupe d'Afrique des Nations 2025"]:
        assert event.replace("'", "&#x27;") in html
    assert "Coupe du monde 2030" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "Karaloğlu"}, ["igef-2024"]),
        ({"q": "IGEF"}, ["igef-2024", "igef-2025"]),
        ({"q": "Demirtas"}, ["igef-2025"]),
        ({"q": "Abdelatif"}, ["igef-2024", "igef-2025"]),
        ({"q": "Madrid police"}, ["cyber-summit"]),
        ({"q": "Madrid Hammouchi"}, []),
        ({"outlet": "the-daily"}, ["cyber-summit"]),
        ({"date_from": "2025-01-01"}, ["igef-2025"]),
        ({"date_to": "2024-12-31"}, ["cyber-summit", "igef-2024"]),
        ({"official": "mahmoud-demirtas"}, ["igef-2025"]),
        ({"official": "abdellatif-hammouchi"}, ["igef-2024", "igef-2025"]),
        ({"country": "JO"}, ["igef-2025"]),
        ({"country": "TR"}, ["igef-2024", "igef-2025"]),
        ({"event": "assemblee-generale-interpol-93"}, ["igef-2025"]),
        ({"topic": "cybercriminalite"}, ["cyber-summit", "igef-2025"]),
        ({"language": "en"}, ["cyber-summit"]),
        ({"language": "fr", "country": "TR", "date_to": "2024-12-31"}, ["igef-2024"]),
    ],
)
def test_filters_narrow_the_article_list(client, other_article, query, expected):
    assert slugs(client.get(ARTICLES, query)) == expected


def test_a_script_in_an_article_body_comes_out_as_text(client, db):
    article = ArticleFactory(title=f"Titre {SCRIPT}", body=f"Avant {SCRIPT} après", summary=SCRIPT)
    for url in [article.get_absolute_url(), ARTICLES]:
        html = client.get(url).content.decode()
        assert SCRIPT not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_a_script_in_the_search_comes_out_as_text(client, seed):
    html = client.get(ARTICLES, {"q": SCRIPT}).content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;" in html


def test_unknown_article_is_404(client, seed):
    assert client.get(reverse("article-detail", args=["nothing-here"])).status_code == 404


def test_articles_sort_by_title_and_keep_filters_in_pages(client, other_article):
    response = client.get(ARTICLES, {"ordering": "title", "language": "fr", "page_size": 1})
    assert [a.slug for a in response.context["object_list"]] == ["igef-2024"]
    next_page = 'href="?ordering=title&amp;language=fr&amp;page_size=1&amp;page=2"'
    assert next_page in response.content.decode()


@pytest.mark.parametrize("rows,page_size", [(2, 2), (12, 10)])
def test_article_list_query_count_does_not_grow_with_rows(
    client, db, django_assert_max_num_queries, rows, page_size
):
    for _ in range(rows):
        rich_article()
    # A cold cache: the count and the outlet and topic choices each read the tables' version.
    with django_assert_max_num_queries(10):
        response = client.get(ARTICLES, {"page_size": page_size, "country": "TR"})
    assert len(response.context["object_list"]) == page_size


@pytest.mark.parametrize("links", [1, 6])
def test_article_page_query_count_does_not_grow_with_links(
    client, db, django_assert_max_num_queries, links
):
    article = rich_article()
    for _ in range(links):
        rich_article().articlevisit_set.update(article=article)
    with django_assert_max_num_queries(7):
        response = client.get(article.get_absolute_url())
    assert len(response.context["article"].visit_links) == links + 1
    assert Article.objects.count() == links + 1
