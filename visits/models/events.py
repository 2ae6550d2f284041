"""Topics, event series and their editions."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from visits import dates
from visits.dates import DatePrecision
from visits.models.dated import DateRangeModel
from visits.models.editorial import (
    EditorialModel,
    EditorialQuerySet,
    SlugManager,
    source_links,
)
from visits.models.people import Organization


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    objects = SlugManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class EventKind(models.TextChoices):
    FAIR = "fair", _("fair or exhibition")
    SUMMIT = "summit", _("summit")
    CONFERENCE = "conference", _("conference or forum")
    GENERAL_ASSEMBLY = "assembly", _("general assembly")
    SPORTS = "sports", _("sporting event")
    CEREMONY = "ceremony", _("ceremony")
    TRAINING = "training", _("training or exercise")
    OTHER = "other", _("other")


class EventSeries(models.Model):
    """A recurring event, e.g. IGEF or Interpol's General Assembly."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.OTHER
    )
    organizer = models.ForeignKey(
        Organization,
        verbose_name=_("organizer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_series",
    )
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    objects = SlugManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def natural_key(self):
        return (self.slug,)


def _not_over(today: datetime.date) -> Q:
    """Events whose last period (end, else start, at its precision) has not ended before today."""
    condition = Q()
    for precision in DatePrecision.values:
        since = dates.truncate(today, precision)
        condition |= Q(precision=precision) & (
            Q(end__gte=since) | Q(end__isnull=True, start__gte=since)
        )
    return condition


class EventQuerySet(EditorialQuerySet):
    def for_listing(self):
        """The joins a list of events shows."""
        return self.select_related("series", "organizer")

    def upcoming(self, today: datetime.date | None = None):
        """Events not over yet: "novembre 2025" is upcoming until the month is out."""
        return self.filter(_not_over(today or timezone.localdate()))

    def past(self, today: datetime.date | None = None):
        """Dated events that are over."""
        return self.exclude(_not_over(today or timezone.localdate())).exclude(start__isnull=True)

    def hosted_by(self, country: str):
        """Events the country hosts, alone or with others."""
        return self.filter(Q(country=country) | Q(co_host_countries__contains=country))

    def for_api(self, viewer):
        """The joins of the API's events, sources kept only if `viewer` may see them."""
        return self.select_related("series", "organizer").prefetch_related(
            source_links(self.model, viewer)
        )


class EventManager(SlugManager.from_queryset(EventQuerySet)):
    pass


class Event(EditorialModel, DateRangeModel):
    """One edition of an event, or a one-off event, with its place and dates."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="editions",
    )
    edition = models.CharField(
        _("edition"), max_length=50, blank=True, help_text=_("E.g. “2025” or “93”.")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.OTHER
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True, help_text=_("The main host country."))
    co_host_countries = CountryField(
        _("co-host countries"),
        multiple=True,
        blank=True,
        help_text=_("Other host countries, for an event held in several."),
    )
    organizer = models.ForeignKey(
        Organization,
        verbose_name=_("organizer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords()

    objects = EventManager()

    class Meta(DateRangeModel.Meta):
        ordering = ["-start", "name"]
        indexes = [
            models.Index(fields=["status", "-start", "name"], name="event_status_start_idx"),
            models.Index(fields=["-start", "name"], name="event_start_idx"),
            models.Index(fields=["country"], name="event_country_idx"),
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", _("Can publish events"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("event-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def is_upcoming(self) -> bool:
        """Not over yet, the last day of its period counted."""
        last = self.end or self.start
        return last is not None and dates.truncate(timezone.localdate(), self.precision) <= last
