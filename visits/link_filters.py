"""Filters by a linked record (an official, a country, a topic) that stay cheap however common.

A list filtered by a record many rows link to is best read in its own order, each row's link
tested by an index (EXISTS), stopping at the page's end; one filtered by a rarely linked
record is best read from its links, then sorted. PostgreSQL's planner chooses from its
statistics of each value. SQLite keeps no statistics per value: it reads the links first
whatever their number, sorting 77,000 articles to show the 20 newest on Morocco. There, a
bounded count of the links decides.
"""

from django.db import connections
from django.db.models import Exists, OuterRef
from django_filters.constants import EMPTY_VALUES

# Links from which a value is read row by row on SQLite: the list's order then meets 20 of
# them within a few thousand rows, where sorting them all would cost more.
COMMON_LINKS = 2000


def link_table(model, path: str):
    """(the link model, its field to `model`, its field to the value) behind a filter's path."""
    name, _, rest = path.partition("__")
    field = model._meta.get_field(name)
    if field.many_to_many and not field.auto_created and not rest:
        return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()
    if field.one_to_many and rest and "__" not in rest:
        return field.related_model, field.field.name, rest
    return None


class CommonLinkMixin:
    """For a django-filter Filter on a link: EXISTS on SQLite for a value with many links."""

    def filter(self, qs, value):
        if value in EMPTY_VALUES or self.exclude or self.lookup_expr != "exact":
            return super().filter(qs, value)
        table = link_table(qs.model, self.field_name)
        if table is None or connections[qs.db].vendor != "sqlite":
            return super().filter(qs, value)
        links, source, target = table
        linked = links._base_manager.filter(**{target: value}).order_by()
        if linked[: COMMON_LINKS + 1].count() <= COMMON_LINKS:
            return super().filter(qs, value)
        return qs.filter(Exists(linked.filter(**{source: OuterRef("pk")})))
