"""corpus_generate: a synthetic, seeded corpus for scale benchmarks, written in one transaction."""

import json
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.test.utils import override_settings

from newsroom.corpus import people, records, reference
from newsroom.corpus.articles import World, make_articles
from newsroom.models import Article, Outlet
from visits.models import Event, EventSeries, Official, Organization

SEED_FIXTURE = "fixtures/seed.json"


class CorpusError(Exception):
    """Why a corpus cannot be generated into this database."""


@dataclass(frozen=True)
class CorpusSummary:
    """What one generation wrote, and how long it took."""

    seed: int
    counts: dict[str, int]
    seconds: float

    def __str__(self) -> str:
        c = self.counts
        return (
            f"Generated with seed {self.seed} in {self.seconds:.1f} s: {c['articles']} articles "
            f"({c['drafts']} drafts) from {c['outlets']} outlets, {c['officials']} officials "
            f"with {c['other_names']} other names and {c['positions']} positions, "
            f"{c['organizations']} organizations, {c['topics']} new topics, "
            f"{c['event_series']} event series with {c['events']} events, {c['visits']} visits, "
            f"{c['meetings']} meetings with {c['participants']} participants; "
            f"{c['record_links']} links from articles to officials, visits, meetings and events, "
            f"{c['article_organization_links']} to organizations, {c['country_links']} to "
            f"countries and {c['topic_links']} to topics. Database statistics refreshed (ANALYZE)."
        )


def seed_fixture_slugs() -> set[str]:
    """The slugs of the articles in the seed fixture."""
    rows = json.loads((settings.BASE_DIR / SEED_FIXTURE).read_text(encoding="utf-8"))
    return {row["fields"]["slug"] for row in rows if row["model"] == "newsroom.article"}


def _check_database(*, marker: str, seed: int, force: bool) -> None:
    """Refuse a database holding articles besides the seed fixture's, unless forced, and
    always one that already holds this seed's corpus, whose slugs would collide."""
    others = Article.objects.exclude(slug__in=seed_fixture_slugs()).count()
    if others and not force:
        raise CorpusError(
            f"The database already holds {others} article(s) besides the seed fixture's. "
            "Generate into an empty or seed-only database, or pass --force to add to them."
        )
    for model in (Article, Official, Organization, Outlet, EventSeries, Event):
        if model.objects.filter(slug__endswith=f"-{marker}").exists():
            raise CorpusError(
                f"A corpus with seed {seed} is already in this database; pass another --seed."
            )


def corpus_generate(
    *,
    articles: int,
    seed: int = 1,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
) -> CorpusSummary:
    """Write a corpus of `articles` articles and the records they report, all or nothing.

    The same seed and count give the same corpus: titles, slugs, texts, statuses and links.
    """
    if isinstance(articles, bool) or not isinstance(articles, int) or articles < 1:
        raise CorpusError(f"The number of articles must be a positive integer, not {articles!r}.")
    started = time.perf_counter()
    rng = random.Random(seed)
    marker = f"corpus-{seed}"
    # With DEBUG on, Django keeps (and on SQLite, quotes) every query, 3 MB of text per chunk:
    # twice the time and a gigabyte of memory at 100,000 articles.
    with override_settings(DEBUG=False), transaction.atomic():
        _check_database(marker=marker, seed=seed, force=force)
        counts = _generate(rng, articles, marker, progress)
    # PostgreSQL reads an index alone (a deep page's ids) only once VACUUM has marked the new
    # rows visible, as autovacuum would some minutes later; VACUUM runs outside transactions.
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    return CorpusSummary(seed=seed, counts=dict(counts), seconds=time.perf_counter() - started)


def _generate(
    rng: random.Random, count: int, marker: str, progress: Callable[[int], None] | None
) -> Counter:
    """About N/50 officials, N/200 events, N/5 visits and N/10 meetings, then N articles."""
    topics, new_topics = reference.topic_records()
    outlets = reference.make_outlets(marker)
    bodies = people.make_bodies(marker)
    persons, positions = people.make_people(rng, max(8, count // 50), bodies, marker)
    directory = people.Directory(persons)
    gatherings = records.make_gatherings(rng, max(1, count // 200), bodies, marker)
    trips = records.make_trips(rng, count // 5, directory, gatherings, bodies)
    talks = records.make_talks(rng, count // 10, directory, trips, topics)
    world = World(directory, gatherings, trips, talks, topics, outlets)
    counts = make_articles(rng, count, world, marker, progress)
    counts.update(
        topics=new_topics,
        outlets=sum(len(group) for group in outlets.values()),
        organizations=1 + sum(len(group) for group in bodies.values()),
        officials=len(persons),
        other_names=sum(len(p.other_names) for p in persons),
        positions=positions,
        event_series=len({g.event.series_id for g in gatherings}),
        events=len(gatherings),
        visits=len(trips),
        meetings=len(talks),
        participants=sum(len(t.participants) for t in talks),
    )
    counts["record_links"] = sum(
        counts[f"article_{name}_links"] for name in ("official", "event", "visit", "meeting")
    )
    return counts
