"""Countries on record: those named by a visit, meeting, event, article or official a viewer
may see, and what each country's page lists."""

from collections import defaultdict
from dataclasses import dataclass

from django_countries.fields import Country

from newsroom.models import Article, ArticleCountry
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


def _codes(value) -> list[str]:
    """The codes of a country field's value, single or multiple."""
    if isinstance(value, str):
        return [code for code in value.split(",") if code]
    return [str(getattr(country, "code", country)) for country in value or [] if country]


def countries_on_record(viewer) -> list[CountryOnRecord]:
    """Every country the viewer's records name, with how many of each kind, by name."""
    records = defaultdict(lambda: defaultdict(set))
    for pk, host, origin in Visit.objects.visible_to(viewer).values_list(
        "pk", "host_country", "origin_country"
    ):
        records[host]["visits_to"].add(pk)
        records[origin]["visits_from"].add(pk)
    meetings = Meeting.objects.visible_to(viewer)
    for pk, country in meetings.values_list("pk", "country"):
        records[country]["meetings"].add(pk)
    for pk, country, official_country in MeetingParticipant.objects.filter(
        meeting__in=meetings
    ).values_list("meeting_id", "country", "official__country"):
        records[country]["meetings"].add(pk)
        records[official_country]["meetings"].add(pk)
    for pk, country, co_hosts in Event.objects.visible_to(viewer).values_list(
        "pk", "country", "co_host_countries"
    ):
        for code in {country, *_codes(co_hosts)}:
            records[code]["events"].add(pk)
    for pk, country in ArticleCountry.objects.filter(
        article__in=Article.objects.visible_to(viewer)
    ).values_list("article_id", "country"):
        records[country]["articles"].add(pk)
    for pk, country in Official.objects.visible_to(viewer).values_list("pk", "country"):
        records[country]["officials"].add(pk)
    rows = [
        CountryOnRecord(Country(code=code), **{kind: len(records[code][kind]) for kind in COUNTED})
        for code in records
        if code and Country(code=code).name
    ]
    return sorted(rows, key=lambda row: normalize_name(str(row.country.name)))


def country_relations(*, code: str, viewer) -> dict:
    """The visits to and from a country, its meetings, events, officials and articles."""
    visits = Visit.objects.visible_to(viewer)
    return {
        "visits_to": section(
            visits.filter(host_country=code).for_listing(viewer),
            more_url=list_url("visit-list", host_country=code),
        ),
        "visits_from": section(
            visits.filter(origin_country=code).for_listing(viewer),
            more_url=list_url("visit-list", origin_country=code),
        ),
        "meetings": section(
            Meeting.objects.visible_to(viewer)
            .involving_country(code)
            .for_listing(viewer)
            .order_by("-date", "pk")
        ),
        "events": section(
            Event.objects.visible_to(viewer).hosted_by(code).for_listing(),
            more_url=list_url("event-list", country=code),
        ),
        "officials": section(
            Official.objects.visible_to(viewer).filter(country=code).for_listing(),
            more_url=list_url("official-list", country=code),
        ),
        "articles": section(
            Article.objects.visible_to(viewer)
            .filter(country_links__country=code)
            .distinct()
            .for_listing(),
            more_url=list_url("article-list", country=code),
        ),
    }
