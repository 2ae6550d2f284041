"""The facts of a corpus: the busiest records its rows point at, and the sizes of its lists."""

import datetime
import math
from dataclasses import asdict, dataclass, field

from django.db.models import Count, Exists, Max, OuterRef, Q

from newsroom.models import (
    Article,
    ArticleCountry,
    ArticleEvent,
    ArticleMeeting,
    ArticleOfficial,
    ArticleVisit,
)
from newsroom.scale_bench.rows import ANON, PAGE_SIZE, STAFF
from visits.models import Event, Meeting, Official, Position, Status, Visit

DEEP_PAGE = 500
# Words to search for: the first one the corpus's published texts contain is the common word.
COMMON_WORDS = ("cybercriminalité", "sécurité", "coopération", "police")
TWO_WORDS = "sécurité Rabat"
# Date filters cover the last year of the corpus.
DATE_WINDOW = datetime.timedelta(days=365)


@dataclass
class Facts:
    """The records a corpus's rows point at (its busiest ones) and the sizes of its lists."""

    official: str | None = None
    rare_word: str | None = None
    official_country: str | None = None
    organization: str | None = None
    article: str | None = None
    visit: int | None = None
    event: str | None = None
    series: str | None = None
    event_country: str | None = None
    host_country: str | None = None
    origin_country: str | None = None
    article_country: str | None = None
    outlet: str | None = None
    topic: str | None = None
    language: str | None = None
    visit_kind: str | None = None
    articles_from: str | None = None
    articles_to: str | None = None
    visits_from: str | None = None
    visits_to: str | None = None
    common_word: str | None = None
    two_words: str = TWO_WORDS
    # Per audience: how many articles and visits each list holds.
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def values(self, audience: str) -> dict:
        """The placeholders of a row's URL for `audience`; unknown facts are left out."""
        values = {k: v for k, v in asdict(self).items() if v not in (None, "") and k != "counts"}
        for name, count in self.counts.get(audience, {}).items():
            last = max(1, math.ceil(count / PAGE_SIZE))
            values[f"{name}_last"] = last
            # Page 500 where the list has it, else its last page.
            values[f"{name}_deep"] = min(DEEP_PAGE, last)
        return values


def _busiest(queryset, field_name: str):
    """The value of `field_name` that the most rows of `queryset` share (ties: the smallest)."""
    row = (
        queryset.exclude(**{f"{field_name}__isnull": True})
        .values(field_name)
        .annotate(n=Count("pk"))
        .order_by("-n", field_name)
        .first()
    )
    return row[field_name] if row and row[field_name] != "" else None


def _richest(queryset, conditions: list, field_name: str):
    """The newest record that has every one of `conditions`, else the most of the first ones.

    Detail pages are measured on records that show every section, so that the number of
    queries does not depend on which record a corpus happens to hold.
    """
    for kept in range(len(conditions), -1, -1):
        value = queryset.filter(*conditions[:kept]).values_list(field_name, flat=True).first()
        if value is not None:
            return value
    return None


def _article_links() -> list:
    """An article's links to each kind of record, published ones where that matters."""
    published = Status.PUBLISHED
    article = OuterRef("pk")
    return [
        Exists(ArticleOfficial.objects.filter(article=article)),
        Exists(ArticleVisit.objects.filter(article=article, visit__status=published)),
        Exists(
            ArticleMeeting.objects.filter(
                article=article, meeting__status=published, meeting__participants__isnull=False
            )
        ),
        Exists(ArticleEvent.objects.filter(article=article, event__status=published)),
        Exists(ArticleCountry.objects.filter(article=article)),
        Exists(Article.topics.through.objects.filter(article=article)),
        Q(outlet__isnull=False),
    ]


def _visit_parts() -> list:
    """A visit's meetings (with participants), delegation, event, sources, inviter."""
    published = Status.PUBLISHED
    visit = OuterRef("pk")
    return [
        Exists(Meeting.objects.filter(visit=visit, status=published, participants__isnull=False)),
        Exists(Visit.delegation.through.objects.filter(visit=visit)),
        Q(event__status=published),
        Exists(ArticleVisit.objects.filter(visit=visit, article__status=published)),
        Q(inviting_organization__isnull=False),
    ]


def _window(newest: datetime.date | None) -> tuple[str | None, str | None]:
    if newest is None:
        return None, None
    return (newest - DATE_WINDOW).isoformat(), newest.isoformat()


def resolve_facts() -> Facts:
    """The facts of the corpus in the default database, as an anonymous reader finds them."""
    published = Status.PUBLISHED
    articles = Article.objects.published()
    visits = Visit.objects.published()
    facts = Facts()

    official_id = _busiest(ArticleOfficial.objects.filter(article__status=published), "official")
    if official_id is not None:
        official = Official.objects.get(pk=official_id)
        facts.official = official.slug
        facts.rare_word = official.name.split()[-1]
        facts.official_country = official.country.code or None
        facts.organization = _busiest(
            Position.objects.filter(official=official), "organization__slug"
        )
    if facts.organization is None:
        facts.organization = _busiest(Position.objects.all(), "organization__slug")
    facts.article = _richest(articles, _article_links(), "slug")
    facts.visit = _richest(visits, _visit_parts(), "pk")

    event_id = _busiest(
        visits.filter(event__status=published, event__series__isnull=False), "event"
    ) or _busiest(visits.filter(event__status=published), "event")
    if event_id is not None:
        event = Event.objects.select_related("series").get(pk=event_id)
        facts.event = event.slug
        facts.series = event.series.slug if event.series_id else None
        facts.event_country = event.country.code or None
    events = Event.objects.published()
    facts.series = facts.series or _busiest(events, "series__slug")
    facts.event_country = facts.event_country or _busiest(events, "country")

    facts.host_country = _busiest(visits, "host_country")
    facts.origin_country = _busiest(visits, "origin_country")
    facts.visit_kind = _busiest(visits, "kind")
    facts.article_country = _busiest(
        ArticleCountry.objects.filter(article__status=published), "country"
    )
    facts.outlet = _busiest(articles, "outlet__slug")
    article_topics = Article.topics.through.objects.filter(article__status=published)
    facts.topic = _busiest(article_topics, "topic__slug")
    facts.language = _busiest(articles, "language")
    facts.articles_from, facts.articles_to = _window(
        articles.aggregate(newest=Max("published_on"))["newest"]
    )
    facts.visits_from, facts.visits_to = _window(visits.aggregate(newest=Max("start"))["newest"])
    facts.common_word = next(
        (word for word in COMMON_WORDS if articles.filter(body__icontains=word).exists()), None
    )
    facts.counts = {
        ANON: {"articles": articles.count(), "visits": visits.count()},
        STAFF: {"articles": Article.objects.count(), "visits": Visit.objects.count()},
    }
    return facts
