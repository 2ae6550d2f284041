"""Topics, event series and their editions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from visits.models.dated import DateRangeModel
from visits.models.editorial import EditorialModel, EditorialQuerySet, SlugManager
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


class EventManager(SlugManager.from_queryset(EditorialQuerySet)):
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
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", _("Can publish events"))]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)
