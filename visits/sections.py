"""Sections of a detail page: the first rows of a related list, its size and the full list."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

# Rows a section shows before it links to the full, filtered list.
SECTION_SIZE = 10


@dataclass
class Section:
    rows: list = field(default_factory=list)
    count: int = 0
    more_url: str = ""

    @property
    def is_cut(self) -> bool:
        return self.count > len(self.rows)


def section(
    queryset, *, more_url: str = "", size: int = SECTION_SIZE, count: int | None = None
) -> Section:
    """The first `size` rows of `queryset` and how many there are, in two queries.

    A `count` already known, e.g. from a cached aggregate, saves the counting query.
    """
    if count is None:
        count = queryset.count()
    rows = list(queryset[:size]) if count else []
    return Section(rows=rows, count=count, more_url=more_url if count > len(rows) else "")


def list_url(name: str, **params) -> str:
    """A list page's URL, filtered by `params` (the FilterSet's parameter names)."""
    return f"{reverse(name)}?{urlencode(params)}"
