"""FilterSets of the domain, shared by the HTML list pages and the API."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from visits.models import (
    Event,
    EventKind,
    EventSeries,
    Meeting,
    Official,
    Organization,
    Topic,
    Visit,
)


def visible_officials(request):
    return Official.objects.visible_to(getattr(request, "user", None))


def visible_events(request):
    return Event.objects.visible_to(getattr(request, "user", None))


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

    date_from = django_filters.DateFilter(label=_("From"), method="filter_dates")
    date_to = django_filters.DateFilter(label=_("To"), method="filter_dates")

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
    official = django_filters.ModelChoiceFilter(
        label=_("Official"),
        queryset=visible_officials,
        to_field_name="slug",
        method="filter_official",
        help_text=_("The visitor or a member of the delegation."),
    )
    host_country = django_filters.ChoiceFilter(label=_("Host country"), choices=countries)
    origin_country = django_filters.ChoiceFilter(label=_("Origin country"), choices=countries)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Visit.Kind.choices)
    event = django_filters.ModelChoiceFilter(
        label=_("Event"), queryset=visible_events, to_field_name="slug"
    )
    ordering = django_filters.OrderingFilter(
        fields=(("start", "date"), ("host_country", "host_country")),
        field_labels={"start": _("Date"), "host_country": _("Host country")},
    )

    class Meta:
        model = Visit
        fields = ["official", "host_country", "origin_country", "kind", "event"]

    def filter_official(self, queryset, name, value):
        return queryset.filter(Q(visitor=value) | Q(delegation=value)).distinct()


class MeetingFilter(django_filters.FilterSet):
    official = django_filters.ModelChoiceFilter(
        label=_("Official"),
        queryset=visible_officials,
        to_field_name="slug",
        field_name="participants__official",
        distinct=True,
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=countries, method="filter_country"
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=Topic.objects.all(), to_field_name="slug", field_name="topics"
    )
    date_from = django_filters.DateFilter(label=_("From"), field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("To"), field_name="date", lookup_expr="lte")
    ordering = django_filters.OrderingFilter(fields=(("date", "date"),))

    class Meta:
        model = Meeting
        fields = ["official", "country", "topic"]

    def filter_country(self, queryset, name, value):
        """Meetings held in the country or with a participant from it."""
        return queryset.filter(
            Q(country=value)
            | Q(participants__country=value)
            | Q(participants__official__country=value)
        ).distinct()


class OfficialFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(
        label=_("Name"), method="filter_name", help_text=_("Any spelling of any of their names.")
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries)
    organization = django_filters.ModelChoiceFilter(
        label=_("Organization"),
        queryset=Organization.objects.all(),
        to_field_name="slug",
        field_name="positions__organization",
        distinct=True,
    )
    ordering = django_filters.OrderingFilter(fields=(("name", "name"),))

    class Meta:
        model = Official
        fields = ["name", "country", "organization"]

    def filter_name(self, queryset, name, value):
        return queryset.filter(pk__in=Official.objects.search(value).values("pk"))


class EventFilter(DateRangeFilterSet):
    series = django_filters.ModelChoiceFilter(
        label=_("Series"), queryset=EventSeries.objects.all(), to_field_name="slug"
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EventKind.choices)
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=countries, method="filter_country"
    )
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("upcoming")), ("past", _("past"))],
        method="filter_when",
    )
    ordering = django_filters.OrderingFilter(fields=(("start", "date"), ("name", "name")))

    class Meta:
        model = Event
        fields = ["series", "kind", "country", "when"]

    def filter_country(self, queryset, name, value):
        """Events hosted by the country, alone or with others."""
        return queryset.filter(Q(country=value) | Q(co_host_countries__contains=value))

    def filter_when(self, queryset, name, value):
        today = timezone.localdate()
        ongoing_or_later = Q(end__gte=today) | Q(end__isnull=True, start__gte=today)
        if value == "upcoming":
            return queryset.filter(ongoing_or_later)
        return queryset.exclude(ongoing_or_later).exclude(start__isnull=True)
