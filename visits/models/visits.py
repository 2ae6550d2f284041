"""Visits, the meetings held during them or at home, and who took part."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from visits import dates
from visits.dates import DatePrecision
from visits.models.dated import DateRangeModel
from visits.models.editorial import (
    EditorialModel,
    EditorialQuerySet,
    UidManager,
    UidModel,
    source_links,
)
from visits.models.events import Event, Topic
from visits.models.people import Official, Organization


class VisitQuerySet(EditorialQuerySet):
    def for_listing(self, viewer):
        """The joins a list of visits shows; the event is kept only if `viewer` may see it."""
        return self.select_related("visitor").prefetch_related(
            Prefetch("event", queryset=Event.objects.visible_to(viewer), to_attr="visible_event")
        )

    def for_detail(self, viewer):
        """The listing's joins, the delegation, and the meetings `viewer` may see."""
        meetings = Meeting.objects.visible_to(viewer).with_participants().order_by("date", "pk")
        return (
            self.for_listing(viewer)
            .select_related("inviting_organization")
            .prefetch_related(
                "delegation",
                Prefetch("meetings", queryset=meetings, to_attr="visible_meetings"),
            )
        )

    def for_api(self, viewer):
        """The joins of the API's visits, nested records kept only if `viewer` may see them."""
        meetings = Meeting.objects.visible_to(viewer).for_api(viewer, with_visit=False)
        return self.select_related("visitor", "inviting_organization").prefetch_related(
            Prefetch("event", queryset=Event.objects.visible_to(viewer), to_attr="api_event"),
            "delegation",
            Prefetch("meetings", queryset=meetings.order_by("date", "pk"), to_attr="api_meetings"),
            source_links(self.model, viewer),
        )


class VisitManager(UidManager.from_queryset(VisitQuerySet)):
    pass


class MeetingQuerySet(EditorialQuerySet):
    def with_participants(self):
        """Meetings with their participants (official, organization) and topics."""
        participants = MeetingParticipant.objects.select_related("official", "organization")
        return self.prefetch_related(Prefetch("participants", queryset=participants), "topics")

    def for_listing(self, viewer):
        """Meetings with participants and topics, and their visit if `viewer` may see it."""
        visits = Visit.objects.visible_to(viewer).select_related("visitor")
        return self.with_participants().prefetch_related(
            Prefetch("visit", queryset=visits, to_attr="visible_visit")
        )

    def involving_country(self, country: str):
        """Meetings held in the country or with a participant from it."""
        participants = MeetingParticipant.objects.filter(meeting=OuterRef("pk")).filter(
            Q(country=country) | Q(official__country=country)
        )
        return self.filter(Q(country=country) | Exists(participants))

    def for_api(self, viewer, *, with_visit: bool = True):
        """The joins of the API's meetings, linked records kept only if `viewer` may see them."""
        queryset = self.with_participants().prefetch_related(source_links(self.model, viewer))
        if with_visit:
            visits = Visit.objects.visible_to(viewer)
            queryset = queryset.prefetch_related(
                Prefetch("visit", queryset=visits, to_attr="api_visit")
            )
        return queryset


class MeetingManager(UidManager.from_queryset(MeetingQuerySet)):
    pass


class Visit(UidModel, EditorialModel, DateRangeModel):
    """A trip by an official and a delegation from one country to another."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("official visit")
        WORKING = "working", _("working visit")
        STATE = "state", _("state visit")
        OTHER = "other", _("other")

    visitor = models.ForeignKey(
        Official,
        verbose_name=_("visitor"),
        on_delete=models.PROTECT,
        related_name="visits",
        help_text=_("The official who leads the visit."),
    )
    delegation = models.ManyToManyField(
        Official,
        verbose_name=_("delegation"),
        blank=True,
        related_name="delegation_visits",
        help_text=_("Named members of the delegation, besides the visitor."),
    )
    origin_country = CountryField(_("origin country"))
    host_country = CountryField(_("host country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
        help_text=_("The event the visit was made for, if any."),
    )
    invited_by = models.CharField(
        _("invited by"),
        max_length=255,
        blank=True,
        help_text=_("Who invited, as the sources put it, e.g. “les autorités turques”."),
    )
    inviting_organization = models.ForeignKey(
        Organization,
        verbose_name=_("inviting organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invitations",
    )
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords(m2m_fields=[delegation])

    objects = VisitManager()

    class Meta(DateRangeModel.Meta):
        ordering = ["-start", "pk"]
        # The public list (published, newest first), the staff list, and each country filter.
        indexes = [
            models.Index(fields=["status", "-start", "id"], name="visit_status_start_idx"),
            models.Index(fields=["-start", "id"], name="visit_start_idx"),
            models.Index(fields=["host_country", "-start"], name="visit_host_start_idx"),
            models.Index(fields=["origin_country", "-start"], name="visit_origin_start_idx"),
            # The API's `ordering=host_country` and `-host_country` (then the id), for the
            # public and staff alike.
            models.Index(fields=["host_country", "id"], name="visit_host_id_idx"),
            models.Index(fields=["-host_country", "id"], name="visit_host_desc_id_idx"),
        ]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        permissions = [("publish_visit", _("Can publish visits"))]

    def __str__(self):
        visitor = self.visitor.name if self.visitor_id else ""
        host = self.host_country.name if self.host_country else ""
        when = dates.humanize(self.start, self.precision)
        return " – ".join(str(part) for part in [visitor, host, when] if part)

    def get_absolute_url(self):
        return reverse("visit-detail", kwargs={"pk": self.pk})


class Meeting(UidModel, EditorialModel):
    """A meeting between officials, during a visit or on its own."""

    visit = models.ForeignKey(
        Visit,
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meetings",
        help_text=_("Empty for a meeting that is not part of a visit, e.g. at home in Rabat."),
    )
    date = models.DateField(_("date"), null=True, blank=True)
    precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="meetings"
    )
    history = HistoricalRecords(m2m_fields=[topics])

    objects = MeetingManager()

    class Meta:
        ordering = ["-date", "pk"]
        indexes = [
            models.Index(fields=["status", "-date", "id"], name="meeting_status_date_idx"),
            models.Index(fields=["-date", "id"], name="meeting_date_idx"),
            models.Index(fields=["country"], name="meeting_country_idx"),
        ]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        permissions = [("publish_meeting", _("Can publish meetings"))]
        constraints = dates.precision_constraints("visits_meeting", "date")

    def __str__(self):
        when = dates.humanize(self.date, self.precision)
        where = self.city or (self.country.name if self.country else "")
        label = _("Meeting")
        return " – ".join(str(part) for part in [label, where, when] if part)

    def clean(self):
        errors = dates.precision_errors(self.precision, date=self.date)
        if errors:
            raise ValidationError(errors)

    @property
    def date_iso(self) -> str | None:
        return dates.to_iso(self.date, self.precision)

    @property
    def date_display(self) -> str:
        return dates.humanize(self.date, self.precision)


class MeetingParticipant(UidModel):
    """A named official, or an unnamed counterpart known by country, organization and role."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="participants"
    )
    official = models.ForeignKey(
        Official,
        verbose_name=_("official"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_participations",
    )
    country = CountryField(_("country"), blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_participations",
    )
    role = models.CharField(
        _("role"),
        max_length=255,
        blank=True,
        help_text=_("For an unnamed counterpart, e.g. “chef de délégation”."),
    )
    title = models.CharField(
        _("title held then"),
        max_length=255,
        blank=True,
        help_text=_("The title at the meeting date."),
    )
    history = HistoricalRecords()

    objects = UidManager()

    class Meta:
        ordering = ["meeting", "pk"]
        indexes = [models.Index(fields=["country"], name="participant_country_idx")]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.CheckConstraint(
                condition=Q(official__isnull=False) | ~Q(country=""),
                name="participant_official_or_country",
            ),
            models.UniqueConstraint(
                fields=["meeting", "official"],
                condition=Q(official__isnull=False),
                name="participant_unique_official_per_meeting",
            ),
        ]

    def __str__(self):
        if self.official_id:
            return str(self.official)
        who = self.role or _("counterpart")
        return f"{who} ({self.country.name})" if self.country else str(who)

    def clean(self):
        if not self.official_id and not self.country:
            raise ValidationError(
                _("A participant is a named official or an unnamed counterpart with a country.")
            )
