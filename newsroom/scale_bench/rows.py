"""The rows of the scale benchmark: every public page, feed, API list and admin list.

A row is named `<audience>:<key>`: `anon:page.articles.official`, `staff:admin.visits`,
`sql:api.articles` (the raw-SQL floor of an API list). Its URL is a route name, arguments and
query parameters whose `{placeholders}` are facts of the corpus (`facts.Facts.values`).
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils import translation

ANON, STAFF, SQL = "anon", "staff", "sql"
# The role of a row that pages deep into a list or searches it; `base` names that list.
DEEP, SEARCH = "deep", "search"
# Rows of a list page and of an API page.
PAGE_SIZE = 20


class Unresolved(Exception):
    """A row that this corpus or this code base cannot point at."""


@dataclass(frozen=True)
class Row:
    key: str
    route: str
    args: tuple[str, ...] = ()
    query: dict[str, str] = field(default_factory=dict)
    audiences: tuple[str, ...] = (ANON, STAFF)
    base: str = ""
    role: str = ""

    def names(self) -> list[str]:
        return [f"{audience}:{self.key}" for audience in self.audiences]

    def url(self, values: dict) -> str:
        """The row's path and query string, its placeholders filled from `values`."""
        try:
            args = [arg.format_map(values) for arg in self.args]
            query = {name: value.format_map(values) for name, value in self.query.items()}
        except KeyError as missing:
            raise Unresolved(f"the corpus has no {missing.args[0]}") from None
        try:
            with translation.override("fr"):
                path = reverse(self.route, args=args)
        except NoReverseMatch:
            raise Unresolved(f"no URL named {self.route!r} in this code base") from None
        return f"{path}?{urlencode(query)}" if query else path


def _list(key, route, *variants, audiences=(ANON, STAFF), deep=""):
    """A list row, then its pages 500 and last (when `deep` names its count), then variants.

    A variant is (suffix, query, role); every one of them is based on the list.
    """
    pages = [
        ("page500", {"page": f"{{{deep}_deep}}"}, DEEP),
        ("last", {"page": f"{{{deep}_last}}"}, DEEP),
    ]
    rows = [Row(key, route, audiences=audiences)]
    for suffix, query, role in [*(pages if deep else []), *variants]:
        rows.append(
            Row(f"{key}.{suffix}", route, query=query, audiences=audiences, base=key, role=role)
        )
    return rows


PAGES = [
    Row("page.home", "home"),
    *_list(
        "page.articles",
        "article-list",
        ("outlet", {"outlet": "{outlet}"}, ""),
        ("official", {"official": "{official}"}, ""),
        ("country", {"country": "{article_country}"}, ""),
        ("event", {"event": "{event}"}, ""),
        ("topic", {"topic": "{topic}"}, ""),
        ("language", {"language": "{language}"}, ""),
        ("dates", {"date_from": "{articles_from}", "date_to": "{articles_to}"}, ""),
        ("ordering", {"ordering": "title"}, ""),
        ("q-common", {"q": "{common_word}"}, SEARCH),
        ("q-rare", {"q": "{rare_word}"}, SEARCH),
        ("q-two", {"q": "{two_words}"}, SEARCH),
        deep="articles",
    ),
    Row("page.article", "article-detail", args=("{article}",)),
    *_list(
        "page.visits",
        "visit-list",
        ("official", {"official": "{official}"}, ""),
        ("host_country", {"host_country": "{host_country}"}, ""),
        ("origin_country", {"origin_country": "{origin_country}"}, ""),
        ("kind", {"kind": "{visit_kind}"}, ""),
        ("event", {"event": "{event}"}, ""),
        ("dates", {"date_from": "{visits_from}", "date_to": "{visits_to}"}, ""),
        ("ordering", {"ordering": "host_country"}, ""),
        deep="visits",
    ),
    Row("page.visit", "visit-detail", args=("{visit}",)),
    *_list(
        "page.officials",
        "official-list",
        ("name", {"name": "{rare_word}"}, SEARCH),
        ("country", {"country": "{official_country}"}, ""),
        ("organization", {"organization": "{organization}"}, ""),
    ),
    Row("page.official", "official-detail", args=("{official}",)),
    *_list(
        "page.events",
        "event-list",
        ("upcoming", {"when": "upcoming"}, ""),
        ("series", {"series": "{series}"}, ""),
        ("country", {"country": "{event_country}"}, ""),
    ),
    Row("page.event", "event-detail", args=("{event}",)),
    Row("page.countries", "country-list"),
    Row("page.country", "country-detail", args=("{host_country}",)),
    Row("page.timeline", "timeline"),
]

FEEDS = [
    Row("feed.articles", "article-feed"),
    Row("feed.articles-atom", "article-feed-atom"),
    Row("feed.official", "official-feed", args=("{official}",)),
    Row("feed.country", "country-feed", args=("{article_country}",)),
    Row("feed.events-ics", "event-calendar"),
]

API = [
    *_list(
        "api.articles",
        "api:article-list",
        ("search", {"search": "{common_word}"}, SEARCH),
        ("official", {"official": "{official}"}, ""),
        ("ordering", {"ordering": "-date"}, ""),
        deep="articles",
    ),
    Row("api.outlets", "api:outlet-list"),
    *_list(
        "api.officials",
        "api:official-list",
        ("search", {"search": "{rare_word}"}, SEARCH),
        ("ordering", {"ordering": "-name"}, ""),
    ),
    Row("api.organizations", "api:organization-list"),
    Row("api.topics", "api:topic-list"),
    Row("api.event-series", "api:eventseries-list"),
    Row("api.events", "api:event-list"),
    *_list(
        "api.visits",
        "api:visit-list",
        ("search", {"search": "{rare_word}"}, SEARCH),
        ("host_country", {"host_country": "{host_country}"}, ""),
        ("ordering", {"ordering": "host_country"}, ""),
    ),
    *_list("api.meetings", "api:meeting-list", ("official", {"official": "{official}"}, "")),
    Row("api.countries", "api:country-list"),
]

ADMIN = [
    *_list(
        "admin.articles",
        "admin:newsroom_article_changelist",
        ("q", {"q": "{common_word}"}, SEARCH),
        ("draft", {"status__exact": "draft"}, ""),
        audiences=(STAFF,),
    ),
    Row("admin.visits", "admin:visits_visit_changelist", audiences=(STAFF,)),
    *_list(
        "admin.officials",
        "admin:visits_official_changelist",
        ("q", {"q": "{rare_word}"}, SEARCH),
        audiences=(STAFF,),
    ),
    Row("admin.meetings", "admin:visits_meeting_changelist", audiences=(STAFF,)),
    Row("admin.events", "admin:visits_event_changelist", audiences=(STAFF,)),
    Row("admin.articleofficials", "admin:newsroom_articleofficial_changelist", audiences=(STAFF,)),
]

ROWS = [*PAGES, *FEEDS, *API, *ADMIN]
# The API lists that have a raw-SQL floor (floors.FLOORS), page 1 for anonymous readers.
FLOOR_ENDPOINTS = (
    "articles",
    "outlets",
    "officials",
    "organizations",
    "topics",
    "event-series",
    "events",
    "visits",
    "meetings",
    "countries",
)


def floor_name(endpoint: str) -> str:
    return f"{SQL}:api.{endpoint}"


def row_names() -> list[str]:
    """Every row, in the order the table shows them: each API list followed by its floor."""
    names = []
    for row in ROWS:
        names += row.names()
        endpoint = row.key.removeprefix("api.")
        if row.key.startswith("api.") and endpoint in FLOOR_ENDPOINTS:
            names.append(floor_name(endpoint))
    return names


def row_by_key() -> dict[str, Row]:
    return {row.key: row for row in ROWS}


def split_name(name: str) -> tuple[str, str]:
    """`anon:page.articles` -> ("anon", "page.articles")."""
    audience, _, key = name.partition(":")
    return audience, key


def resolve_urls(facts) -> tuple[dict[str, str], dict[str, str]]:
    """Each row's URL, and the reason for each row that has none."""
    urls, missing = {}, {}
    for row in ROWS:
        for audience in row.audiences:
            name = f"{audience}:{row.key}"
            try:
                urls[name] = row.url(facts.values(audience))
            except Unresolved as reason:
                missing[name] = str(reason)
    return urls, missing
