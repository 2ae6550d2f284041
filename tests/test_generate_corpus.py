"""python manage.py generate_corpus: a seeded synthetic corpus for scale benchmarks."""

import datetime
import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from newsroom import corpus
from newsroom.corpus import CorpusError, corpus_generate
from newsroom.corpus.service import seed_fixture_slugs
from newsroom.models import (
    Article,
    ArticleCountry,
    ArticleEvent,
    ArticleMeeting,
    ArticleOfficial,
    ArticleVisit,
)
from tests.factories import ArticleFactory
from visits.dates import DatePrecision
from visits.models import (
    Event,
    Meeting,
    MeetingParticipant,
    Official,
    OfficialName,
    Position,
    Status,
    Visit,
)

pytestmark = pytest.mark.django_db

N = 500
RECORD_LINKS = [
    (ArticleOfficial, "official__slug"),
    (ArticleVisit, "visit__uid"),
    (ArticleMeeting, "meeting__uid"),
    (ArticleEvent, "event__slug"),
]


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generate_corpus", *args, stdout=out)
    return out.getvalue()


def generated_articles():
    return Article.objects.exclude(slug__in=seed_fixture_slugs())


def snapshot() -> dict:
    """What must not change between two runs of one seed, by natural values (not ids)."""
    articles = generated_articles().order_by("slug")
    fields = ["slug", "title", "content_hash", "status", "language", "published_on", "created_at"]
    links = sorted(
        (model.__name__, slug, str(target), quote)
        for model, key in RECORD_LINKS
        for slug, target, quote in model.objects.filter(article__in=articles).values_list(
            "article__slug", key, "quote"
        )
    )
    return {"articles": list(articles.values_list(*fields)), "links": links}


@pytest.fixture
def small_corpus(seed):
    """A corpus of N articles generated into a database holding the seed fixture."""
    output = generate("--articles", str(N), "--seed", "7")
    return output


def test_a_small_corpus_has_the_expected_shape(small_corpus):
    articles = generated_articles()
    assert articles.count() == N
    assert Visit.objects.filter(visitor__slug__endswith="-corpus-7").count() == N // 5
    meetings = Meeting.objects.filter(participants__official__slug__endswith="-corpus-7")
    assert meetings.distinct().count() == N // 10
    officials = Official.objects.filter(slug__endswith="-corpus-7")
    assert officials.count() == N // 50
    assert Event.objects.filter(slug__endswith="-corpus-7").count() == N // 200
    drafts = articles.filter(status=Status.DRAFT).count()
    assert 0.05 * N <= drafts <= 0.15 * N
    assert articles.filter(status=Status.PUBLISHED).count() >= 0.8 * N
    assert "500 articles" in small_corpus and "ANALYZE" in small_corpus


def test_officials_have_one_to_three_other_names_and_a_position(small_corpus):
    officials = Official.objects.filter(slug__endswith="-corpus-7")
    names = Counter(
        OfficialName.objects.filter(official__in=officials).values_list("official", flat=True)
    )
    assert set(names) == set(officials.values_list("pk", flat=True))
    assert set(names.values()) <= {1, 2, 3}
    holders = Position.objects.filter(official__in=officials).values("official").distinct()
    assert holders.count() == officials.count()


def test_a_few_officials_dominate_the_visits(small_corpus):
    visits = Counter(
        Visit.objects.filter(visitor__slug__endswith="-corpus-7").values_list("visitor", flat=True)
    )
    ranked = sorted(visits.values(), reverse=True)
    assert ranked[0] >= 3 * ranked[len(ranked) // 2]


def test_meetings_have_two_to_four_participants_half_of_them_in_a_visit(small_corpus):
    meetings = Meeting.objects.filter(participants__official__slug__endswith="-corpus-7").distinct()
    sizes = Counter(
        MeetingParticipant.objects.filter(meeting__in=meetings).values_list("meeting", flat=True)
    )
    assert set(sizes.values()) <= {2, 3, 4}
    assert len(sizes) == N // 10
    in_visit = meetings.filter(visit__isnull=False).count()
    assert 0.3 * (N // 10) <= in_visit <= 0.7 * (N // 10)
    participants = MeetingParticipant.objects.filter(meeting__in=meetings)
    named = participants.filter(official__isnull=False).count()
    assert named > participants.filter(official__isnull=True).count()
    assert not participants.filter(official__isnull=True, country="").exists()


def test_every_article_has_a_country_and_one_to_three_record_links(small_corpus):
    articles = generated_articles()
    links = Counter()
    for model, _ in RECORD_LINKS:
        links.update(model.objects.filter(article__in=articles).values_list("article", flat=True))
    countries = set(
        ArticleCountry.objects.filter(article__in=articles).values_list("article", flat=True)
    )
    ids = set(articles.values_list("pk", flat=True))
    assert set(links) == ids
    assert set(links.values()) <= {1, 2, 3}
    assert countries == ids
    assert articles.filter(topics__isnull=False).distinct().count() > 0.8 * N


def test_quotes_are_passages_of_the_article(small_corpus):
    bodies = dict(generated_articles().values_list("pk", "body"))
    for model in [model for model, _ in RECORD_LINKS] + [ArticleCountry]:
        for article, quote in model.objects.filter(article__in=bodies).values_list(
            "article", "quote"
        ):
            assert quote and quote in bodies[article]


def test_texts_name_the_officials_they_link_to_in_any_spelling(small_corpus):
    spellings = {}
    for official in Official.objects.filter(slug__endswith="-corpus-7").prefetch_related(
        "other_names"
    ):
        spellings[official.pk] = [official.name, *(n.name for n in official.other_names.all())]
    links = ArticleOfficial.objects.filter(official__in=spellings).select_related("article")
    for link in links:
        assert any(name in link.article.body for name in spellings[link.official_id])
    other_names = {n for names in spellings.values() for n in names[1:]}
    bodies = " ".join(generated_articles().values_list("body", flat=True))
    assert any(name in bodies for name in other_names)


def test_texts_are_about_three_thousand_characters_mostly_french(small_corpus):
    articles = list(generated_articles().values("language", "body", "title"))
    languages = Counter(article["language"] for article in articles)
    assert set(languages) == {"fr", "en"}
    assert 0.6 * N <= languages["fr"] <= 0.8 * N
    assert all(2500 <= len(article["body"]) <= 4000 for article in articles)
    french = " ".join(a["body"] for a in articles if a["language"] == "fr")
    for word in ["cybercriminalité", "sécurité", "délégation", "coopération"]:
        assert word in french
    english = " ".join(a["body"] for a in articles if a["language"] == "en")
    assert re.search(r"\b(terrorism|cybercrime|irregular migration)\b", english)
    assert len({article["title"] for article in articles}) == N


def test_dates_are_partial_and_within_the_fixed_span(small_corpus):
    visits = Visit.objects.filter(visitor__slug__endswith="-corpus-7")
    precisions = Counter(visits.values_list("precision", flat=True))
    assert precisions[DatePrecision.DAY] > precisions[DatePrecision.MONTH] > 0
    first, last = datetime.date(2015, 1, 1), datetime.date(2027, 12, 31)
    assert all(first <= day <= last for day in visits.values_list("start", flat=True))
    published = generated_articles().exclude(published_on=None)
    assert published.dates("published_on", "year").count() >= 8


def test_same_seed_gives_the_same_corpus(db):
    def run(seed: int) -> dict:
        with transaction.atomic():
            corpus_generate(articles=120, seed=seed)
            state = snapshot()
            transaction.set_rollback(True)
        return state

    first = run(3)
    assert len(first["articles"]) == 120
    assert run(3) == first
    assert {row[1] for row in run(4)["articles"]}.isdisjoint(row[1] for row in first["articles"])


def test_works_on_an_empty_database(db):
    generate("--articles", "60")
    assert Article.objects.count() == 60
    assert Official.objects.count() == 8


def test_refuses_a_database_with_an_article_besides_the_seed(seed):
    ArticleFactory(slug="a-real-article")
    officials = Official.objects.count()
    with pytest.raises(CommandError, match=r"1 article.*besides the seed fixture.*--force"):
        generate("--articles", "50")
    assert Official.objects.count() == officials
    assert Article.objects.count() == 3


def test_force_adds_to_a_database_with_other_articles(seed):
    ArticleFactory(slug="a-real-article")
    generate("--articles", "50", "--force")
    assert Article.objects.count() == 53


def test_a_seed_already_generated_is_refused_even_with_force(seed):
    generate("--articles", "40", "--seed", "5")
    with pytest.raises(CommandError, match="seed 5 is already in this database"):
        generate("--articles", "40", "--seed", "5", "--force")
    generate("--articles", "40", "--seed", "6", "--force")
    assert generated_articles().count() == 80


@pytest.mark.parametrize("value", ["0", "-3", "many", "2.5"])
def test_articles_must_be_a_positive_integer(db, value):
    with pytest.raises(CommandError, match="positive integer"):
        generate("--articles", value)
    assert not Article.objects.exists()


def test_the_service_refuses_a_count_that_is_not_a_positive_integer(db):
    with pytest.raises(CorpusError, match="positive integer"):
        corpus_generate(articles=0)


def test_a_failure_midway_writes_nothing(seed, monkeypatch):
    calls = []

    def failing_save(drafts, counts):
        calls.append(len(drafts))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        original(drafts, counts)

    original = corpus.articles._save
    monkeypatch.setattr(corpus.articles, "CHUNK", 20)
    monkeypatch.setattr(corpus.articles, "_save", failing_save)
    with pytest.raises(RuntimeError, match="disk full"):
        generate("--articles", "60")
    assert calls == [20, 20]
    assert Article.objects.count() == 2
    assert not Official.objects.filter(slug__endswith="-corpus-1").exists()
    assert not Visit.objects.filter(visitor__slug__endswith="-corpus-1").exists()
