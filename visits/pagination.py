"""Pages of a list that cost about the same at any depth and any size of the list."""

from functools import cached_property

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import QuerySet

from visits.aggregates import cached_aggregate


class ListPaginator(Paginator):
    """Counts a list once until a record is written, and reads a page's ids before its rows.

    Counting 90,000 visible articles, or the officials a published record names, reads them
    all: the count is cached by the list's SQL and the tables' version (visits.aggregates).
    Skipping the rows before page 500 costs reading each of them with its joins; skipping
    their ids costs reading an index. The first page is read in one query, every other in
    two, so that a list's deep pages run the queries its second page runs.
    """

    # Rows skipped from which a page is read in two steps.
    deferred_from = 20
    # Rows from which a list ranked in a window (newsroom.search.WindowRank) is read in parts.
    split_from = 100

    @cached_property
    def count(self):
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return super().count
        try:
            return cached_aggregate("list-count", visible=[queryset], compute=queryset.count)
        except EmptyResultSet:
            # A condition that no row can meet, e.g. a search for no word.
            return 0

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.rows(bottom, top), number, self)

    def rows(self, bottom: int, top: int):
        queryset = self.object_list
        parts = self.ranked_parts() if self.count > self.split_from else None
        if parts is not None:
            return self.rows_in_parts(*parts, bottom, top)
        shallow = bottom < self.deferred_from
        if shallow or not isinstance(queryset, QuerySet) or queryset.query.annotations:
            return queryset[bottom:top]
        ids = self.ids(queryset, bottom, top)
        # The page's rows by id alone: the list's conditions were met by the ids already.
        page = queryset.model._base_manager.filter(pk__in=ids)
        page.query.select_related = queryset.query.select_related
        page = page.prefetch_related(*queryset._prefetch_related_lookups)
        by_id = {row.pk: row for row in page}
        return [by_id[pk] for pk in ids if pk in by_id]

    def ids(self, queryset, bottom: int, top: int) -> list:
        """The ids of rows `bottom` to `top`, those past the middle read from the list's end.

        The key breaks ties, so that the order read backwards is the same; the last page of
        90,000 articles then skips 20 index entries, not 89,980.
        """
        order = list(queryset.query.order_by) or list(queryset.query.get_meta().ordering)
        if not order:
            return list(queryset.values_list("pk", flat=True)[bottom:top])
        keys = {"pk", queryset.model._meta.pk.name}
        if not any(str(term).lstrip("-") in keys for term in order):
            order.append("pk")
        ordered = queryset.prefetch_related(None).order_by(*order).values_list("pk", flat=True)
        count = self.count
        if bottom <= count - top:
            return list(ordered[bottom:top])
        return list(ordered.reverse()[count - top : count - bottom])[::-1]

    def ranked_parts(self):
        """(the ranked head, the rest) of a list whose first order is a ranking in a window."""
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return None
        for annotation in queryset.query.annotations.values():
            split = getattr(annotation, "split", None)
            if split is not None and (parts := split(queryset)) is not None:
                return parts
        return None

    @staticmethod
    def rows_in_parts(head, rest, bottom: int, top: int) -> list:
        """Rows `bottom` to `top` of the head followed by the rest, reading the rest if need be.

        A page inside the head reads the head alone, a window of rows ranked among
        themselves; one that runs past it counts the head, a few hundred rows at most.
        """
        rows = list(head[bottom:top])
        if len(rows) == top - bottom:
            return rows
        head_count = bottom + len(rows) if rows else head.count()
        return rows + list(rest[max(0, bottom - head_count) : top - head_count])
