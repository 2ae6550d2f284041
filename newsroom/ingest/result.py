"""The result of ingesting one text, in the JSON form the command, the API and proposals share."""

from dataclasses import dataclass, field
from typing import Any

NEW, EXISTS, ERROR = "new", "exists", "error"

# Proposal kinds, in the order of the JSON lists that hold them.
ITEM_LISTS = {
    "person": "people",
    "organization": "organizations",
    "country": "countries",
    "event": "events",
    "visit": "visits",
    "meeting": "meetings",
}


@dataclass
class IngestResult:
    """What ingestion read in one text, and whether an article was (or already was) stored."""

    path: str | None = None
    status: str = NEW
    error: str | None = None
    article: dict[str, Any] | None = None
    people: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    countries: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    article_id: int | None = None  # the stored article, when there is one
    passages: dict[tuple[str, int], str] = field(default_factory=dict)  # for items without one

    @classmethod
    def failed(cls, path: str | None, error) -> "IngestResult":
        return cls(path=path, status=ERROR, error=str(error))

    def items(self):
        """(proposal kind, position, item) for every item, in JSON order."""
        for kind, name in ITEM_LISTS.items():
            for position, item in enumerate(getattr(self, name)):
                yield kind, position, item

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "error": self.error,
            "article": self.article,
            **{name: getattr(self, name) for name in ITEM_LISTS.values()},
        }
