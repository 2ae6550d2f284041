"""Sources: the articles that report a record, with the passage that says so."""

from visits.models.editorial import pointing_to


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
