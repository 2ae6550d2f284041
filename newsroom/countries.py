"""Countries on record: those named by a visit, meeting, event, article or official a viewer
may see, and what each country's page lists."""

from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django_countries.fields import Country

from newsroom.models import Article, ArticleCountry
from visits.aggregates import cached_aggregate
from visits.link_filters import linked_to
from visits.models import Event, Meeting, MeetingParticipant, Official, Visit
from visits.names import normalize_name
from visits.sections import list_url, section

COUNTED = ["visits_to", "visits_from", "meetings", "events", "articles", "officials"]


@dataclass
class CountryOnRecord:
    country: Country
    visits_to: int = 0
    visits_from: int = 0
    meetings: int = 0
    events: int = 0
    articles: int = 0
    officials: int = 0


def _visible(viewer) -> dict:
    """The records of each kind `viewer` may see."""
    return {
        "visits": Visit.objects.visible_to(viewer),
        "meetings": Meeting.objects.visible_to(viewer),
        "events": Event.objects.visible_to(viewer),
        "articles": Article.objects.visible_to(viewer),
        "officials": Official.objects.visible_to(viewer),
    }


def _codes(value) -> list[str]:
    """The codes of a country field's value, single or multiple."""
    if isinstance(value, str):
        return [code for code in value.split(",") if code]
    return [str(getattr(country, "code", country)) for country in value or [] if country]


def _per_country(queryset, field: str) -> list[tuple[str, int]]:
    """How many rows of `queryset` name each country in `field`, grouped by the database."""
    grouped = queryset.order_by().values_list(field).annotate(count=Count("pk", distinct=True))
    return list(grouped)


def _meetings_per_country(meetings) -> list[tuple[str, int]]:
    """How many meetings are held in, or have a participant (or their official) from, each one."""
    participants = MeetingParticipant.objects.filter(meeting__in=meetings).order_by()
    # UNION, not UNION ALL: a meeting in Turkey with a Turkish participant counts once for Turkey.
    pairs = (
        meetings.order_by()
        .values_list("pk", "country")
        .union(
            participants.values_list("meeting", "country"),
            participants.values_list("meeting", "official__country"),
        )
    )
    sql, params = pairs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT country, COUNT(*) FROM ({sql}) pairs GROUP BY country", params)
        return cursor.fetchall()


def _events_per_country(events) -> Counter:
    """How many events each country hosts, alone or as a co-host."""
    counts = Counter(dict(_per_country(events, "country")))
    co_hosted = events.exclude(co_host_countries="").values_list("country", "co_host_countries")
    for country, co_hosts in co_hosted:
        counts.update(set(_codes(co_hosts)) - {country})
    return counts


def _count_per_country(*, visits, meetings, events, articles, officials) -> dict:
    """{code: {kind: count}} for every country named, counted in the database."""
    links = ArticleCountry.objects.filter(article__in=articles)
    per_kind = {
        "visits_to": _per_country(visits, "host_country"),
        "visits_from": _per_country(visits, "origin_country"),
        "meetings": _meetings_per_country(meetings),
        "events": _events_per_country(events).items(),
        # One link per article and country: counting links counts articles.
        "articles": _per_country(links, "country"),
        "officials": _per_country(officials, "country"),
    }
    counts = {}
    for kind, rows in per_kind.items():
        for code, count in rows:
            if code and count:
                counts.setdefault(code, {})[kind] = count
    return counts


def _counts(visible) -> dict:
    """{code: {kind: count}} of the visible records, cached until a record is written."""
    return cached_aggregate(
        "countries-on-record",
        visible=visible.values(),
        compute=lambda: _count_per_country(**visible),
    )


def countries_on_record(viewer) -> list[CountryOnRecord]:
    """Every country the viewer's records name, with how many of each kind, by name.

    Counting reads every visible record, so the counts are cached until a record is written.
    """
    counts = _counts(_visible(viewer))
    rows = [CountryOnRecord(Country(code=code), **kinds) for code, kinds in counts.items()]
    rows = [row for row in rows if row.country.name]
    return sorted(rows, key=lambda row: normalize_name(str(row.country.name)))


def articles_on(articles, code: str):
    """The articles that report on the country, by the query that is fast for it."""
    return linked_to(articles, "country_links__country", code)


def _meetings_involving(meetings, code: str):
    """Meetings held in the country or with a participant, or a participant's official, from it.

    Each subquery starts from an index on a country column, so the database lists the country's
    meetings rather than testing every meeting.
    """
    participants = MeetingParticipant.objects.all()
    return meetings.filter(
        Q(country=code)
        | Q(pk__in=participants.filter(country=code).values("meeting"))
        | Q(pk__in=participants.filter(official__country=code).values("meeting"))
    )


def country_on_record(*, code: str, viewer) -> bool:
    """Whether a record `viewer` may see names the country: one EXISTS per kind, in turn."""
    visible = _visible(viewer)
    meeting = Exists(visible["meetings"].filter(pk=OuterRef("meeting")))
    participants = MeetingParticipant.objects.filter(meeting)
    naming = [
        visible["visits"].filter(host_country=code),
        visible["visits"].filter(origin_country=code),
        ArticleCountry.objects.filter(
            Exists(visible["articles"].filter(pk=OuterRef("article"))), country=code
        ),
        visible["events"].hosted_by(code),
        visible["meetings"].filter(country=code),
        participants.filter(country=code),
        participants.filter(official__country=code),
        visible["officials"].filter(country=code),
    ]
    return any(queryset.exists() for queryset in naming)


def country_relations(*, code: str, viewer) -> dict:
    """The first visits to and from a country, meetings, events, officials and articles.

    The counts are those of the countries' list; each section reads only the rows it shows.
    """
    visible = _visible(viewer)
    counts = _counts(visible).get(code, {})
    visits = visible["visits"]
    sections = {
        "visits_to": (
            visits.filter(host_country=code).for_listing(viewer),
            list_url("visit-list", host_country=code),
        ),
        "visits_from": (
            visits.filter(origin_country=code).for_listing(viewer),
            list_url("visit-list", origin_country=code),
        ),
        "meetings": (
            _meetings_involving(visible["meetings"], code)
            .for_listing(viewer)
            .order_by("-date", "pk"),
            "",
        ),
        "events": (
            visible["events"].hosted_by(code).for_listing(),
            list_url("event-list", country=code),
        ),
        "officials": (
            visible["officials"].filter(country=code).for_listing(),
            list_url("official-list", country=code),
        ),
        "articles": (
            articles_on(visible["articles"], code).for_listing(),
            list_url("article-list", country=code),
        ),
    }
    return {
        kind: section(rows, count=counts.get(kind, 0), more_url=more_url)
        for kind, (rows, more_url) in sections.items()
    }
