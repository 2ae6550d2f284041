"""Sources: the articles that report a record, with the passage that says so."""

from django.db.models import Exists, OuterRef

from visits.link_filters import COMMON_LINKS
from visits.models.editorial import pointing_to
from visits.sections import SECTION_SIZE, Section, cached_count


def visible_sources(record, viewer):
    """Links to `record` from the articles `viewer` may see, newest article first.

    `record` is a visit, meeting, event or official: each has `article_links`, reached
    through the reverse relation so that this app does not import the news app.
    """
    links = record.article_links
    article_model = links.model._meta.get_field("article").related_model
    return (
        pointing_to(links.all(), "article", article_model.objects.visible_to(viewer))
        .select_related("article__outlet")
        .order_by("-article__published_on", "article__title", "pk")
    )


def sources_section(record, viewer, *, more_url: str = "") -> Section:
    """The newest visible sources of `record`, and how many there are: their ids, then them.

    The newest of the 10,000 articles naming an official are best found by reading the newest
    articles, each tested for a link, rather than by sorting all 10,000; the few of a rarely
    named one by reading its links (visits.link_filters says why SQLite needs telling).
    """
    links = visible_sources(record, viewer)
    count = cached_count(links)
    if count <= COMMON_LINKS:
        newest = links.values_list("article_id", flat=True)
    else:
        article_model = links.model._meta.get_field("article").related_model
        newest = (
            article_model.objects.visible_to(viewer)
            .filter(Exists(record.article_links.filter(article=OuterRef("pk"))))
            .order_by("-published_on", "title", "pk")
            .values_list("pk", flat=True)
        )
    ids = list(newest[:SECTION_SIZE]) if count else []
    by_article = {link.article_id: link for link in links.filter(article__in=ids)} if ids else {}
    rows = [by_article[pk] for pk in ids if pk in by_article]
    return Section(rows=rows, count=count, more_url=more_url if count > len(rows) else "")
