"""FilterSets of the domain, shared by the HTML list pages and the API."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from visits.aggregates import named_by
from visits.completion import RecordFilter
from visits.models import (
    Event,
    EventKind,
    EventSeries,
    Meeting,
    MeetingParticipant,
    Official,
    Organization,
    Position,
    Topic,
    Visit,
)
from visits.widgets import PlainSelect


def date_input():
    """A browser date picker; its value is ISO, as the API's is."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def visible_officials(request):
    return Official.objects.visible_to(getattr(request, "user", None))


def visible_events(request):
    return Event.objects.visible_to(getattr(request, "user", None))


def visible_series(request):
    """Series with an edition the viewer may see."""
    return named_by(EventSeries, visible_events(request), "series")


def visible_organizations(request):
    """Organizations where an official the viewer may see holds a post."""
    return named_by(Organization, visible_officials(request), "positions__organization")


def meeting_topics(request):
    """Topics of the meetings the viewer may see."""
    meetings = Meeting.objects.visible_to(getattr(request, "user", None))
    return named_by(Topic, meetings, "topics")


class ListedChoiceIterator(ModelChoiceIterator):
    """A few records' choices, read in one query.

    Django reads choices with `iterator()`, a server-side cursor on PostgreSQL (DECLARE …
    WITH HOLD, then FETCH and CLOSE): three round trips and a copy of the rows, for a list
    the filters keep short.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for record in self.queryset.all():
            yield self.choice(record)


class ListedChoiceField(django_filters.fields.ModelChoiceField):
    iterator = ListedChoiceIterator


class ListedChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice among a few records (outlets, topics, series), offered as a list."""

    field_class = ListedChoiceField


class CountryFilter(django_filters.ChoiceFilter):
    """A country by ISO code, chosen among all countries."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", countries)
        kwargs.setdefault("widget", PlainSelect)
        super().__init__(*args, **kwargs)


def overlapping(queryset, start_field, end_field, date_from, date_to):
    """Records whose [start, end or start] range meets [date_from, date_to]."""
    if date_to:
        queryset = queryset.filter(**{f"{start_field}__lte": date_to})
    if date_from:
        queryset = queryset.filter(
            Q(**{f"{end_field}__gte": date_from})
            | Q(**{f"{end_field}__isnull": True, f"{start_field}__gte": date_from})
        )
    return queryset


class DateRangeFilterSet(django_filters.FilterSet):
    """Adds date_from and date_to, kept by records whose dates meet that range."""

    start_field = "start"
    end_field = "end"

    date_from = django_filters.DateFilter(
        label=_("From"), method="filter_dates", widget=date_input()
    )
    date_to = django_filters.DateFilter(label=_("To"), method="filter_dates", widget=date_input())

    def filter_dates(self, queryset, name, value):
        # Both bounds are applied together in filter_queryset.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return overlapping(
            queryset,
            self.start_field,
            self.end_field,
            self.form.cleaned_data.get("date_from"),
            self.form.cleaned_data.get("date_to"),
        )


class VisitFilter(DateRangeFilterSet):
    official = RecordFilter(
        label=_("Official"),
        queryset=visible_officials,
        source="official-complete",
        method="filter_official",
        help_text=_("The visitor or a member of the delegation."),
    )
    host_country = CountryFilter(label=_("Host country"))
    origin_country = CountryFilter(label=_("Origin country"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Visit.Kind.choices)
    event = RecordFilter(label=_("Event"), queryset=visible_events, source="event-complete")
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("start", "date"), ("host_country", "host_country")),
        field_labels={"start": _("Date"), "host_country": _("Host country")},
    )

    class Meta:
        model = Visit
        fields = ["official", "host_country", "origin_country", "kind", "event"]

    @extend_schema_field(OpenApiTypes.STR)
    def filter_official(self, queryset, name, value):
        delegation = Visit.delegation.through.objects.filter(visit=OuterRef("pk"), official=value)
        return queryset.filter(Q(visitor=value) | Exists(delegation))


class MeetingFilter(django_filters.FilterSet):
    official = RecordFilter(
        label=_("Official"),
        queryset=visible_officials,
        source="official-complete",
        method="filter_official",
    )
    country = CountryFilter(label=_("Country"), method="filter_country")
    topic = ListedChoiceFilter(
        label=_("Topic"), queryset=meeting_topics, to_field_name="slug", field_name="topics"
    )
    date_from = django_filters.DateFilter(
        label=_("From"), field_name="date", lookup_expr="gte", widget=date_input()
    )
    date_to = django_filters.DateFilter(
        label=_("To"), field_name="date", lookup_expr="lte", widget=date_input()
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"), fields=(("date", "date"),), field_labels={"date": _("Date")}
    )

    class Meta:
        model = Meeting
        fields = ["official", "country", "topic"]

    @extend_schema_field(OpenApiTypes.STR)
    def filter_official(self, queryset, name, value):
        participants = MeetingParticipant.objects.filter(meeting=OuterRef("pk"), official=value)
        return queryset.filter(Exists(participants))

    def filter_country(self, queryset, name, value):
        """Meetings held in the country or with a participant from it."""
        return queryset.involving_country(value)


class OfficialFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(
        label=_("Name"), method="filter_name", help_text=_("Any spelling of any of their names.")
    )
    country = CountryFilter(label=_("Country"))
    organization = ListedChoiceFilter(
        label=_("Organization"),
        queryset=visible_organizations,
        to_field_name="slug",
        method="filter_organization",
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"), fields=(("name", "name"),), field_labels={"name": _("Name")}
    )

    class Meta:
        model = Official
        fields = ["name", "country", "organization"]

    def filter_name(self, queryset, name, value):
        return queryset.named(value)

    @extend_schema_field(OpenApiTypes.STR)
    def filter_organization(self, queryset, name, value):
        positions = Position.objects.filter(official=OuterRef("pk"), organization=value)
        return queryset.filter(Exists(positions))


class EventFilter(DateRangeFilterSet):
    series = ListedChoiceFilter(label=_("Series"), queryset=visible_series, to_field_name="slug")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EventKind.choices)
    country = CountryFilter(label=_("Country"), method="filter_country")
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("upcoming")), ("past", _("past"))],
        method="filter_when",
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("start", "date"), ("name", "name")),
        field_labels={"start": _("Date"), "name": _("Name")},
    )

    class Meta:
        model = Event
        fields = ["series", "kind", "country", "when"]

    def filter_country(self, queryset, name, value):
        """Events hosted by the country, alone or with others."""
        return queryset.hosted_by(value)

    def filter_when(self, queryset, name, value):
        """Upcoming until the last day of the period: "novembre 2025" through 30 November."""
        return queryset.upcoming() if value == "upcoming" else queryset.past()


class OrganizationFilter(django_filters.FilterSet):
    country = CountryFilter(label=_("Country"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Organization.Kind.choices)
    parent = ListedChoiceFilter(
        label=_("Parent organization"), queryset=Organization.objects.all(), to_field_name="slug"
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"), fields=(("name", "name"),), field_labels={"name": _("Name")}
    )

    class Meta:
        model = Organization
        fields = ["country", "kind", "parent"]


class TopicFilter(django_filters.FilterSet):
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"), fields=(("name", "name"),), field_labels={"name": _("Name")}
    )

    class Meta:
        model = Topic
        fields = []


class EventSeriesFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EventKind.choices)
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"), fields=(("name", "name"),), field_labels={"name": _("Name")}
    )

    class Meta:
        model = EventSeries
        fields = ["kind"]
