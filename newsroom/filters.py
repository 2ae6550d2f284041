"""The article FilterSet, shared by the article list page and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from newsroom.models import Article, Language, Outlet
from visits.filters import visible_events, visible_officials
from visits.models import Topic


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Text"), method="filter_text", help_text=_("Words of the title, summary or text.")
    )
    outlet = django_filters.ModelChoiceFilter(
        label=_("Outlet"), queryset=Outlet.objects.all(), to_field_name="slug"
    )
    date_from = django_filters.DateFilter(
        label=_("Published from"), field_name="published_on", lookup_expr="gte"
    )
    date_to = django_filters.DateFilter(
        label=_("Published until"), field_name="published_on", lookup_expr="lte"
    )
    official = django_filters.ModelChoiceFilter(
        label=_("Official"),
        queryset=visible_officials,
        to_field_name="slug",
        field_name="officials",
        distinct=True,
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=countries, field_name="country_links__country", distinct=True
    )
    event = django_filters.ModelChoiceFilter(
        label=_("Event"),
        queryset=visible_events,
        to_field_name="slug",
        field_name="events",
        distinct=True,
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        field_name="topics",
        distinct=True,
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Language.choices)
    ordering = django_filters.OrderingFilter(
        fields=(("published_on", "date"), ("title", "title")),
        field_labels={"published_on": _("Date"), "title": _("Title")},
    )

    class Meta:
        model = Article
        fields = ["q", "outlet", "official", "country", "event", "topic", "language"]

    def filter_text(self, queryset, name, value):
        condition = Q()
        for word in value.split():
            condition &= (
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
            )
        return queryset.filter(condition)
