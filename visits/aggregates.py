"""Aggregates over whole tables, computed once and cached until a record of their tables is written.

The key holds the SQL of the viewer's visible records, so the public and staff never share a
value, and a version of the tables read from the database itself, so that every process sees a
write made by any other: each save or delete through the ORM adds a history row in the same
transaction, and a fixture load or bulk insert of new rows raises the highest key. A write that
does neither (a queryset `update()`, raw SQL) outlives the cached value by the timeout at most.
"""

import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache as once

from django.apps import apps
from django.core.cache import cache
from django.db import connection, connections

# How long an aggregate may outlive a write that leaves no trace in the version.
TIMEOUT = 10 * 60

# The versions a request has read, by models, until it writes (see versions_once_a_request).
_request_versions: ContextVar[dict | None] = ContextVar("request_versions", default=None)


def versions_once_a_request(get_response):
    """Middleware: a request reads the tables' version once, however many aggregates it shows."""

    def middleware(request):
        token = _request_versions.set({})
        try:
            return get_response(request)
        finally:
            _request_versions.reset(token)

    return middleware


def forget_versions(**kwargs) -> None:
    """A write in the request: the next aggregate reads the version anew (connected in apps)."""
    if (versions := _request_versions.get()) is not None:
        versions.clear()


def tables_version() -> str:
    """The version of every recorded table, read once a request (see `read_tables_version`).

    One version for all tables: an aggregate of a few of them is recomputed after a write to
    any, and a page of several aggregates reads the version once.
    """
    versions = _request_versions.get()
    if versions is None:
        return read_tables_version()
    if "tables" not in versions:
        versions["tables"] = read_tables_version()
    return versions["tables"]


# On PostgreSQL the query is a function: planning its 50-odd subqueries took 3 ms a request,
# and a PL/pgSQL function plans them once a connection.
VERSION_FUNCTION = "newsroom_tables_version"


def read_tables_version() -> str:
    """The latest history row (key and date) and the highest key of each recorded model."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT {VERSION_FUNCTION}()")
        else:
            cursor.execute(version_sql())
        return repr(cursor.fetchone())


@once
def version_columns() -> tuple[str, ...]:
    """The subqueries of the version, written once: each `model.history` builds a class."""
    quote = connection.ops.quote_name
    columns = []
    for model in recorded_models():
        history = model.history.model._meta
        columns += [
            f"(SELECT MAX({quote(history.pk.column)}) FROM {quote(history.db_table)})",
            f"(SELECT MAX({quote('history_date')}) FROM {quote(history.db_table)})",
            f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(model._meta.db_table)})",
        ]
    return tuple(columns)


@once
def version_sql() -> str:
    return f"SELECT {', '.join(version_columns())}"


def create_version_function(using: str = "default", **kwargs) -> None:
    """post_migrate: (re)writes the PostgreSQL function of the version, for today's models."""
    target = connections[using]
    if target.vendor != "postgresql":
        return
    # Each value as text, so that the function returns one text whatever the columns.
    values = ", ".join(f"coalesce({column}::text, '')" for column in version_columns())
    with target.cursor() as cursor:
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {VERSION_FUNCTION}() RETURNS text "
            f"LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN concat_ws(',', {values}); END $$"
        )


def rows_sql(queryset) -> tuple:
    """The SQL that says which rows `queryset` holds: its conditions, without the columns and
    joins it shows, nor its order where the order cannot change which rows they are."""
    query = queryset.query
    if not (query.is_sliced or query.distinct_fields):
        queryset = queryset.order_by()
    return queryset.values_list("pk").query.sql_with_params()


def visibility_key(querysets) -> str:
    """What the viewer may see, as the SQL of each visible queryset: equal SQL, equal rows."""
    sql = [repr(rows_sql(queryset)) for queryset in querysets]
    return hashlib.sha256("\n".join(sql).encode()).hexdigest()


def cached_aggregate(name: str, *, visible, compute: Callable):
    """`compute()`, a picklable value, cached per visibility until a recorded table is written."""
    version = hashlib.sha256(tables_version().encode()).hexdigest()
    key = f"{name}:{visibility_key(visible)}:{version}"
    return cache.get_or_set(key, compute, TIMEOUT)


@once
def recorded_models() -> list:
    """Every model whose writes leave a history row: the writes that can change an aggregate."""
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in {"visits", "newsroom"}
        # A historical table's own `history` is a foreign key, not a history manager.
        and hasattr(getattr(model, "history", None), "model")
    ]


def named_by(model, visible, field: str):
    """The records of `model` that a record of `visible` names through `field`.

    A choice among a few outlets, topics or series, found among every visible record: the
    ids are cached until a record is written.
    """

    def compute():
        ids = visible.order_by().values_list(field, flat=True).distinct()
        return sorted(pk for pk in ids if pk is not None)

    ids = cached_aggregate(
        f"named-by:{model._meta.label}:{field}",
        visible=[visible],
        compute=compute,
    )
    return model._default_manager.filter(pk__in=ids)
