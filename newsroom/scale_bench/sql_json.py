"""JSON built by the database, one spelling for SQLite and PostgreSQL, as the API shapes it.

Each helper returns an SQL expression: an object, an ordered array over a subquery, a
reference to a named record ({slug, name, url}), a partial date ({value, precision}).
"""

import json

SITE = "http://testserver"


class Dialect:
    """The JSON functions of SQLite and PostgreSQL, behind one spelling."""

    def __init__(self, vendor: str):
        self.postgres = vendor == "postgresql"

    def obj(self, **pairs: str) -> str:
        function = "json_build_object" if self.postgres else "json_object"
        arguments = ", ".join(f"'{key}', {value}" for key, value in pairs.items())
        return f"{function}({arguments})"

    def array(self, expr: str, source: str, order: str, limit: int | None = None) -> str:
        """A JSON array of `expr` over the rows of `source` (FROM ... WHERE ...), in order,
        the first `limit` of them if given."""
        cut = f" LIMIT {int(limit)}" if limit is not None else ""
        if self.postgres:
            if not cut:
                return f"COALESCE((SELECT json_agg({expr} ORDER BY {order}) FROM {source}), '[]')"
            inner = (
                f"SELECT {expr} AS value, row_number() OVER (ORDER BY {order}) AS place "
                f"FROM {source} ORDER BY {order}{cut}"
            )
            return f"COALESCE((SELECT json_agg(value ORDER BY place) FROM ({inner}) cut), '[]')"
        # SQLite 3.40 has no ORDER BY inside an aggregate: a sorted subquery feeds it. json()
        # keeps each value (and the array itself) JSON rather than text once nested.
        inner = f"SELECT {expr} AS value FROM {source} ORDER BY {order}{cut}"
        return f"json((SELECT json_group_array(json(value)) FROM ({inner})))"

    def per_row(self, condition: str) -> tuple[str, str]:
        """A join and a WHERE clause that test `condition` on each row, by its indexes.

        PostgreSQL would hash each EXISTS of an OR over its whole table; a LATERAL subquery
        it cannot flatten (OFFSET 0) makes it probe row by row. SQLite probes row by row.
        """
        if self.postgres:
            return f"CROSS JOIN LATERAL (SELECT {condition} AS kept OFFSET 0) per_row", (
                "per_row.kept"
            )
        return "", condition

    def load(self, value):
        """A JSON value as the driver returns it (psycopg parses json, sqlite3 does not)."""
        return value if self.postgres else json.loads(value)


def api_url(endpoint: str, key: str) -> str:
    return f"'{SITE}/api/v1/{endpoint}/' || CAST({key} AS TEXT) || '/'"


def page_url(prefix: str, key: str) -> str:
    return f"'{SITE}/{prefix}/' || CAST({key} AS TEXT) || '/'"


def ref(d: Dialect, alias: str, endpoint: str, *, nullable: bool = True) -> str:
    """A named record as {slug, name, url}, or null when the (outer-joined) row is missing."""
    value = d.obj(
        slug=f"{alias}.slug", name=f"{alias}.name", url=api_url(endpoint, f"{alias}.slug")
    )
    return f"CASE WHEN {alias}.id IS NULL THEN NULL ELSE {value} END" if nullable else value


def id_ref(d: Dialect, alias: str, endpoint: str) -> str:
    value = d.obj(id=f"{alias}.id", url=api_url(endpoint, f"{alias}.id"))
    return f"CASE WHEN {alias}.id IS NULL THEN NULL ELSE {value} END"


def partial_date(d: Dialect, column: str, precision: str) -> str:
    """{"value": "2025-11", "precision": "month"}: the ISO date cut to its precision."""
    length = f"CASE {precision} WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END"
    value = d.obj(value=f"SUBSTR(CAST({column} AS TEXT), 1, {length})", precision=precision)
    return f"CASE WHEN {column} IS NULL THEN NULL ELSE {value} END"
