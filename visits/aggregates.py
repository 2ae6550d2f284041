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
from django.db import connection

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


def tables_version(models) -> str:
    """The version of `models`' tables, read once a request (see `read_tables_version`)."""
    versions = _request_versions.get()
    if versions is None:
        return read_tables_version(models)
    key = tuple(model._meta.label for model in models)
    if key not in versions:
        versions[key] = read_tables_version(models)
    return versions[key]


def read_tables_version(models) -> str:
    """The latest history row (key and date) and the highest key of each model, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(version_sql(tuple(models), connection.vendor))
        return repr(cursor.fetchone())


@once
def version_sql(models: tuple, vendor: str) -> str:
    """The query of `read_tables_version`, written once: each `model.history` builds a class."""
    quote = connection.ops.quote_name
    columns = []
    for model in models:
        history = model.history.model._meta
        columns += [
            f"(SELECT MAX({quote(history.pk.column)}) FROM {quote(history.db_table)})",
            f"(SELECT MAX({quote('history_date')}) FROM {quote(history.db_table)})",
            f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(model._meta.db_table)})",
        ]
    return f"SELECT {', '.join(columns)}"


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


def cached_aggregate(name: str, *, visible, models, compute: Callable):
    """`compute()`, a picklable value, cached per visibility until one of `models` is written."""
    version = hashlib.sha256(tables_version(models).encode()).hexdigest()
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
        models=recorded_models(),
        compute=compute,
    )
    return model._default_manager.filter(pk__in=ids)
