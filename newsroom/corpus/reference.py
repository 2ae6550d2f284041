"""Outlets and topics: the reference records articles are filed under."""

from django.db.models import Q
from django.utils.text import slugify

from newsroom.corpus.vocabulary import OUTLETS, TOPICS
from newsroom.models import Outlet
from visits.models import Topic


def make_outlets(marker: str) -> dict[str, list[Outlet]]:
    """The invented outlets, by language."""
    outlets = [
        Outlet(
            name=name,
            slug=f"{slugify(name)}-{marker}",
            url=f"https://{slugify(name)}.example/",
            country=country,
            language=language,
        )
        for name, language, country in OUTLETS
    ]
    Outlet.objects.bulk_create(outlets)
    by_language: dict[str, list[Outlet]] = {}
    for outlet in outlets:
        by_language.setdefault(outlet.language, []).append(outlet)
    return by_language


def topic_records() -> tuple[list[Topic], int]:
    """The topic records in vocabulary order, the seed's reused by slug or name; and how many
    were created."""
    slugs, names = [t.slug for t in TOPICS], [t.name for t in TOPICS]
    existing = Topic.objects.filter(Q(slug__in=slugs) | Q(name__in=names))
    by_slug = {topic.slug: topic for topic in existing}
    by_name = {topic.name: topic for topic in existing}
    missing = [
        Topic(name=t.name, slug=t.slug)
        for t in TOPICS
        if t.slug not in by_slug and t.name not in by_name
    ]
    Topic.objects.bulk_create(missing)
    by_slug |= {topic.slug: topic for topic in missing}
    return [by_slug.get(t.slug) or by_name[t.name] for t in TOPICS], len(missing)
