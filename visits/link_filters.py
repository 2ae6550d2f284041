"""Filters by a linked record (an official, a country, a topic) that stay cheap however common.

A list filtered by a record many rows link to is best read in its own order, each row's link
tested by an index (EXISTS), stopping at the page's end; one filtered by a rarely linked
record is best read from its links, then sorted. SQLite keeps no statistics per value: it
reads the links first whatever their number, sorting 77,000 articles to show the 20 newest
on Morocco. A bounded count of the links decides, on PostgreSQL too, whose planner sees the
EXISTS as the join it is.
"""

from django.db.models import Exists, OuterRef
from django_filters.constants import EMPTY_VALUES

# From this many links a value is common: walking the latest articles finds 20 of its own
# within about 2,000 rows at 100,000 articles, where sorting them all would cost more.
COMMON_LINKS = 1000


def link_table(model, path: str):
    """(the link model, its field to `model`, its field to the value) behind a filter's path."""
    name, _, rest = path.partition("__")
    field = model._meta.get_field(name)
    if field.many_to_many and not field.auto_created and not rest:
        return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()
    if field.one_to_many and rest and "__" not in rest:
        return field.related_model, field.field.name, rest
    return None


def linked_to(queryset, path: str, value):
    """The rows of `queryset` linked to `value` through `path` ("officials", "topics"…)."""
    table = link_table(queryset.model, path)
    if table is not None:
        links, source, target = table
        linked = links._base_manager.filter(**{target: value}).order_by()
        if linked[: COMMON_LINKS + 1].count() > COMMON_LINKS:
            return queryset.filter(Exists(linked.filter(**{source: OuterRef("pk")})))
    return queryset.filter(**{path: value})


class CommonLinkMixin:
    """A django-filter Filter on a link, read as `linked_to` reads it."""

    def filter(self, qs, value):
        if value in EMPTY_VALUES or self.exclude or self.lookup_expr != "exact":
            return super().filter(qs, value)
        if link_table(qs.model, self.field_name) is None:
            return super().filter(qs, value)
        return linked_to(qs, self.field_name, value)
