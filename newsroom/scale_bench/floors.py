"""Raw-SQL floors: page 1 of each API list for anonymous readers, in one hand-written query.

Each query fetches the rows the API shows (published only, same order, 20 of them, and the
count) with the nested records its serializer shows, built as JSON by the database; Python
only parses the rows and dumps the page. What the API costs above this is the ORM and DRF.
"""

import json

from django.utils import translation
from django_countries import countries

from newsroom.scale_bench.rows import PAGE_SIZE
from newsroom.scale_bench.sql_json import (
    SITE,
    Dialect,
    api_url,
    id_ref,
    page_url,
    partial_date,
    ref,
)
from visits.models.editorial import SOURCES_SIZE

PUBLISHED = "'published'"


def sources(d: Dialect, link_table: str, column: str, record: str) -> str:
    """The SOURCES_SIZE newest published articles that report `record`, with the passage."""
    article = d.obj(
        slug="sa.slug",
        title="sa.title",
        url=api_url("articles", "sa.slug"),
        page_url=page_url("articles", "sa.slug"),
    )
    return d.array(
        d.obj(article=article, quote="sl.quote"),
        f"{link_table} sl JOIN newsroom_article sa ON sa.id = sl.article_id "
        f"WHERE sl.{column} = {record} AND sa.status = {PUBLISHED}",
        "sa.published_on DESC, sl.id DESC",
        SOURCES_SIZE,
    )


def topics(d: Dialect, through: str, column: str, record: str) -> str:
    return d.array(
        ref(d, "tt", "topics", nullable=False),
        f"{through} tl JOIN visits_topic tt ON tt.id = tl.topic_id WHERE tl.{column} = {record}",
        "tt.name, tt.id",
    )


def links(d: Dialect, field: str, table: str, *, published: bool = False) -> str:
    """An article's links to one kind of record: [{<field>: {...}, "quote": ...}]."""
    named = {"official": "officials", "organization": "organizations", "event": "events"}
    shown = (
        ref(d, "lt", named[field], nullable=False)
        if field in named
        else d.obj(id="lt.id", url=api_url(f"{field}s", "lt.id"))
    )
    condition = f" AND lt.status = {PUBLISHED}" if published else ""
    return d.array(
        d.obj(**{field: shown, "quote": "ll.quote"}),
        f"newsroom_article{field} ll JOIN {table} lt ON lt.id = ll.{field}_id "
        f"WHERE ll.article_id = a.id{condition}",
        "ll.id",
    )


def page(
    record: str, table: str, where: str, order: str, joins: str = "", per_row: str = ""
) -> str:
    """Page 1 of a list and, on each row, the list's size (`table` is "name alias").

    `per_row` is a join that `where` needs, in the count as in the page.
    """
    return (
        f"SELECT (SELECT COUNT(*) FROM {table} {per_row} WHERE {where}) AS total, "
        f"{record} AS record FROM {table} {per_row} {joins} WHERE {where} "
        f"ORDER BY {order} LIMIT {PAGE_SIZE}"
    )


def articles(d: Dialect) -> str:
    record = d.obj(
        id="a.id",
        slug="a.slug",
        url=api_url("articles", "a.slug"),
        page_url=page_url("articles", "a.slug"),
        status="a.status",
        title="a.title",
        outlet=ref(d, "ot", "outlets"),
        original_url="a.url",
        author="a.author",
        published_on=partial_date(d, "a.published_on", "a.published_precision"),
        language="a.language",
        summary="a.summary",
        body="a.body",
        topics=topics(d, "newsroom_article_topics", "article_id", "a.id"),
        # An official linked to a published article is public: no further check is needed.
        officials=links(d, "official", "visits_official"),
        organizations=links(d, "organization", "visits_organization"),
        events=links(d, "event", "visits_event", published=True),
        visits=links(d, "visit", "visits_visit", published=True),
        meetings=links(d, "meeting", "visits_meeting", published=True),
        countries=d.array(
            d.obj(country="ac.country", role="ac.role", quote="ac.quote"),
            "newsroom_articlecountry ac WHERE ac.article_id = a.id",
            "ac.country",
        ),
        created_at="a.created_at",
        updated_at="a.updated_at",
    )
    return page(
        record,
        "newsroom_article a",
        f"a.status = {PUBLISHED}",
        "a.published_on DESC, a.created_at DESC, a.id",
        "LEFT JOIN newsroom_outlet ot ON ot.id = a.outlet_id",
    )


def outlets(d: Dialect) -> str:
    record = d.obj(
        id="o.id",
        slug="o.slug",
        url=api_url("outlets", "o.slug"),
        name="o.name",
        website="o.url",
        country="o.country",
        language="o.language",
    )
    return page(record, "newsroom_outlet o", "1 = 1", "o.name, o.id")


def official_is_public(alias: str) -> str:
    """The public's rule for officials: a published article, visit or meeting names them."""
    return (
        "(EXISTS (SELECT 1 FROM newsroom_articleofficial xl JOIN newsroom_article xa "
        f"ON xa.id = xl.article_id WHERE xl.official_id = {alias}.id AND xa.status = {PUBLISHED})"
        " OR EXISTS (SELECT 1 FROM visits_visit xv "
        f"WHERE xv.visitor_id = {alias}.id AND xv.status = {PUBLISHED})"
        " OR EXISTS (SELECT 1 FROM visits_visit_delegation xd JOIN visits_visit xw "
        f"ON xw.id = xd.visit_id WHERE xd.official_id = {alias}.id AND xw.status = {PUBLISHED})"
        " OR EXISTS (SELECT 1 FROM visits_meetingparticipant xp JOIN visits_meeting xm "
        f"ON xm.id = xp.meeting_id WHERE xp.official_id = {alias}.id "
        f"AND xm.status = {PUBLISHED}))"
    )


def officials(d: Dialect) -> str:
    position = d.obj(
        id="p.id",
        uid="p.uid",
        organization=ref(d, "pg", "organizations"),
        title="p.title",
        start=partial_date(d, "p.start", "p.precision"),
        end=partial_date(d, 'p."end"', "p.precision"),
    )
    record = d.obj(
        id="o.id",
        slug="o.slug",
        url=api_url("officials", "o.slug"),
        page_url=page_url("officials", "o.slug"),
        name="o.name",
        other_names=d.array(
            d.obj(id="n.id", name="n.name", kind="n.kind", note="n.note"),
            "visits_officialname n WHERE n.official_id = o.id",
            "n.name, n.id",
        ),
        country="o.country",
        summary="o.summary",
        wikidata_id="o.wikidata_id",
        positions=d.array(
            position,
            "visits_position p LEFT JOIN visits_organization pg ON pg.id = p.organization_id "
            "WHERE p.official_id = o.id",
            "p.start DESC, p.id",
        ),
    )
    join, where = d.per_row(official_is_public("o"))
    return page(record, "visits_official o", where, "o.name, o.id", per_row=join)


def organizations(d: Dialect) -> str:
    record = d.obj(
        id="g.id",
        slug="g.slug",
        url=api_url("organizations", "g.slug"),
        name="g.name",
        acronym="g.acronym",
        kind="g.kind",
        country="g.country",
        parent=ref(d, "pa", "organizations"),
        summary="g.summary",
    )
    return page(
        record,
        "visits_organization g",
        "1 = 1",
        "g.name, g.id",
        "LEFT JOIN visits_organization pa ON pa.id = g.parent_id",
    )


def topic_list(d: Dialect) -> str:
    record = d.obj(
        id="t.id",
        slug="t.slug",
        url=api_url("topics", "t.slug"),
        name="t.name",
        description="t.description",
    )
    return page(record, "visits_topic t", "1 = 1", "t.name, t.id")


def event_series(d: Dialect) -> str:
    record = d.obj(
        id="s.id",
        slug="s.slug",
        url=api_url("event-series", "s.slug"),
        name="s.name",
        acronym="s.acronym",
        kind="s.kind",
        organizer=ref(d, "og", "organizations"),
        description="s.description",
    )
    return page(
        record,
        "visits_eventseries s",
        "1 = 1",
        "s.name, s.id",
        "LEFT JOIN visits_organization og ON og.id = s.organizer_id",
    )


def events(d: Dialect) -> str:
    record = d.obj(
        id="e.id",
        slug="e.slug",
        url=api_url("events", "e.slug"),
        page_url=page_url("events", "e.slug"),
        status="e.status",
        name="e.name",
        series=ref(d, "es", "event-series"),
        edition="e.edition",
        kind="e.kind",
        start=partial_date(d, "e.start", "e.precision"),
        end=partial_date(d, 'e."end"', "e.precision"),
        city="e.city",
        country="e.country",
        co_host_countries="e.co_host_countries",
        organizer=ref(d, "eo", "organizations"),
        summary="e.summary",
        sources=sources(d, "newsroom_articleevent", "event_id", "e.id"),
    )
    return page(
        record,
        "visits_event e",
        f"e.status = {PUBLISHED}",
        "e.start DESC, e.name, e.id",
        "LEFT JOIN visits_eventseries es ON es.id = e.series_id "
        "LEFT JOIN visits_organization eo ON eo.id = e.organizer_id",
    )


def meeting(d: Dialect, alias: str, *, visit: str = "") -> str:
    """A meeting with its topics, participants and sources; `visit` aliases its visit's row."""
    participant = d.obj(
        id="mp.id",
        uid="mp.uid",
        official=ref(d, "mpo", "officials"),
        country="mp.country",
        organization=ref(d, "mpg", "organizations"),
        role="mp.role",
        title="mp.title",
    )
    fields = {
        "id": f"{alias}.id",
        "uid": f"{alias}.uid",
        "url": api_url("meetings", f"{alias}.id"),
        "status": f"{alias}.status",
        **({"visit": id_ref(d, visit, "visits")} if visit else {}),
        "date": partial_date(d, f"{alias}.date", f"{alias}.precision"),
        "city": f"{alias}.city",
        "country": f"{alias}.country",
        "summary": f"{alias}.summary",
        "topics": topics(d, "visits_meeting_topics", "meeting_id", f"{alias}.id"),
        "participants": d.array(
            participant,
            "visits_meetingparticipant mp "
            "LEFT JOIN visits_official mpo ON mpo.id = mp.official_id "
            "LEFT JOIN visits_organization mpg ON mpg.id = mp.organization_id "
            f"WHERE mp.meeting_id = {alias}.id",
            "mp.id",
        ),
        "sources": sources(d, "newsroom_articlemeeting", "meeting_id", f"{alias}.id"),
    }
    return d.obj(**fields)


def visits(d: Dialect) -> str:
    record = d.obj(
        id="v.id",
        uid="v.uid",
        url=api_url("visits", "v.id"),
        page_url=page_url("visits", "v.id"),
        status="v.status",
        visitor=ref(d, "vo", "officials", nullable=False),
        delegation=d.array(
            ref(d, "dof", "officials", nullable=False),
            "visits_visit_delegation dd JOIN visits_official dof ON dof.id = dd.official_id "
            "WHERE dd.visit_id = v.id",
            "dof.name, dof.id",
        ),
        origin_country="v.origin_country",
        host_country="v.host_country",
        city="v.city",
        start=partial_date(d, "v.start", "v.precision"),
        end=partial_date(d, 'v."end"', "v.precision"),
        kind="v.kind",
        event=ref(d, "ve", "events"),
        invited_by="v.invited_by",
        inviting_organization=ref(d, "vg", "organizations"),
        summary="v.summary",
        meetings=d.array(
            meeting(d, "m"),
            f"visits_meeting m WHERE m.visit_id = v.id AND m.status = {PUBLISHED}",
            "m.date, m.id",
        ),
        sources=sources(d, "newsroom_articlevisit", "visit_id", "v.id"),
    )
    return page(
        record,
        "visits_visit v",
        f"v.status = {PUBLISHED}",
        "v.start DESC, v.id",
        "JOIN visits_official vo ON vo.id = v.visitor_id "
        f"LEFT JOIN visits_event ve ON ve.id = v.event_id AND ve.status = {PUBLISHED} "
        "LEFT JOIN visits_organization vg ON vg.id = v.inviting_organization_id",
    )


def meetings(d: Dialect) -> str:
    return page(
        meeting(d, "mt", visit="mv"),
        "visits_meeting mt",
        f"mt.status = {PUBLISHED}",
        "mt.date DESC, mt.id",
        f"LEFT JOIN visits_visit mv ON mv.id = mt.visit_id AND mv.status = {PUBLISHED}",
    )


def country_list(d: Dialect) -> str:
    """Countries a published record names, by code, with the visits each hosted and made."""
    record = d.obj(
        code="code",
        url=api_url("countries", "code"),
        page_url=page_url("countries", "code"),
        visits_to=(
            "(SELECT COUNT(*) FROM visits_visit cv "
            f"WHERE cv.host_country = codes.code AND cv.status = {PUBLISHED})"
        ),
        visits_from=(
            "(SELECT COUNT(*) FROM visits_visit cv "
            f"WHERE cv.origin_country = codes.code AND cv.status = {PUBLISHED})"
        ),
    )
    join, where = d.per_row(official_is_public("o"))
    return (
        f"WITH pv AS (SELECT host_country, origin_country FROM visits_visit "
        f"WHERE status = {PUBLISHED}), "
        f"pm AS (SELECT id, country FROM visits_meeting WHERE status = {PUBLISHED}), "
        "codes AS ("
        "SELECT host_country AS code FROM pv UNION SELECT origin_country FROM pv "
        "UNION SELECT country FROM pm "
        "UNION SELECT p.country FROM visits_meetingparticipant p JOIN pm ON pm.id = p.meeting_id "
        "UNION SELECT o.country FROM visits_meetingparticipant p JOIN pm ON pm.id = p.meeting_id "
        "JOIN visits_official o ON o.id = p.official_id "
        f"UNION SELECT country FROM visits_event WHERE status = {PUBLISHED} "
        "UNION SELECT c.country FROM newsroom_articlecountry c "
        f"JOIN newsroom_article a ON a.id = c.article_id WHERE a.status = {PUBLISHED} "
        f"UNION SELECT o.country FROM visits_official o {join} WHERE {where}) "
        f"SELECT (SELECT COUNT(*) FROM codes WHERE code <> '') AS total, {record} AS record "
        f"FROM codes WHERE code <> '' ORDER BY code LIMIT {PAGE_SIZE}"
    )


def country_names(record: dict) -> dict:
    """The API adds the country's English and French names, as the floor does here."""
    for language in ("en", "fr"):
        with translation.override(language):
            record[f"name_{language}"] = str(countries.name(record["code"]))
    return record


FLOORS = {
    "articles": articles,
    "outlets": outlets,
    "officials": officials,
    "organizations": organizations,
    "topics": topic_list,
    "event-series": event_series,
    "events": events,
    "visits": visits,
    "meetings": meetings,
    "countries": country_list,
}
FINISH = {"countries": country_names}


def floor_sql(endpoint: str, vendor: str) -> str:
    return FLOORS[endpoint](Dialect(vendor))


def run_floor(endpoint: str, connection) -> str:
    """Page 1 of the endpoint as JSON, from its one query."""
    dialect = Dialect(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(FLOORS[endpoint](dialect))
        rows = cursor.fetchall()
    finish = FINISH.get(endpoint, lambda record: record)
    total = rows[0][0] if rows else 0
    following = f"{SITE}/api/v1/{endpoint}/?page=2" if total > PAGE_SIZE else None
    results = [finish(dialect.load(record)) for _total, record in rows]
    page_json = {"count": total, "next": following, "previous": None, "results": results}
    return json.dumps(page_json, default=str)
