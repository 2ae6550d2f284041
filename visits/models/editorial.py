"""Editorial status and the one visibility rule shared by every public record."""

import uuid

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    REVIEW = "review", _("in review")
    PUBLISHED = "published", _("published")


class EditorialQuerySet(models.QuerySet):
    def published(self):
        """Only the records the public may see."""
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Everything for those allowed to view this model in the admin, else published only."""
        opts = self.model._meta
        if (
            user is not None
            and user.is_active
            and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        ):
            return self.all()
        return self.published()


def pointing_to(queryset, field: str, visible):
    """Rows of `queryset` whose `field` points to a record of `visible`, checked row by row.

    A correlated EXISTS costs one index probe per row of the page, where `field__in=visible`
    may make the database list every visible record first.
    """
    if not visible.query.where:
        return queryset
    return queryset.filter(Exists(visible.filter(pk=OuterRef(field))))


# Sources a record lists, newest first: an event can be reported by thousands of articles.
SOURCES_SIZE = 20


def source_links(model, viewer, to_attr: str = "api_sources") -> models.Prefetch:
    """A record's links to the SOURCES_SIZE newest articles that report it, of those `viewer`
    may see."""
    link = model._meta.get_field("article_links").related_model
    article = link._meta.get_field("article").related_model
    links = pointing_to(link.objects.all(), "article", article.objects.visible_to(viewer))
    newest = links.select_related("article").order_by("-article__published_on", "-pk")
    return models.Prefetch("article_links", queryset=newest[:SOURCES_SIZE], to_attr=to_attr)


class EditorialModel(models.Model):
    """A record that goes from draft through review to published."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Only published records are shown to the public."),
    )

    objects = EditorialQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class UidManager(models.Manager):
    def get_by_natural_key(self, uid):
        return self.get(uid=uid)


class UidModel(models.Model):
    """A record without a natural name, known across databases by a stable identifier."""

    uid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True

    def natural_key(self):
        return (str(self.uid),)


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)
