"""Admin for the domain: organizations, officials, events, visits and meetings."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from rangefilter.filters import DateRangeFilter

from visits import resources
from visits.admin_filters import AutocompleteFilter, OfficialFilter, TopicFilter, leading_to
from visits.editorial_admin import EditorialAdmin, RecordAdmin
from visits.models import (
    Event,
    EventSeries,
    Meeting,
    MeetingParticipant,
    Official,
    OfficialName,
    Organization,
    Position,
    Topic,
    Visit,
)
from visits.names import normalize_name


class OfficialSearchMixin:
    """Search finds officials by any of their names, ignoring case and accents.

    `official_lookups` lead from the listed model to the officials it names; `OfficialFilter`
    follows the same lookups.
    """

    official_lookups = ("pk",)

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if not normalize_name(search_term):
            return found, may_have_duplicates
        officials = Official.objects.search(search_term).values("pk")
        named = leading_to(self.model, self.official_lookups, "in", officials)
        return found | queryset.filter(named), may_have_duplicates


class CompactTabularInline(admin.TabularInline):
    """A tabular inline whose text areas stay two lines high."""

    extra = 0
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}
    }


class DateRangeDisplayMixin:
    @admin.display(description=_("dates"), ordering="start")
    def when(self, obj):
        return obj.dates_display


@admin.register(Organization)
class OrganizationAdmin(RecordAdmin):
    resource_classes = [resources.OrganizationResource]
    list_display = ("name", "acronym", "kind", "country", "parent")
    list_filter = ("kind", ("country", CountryFilter))
    list_select_related = ("parent",)
    search_fields = ("name", "acronym", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)


class OfficialNameInline(CompactTabularInline):
    model = OfficialName
    fields = ("name", "kind", "note")


class PositionInline(CompactTabularInline):
    model = Position
    fields = ("title", "organization", "start", "end", "precision")
    autocomplete_fields = ("organization",)


@admin.register(Official)
class OfficialAdmin(OfficialSearchMixin, RecordAdmin):
    resource_classes = [resources.OfficialResource]
    list_display = ("name", "country", "wikidata_id")
    list_filter = (("country", CountryFilter),)
    # Names are searched in their normalized forms, by OfficialSearchMixin.
    search_fields = ("^slug", "=wikidata_id")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [OfficialNameInline, PositionInline]


@admin.register(OfficialName)
class OfficialNameAdmin(OfficialSearchMixin, RecordAdmin):
    resource_classes = [resources.OfficialNameResource]
    official_lookups = ("official",)
    list_display = ("name", "official", "kind", "note")
    list_filter = ("kind", OfficialFilter)
    list_select_related = ("official",)
    # Names are searched in their normalized forms, by OfficialSearchMixin.
    search_fields = ("note",)
    autocomplete_fields = ("official",)


@admin.register(Position)
class PositionAdmin(OfficialSearchMixin, DateRangeDisplayMixin, RecordAdmin):
    resource_classes = [resources.PositionResource]
    official_lookups = ("official",)
    list_display = ("official", "title", "organization", "when")
    list_filter = ("precision", "organization__kind", OfficialFilter)
    list_select_related = ("official", "organization")
    search_fields = ("title", "organization__name", "organization__acronym")
    autocomplete_fields = ("official", "organization")
    date_hierarchy = "start"


@admin.register(Topic)
class TopicAdmin(RecordAdmin):
    resource_classes = [resources.TopicResource]
    list_display = ("name", "slug")
    search_fields = ("name", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(EventSeries)
class EventSeriesAdmin(RecordAdmin):
    resource_classes = [resources.EventSeriesResource]
    list_display = ("name", "acronym", "kind", "organizer")
    list_filter = ("kind",)
    list_select_related = ("organizer",)
    search_fields = ("name", "acronym", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("organizer",)


@admin.register(Event)
class EventAdmin(DateRangeDisplayMixin, EditorialAdmin):
    resource_classes = [resources.EventResource]
    list_display = ("name", "series", "edition", "city", "country", "when", "status")
    list_filter = (
        "status",
        "kind",
        "precision",
        ("country", CountryFilter),
        AutocompleteFilter.on("series", parameter_name="series"),
    )
    list_select_related = ("series",)
    search_fields = ("name", "slug", "edition", "city", "series__name", "series__acronym")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("series", "organizer")
    date_hierarchy = "start"


class MeetingInline(CompactTabularInline):
    """The meetings of a visit; their participants are edited on each meeting's page."""

    model = Meeting
    fields = ("date", "precision", "city", "country", "summary")
    show_change_link = True


@admin.register(Visit)
class VisitAdmin(OfficialSearchMixin, DateRangeDisplayMixin, EditorialAdmin):
    resource_classes = [resources.VisitResource]
    official_lookups = ("visitor", "delegation")
    list_display = ("__str__", "visitor", "host_country", "city", "when", "kind", "status")
    list_filter = (
        "status",
        "kind",
        "precision",
        ("host_country", CountryFilter),
        ("origin_country", CountryFilter),
        # Visits grow with the articles: no date_hierarchy, whose years read the filtered table.
        ("start", DateRangeFilter),
        OfficialFilter,
        AutocompleteFilter.on("event"),
    )
    list_select_related = ("visitor",)
    search_fields = ("city", "invited_by", "summary", "event__name", "event__slug")
    autocomplete_fields = ("visitor", "delegation", "event", "inviting_organization")
    inlines = [MeetingInline]


class ParticipantInline(CompactTabularInline):
    model = MeetingParticipant
    fields = ("official", "title", "country", "organization", "role")
    autocomplete_fields = ("official", "organization")


@admin.register(Meeting)
class MeetingAdmin(OfficialSearchMixin, EditorialAdmin):
    resource_classes = [resources.MeetingResource]
    official_lookups = ("participants__official", "visit__visitor")
    list_display = ("__str__", "visit", "when", "city", "country", "status")
    list_filter = (
        "status",
        "precision",
        ("country", CountryFilter),
        # Meetings grow with the articles: no date_hierarchy, whose years read the filtered table.
        ("date", DateRangeFilter),
        TopicFilter,
        OfficialFilter,
    )
    list_select_related = ("visit__visitor",)
    search_fields = ("city", "summary", "participants__role", "participants__title")
    autocomplete_fields = ("visit", "topics")
    inlines = [ParticipantInline]

    @admin.display(description=_("date"), ordering="date")
    def when(self, obj):
        return obj.date_display


@admin.register(MeetingParticipant)
class MeetingParticipantAdmin(OfficialSearchMixin, RecordAdmin):
    resource_classes = [resources.MeetingParticipantResource]
    official_lookups = ("official",)
    list_display = ("__str__", "meeting", "title", "country", "organization", "role")
    list_filter = (("country", CountryFilter), OfficialFilter)
    list_select_related = ("meeting", "official", "organization")
    search_fields = ("role", "title", "organization__name", "organization__acronym")
    autocomplete_fields = ("meeting", "official", "organization")
