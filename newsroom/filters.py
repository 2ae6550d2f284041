"""The article FilterSet, shared by the article list page and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from newsroom.models import Article, Language, Outlet
from newsroom.search import search_articles
from visits.aggregates import named_by
from visits.completion import RecordFilter
from visits.filters import (
    CountryFilter,
    ListedChoiceFilter,
    date_input,
    visible_events,
    visible_officials,
)
from visits.link_filters import CommonLinkMixin
from visits.models import Topic


def visible_articles(request):
    return Article.objects.visible_to(getattr(request, "user", None))


def article_outlets(request):
    """Outlets of the articles the viewer may see."""
    return named_by(Outlet, visible_articles(request), "outlet")


def article_topics(request):
    """Topics of the articles the viewer may see."""
    return named_by(Topic, visible_articles(request), "topics")


class LinkRecordFilter(CommonLinkMixin, RecordFilter):
    pass


class LinkCountryFilter(CommonLinkMixin, CountryFilter):
    pass


class LinkChoiceFilter(CommonLinkMixin, ListedChoiceFilter):
    pass


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Text"), method="filter_text", help_text=_("Words of the title, summary or text.")
    )
    outlet = ListedChoiceFilter(label=_("Outlet"), queryset=article_outlets, to_field_name="slug")
    date_from = django_filters.DateFilter(
        label=_("Published from"), field_name="published_on", lookup_expr="gte", widget=date_input()
    )
    date_to = django_filters.DateFilter(
        label=_("Published until"),
        field_name="published_on",
        lookup_expr="lte",
        widget=date_input(),
    )
    # Each link is unique per article, so these joins never repeat an article.
    official = LinkRecordFilter(
        label=_("Official"),
        queryset=visible_officials,
        source="official-complete",
        field_name="officials",
    )
    country = LinkCountryFilter(label=_("Country"), field_name="country_links__country")
    event = LinkRecordFilter(
        label=_("Event"), queryset=visible_events, source="event-complete", field_name="events"
    )
    topic = LinkChoiceFilter(
        label=_("Topic"), queryset=article_topics, to_field_name="slug", field_name="topics"
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Language.choices)
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("published_on", "date"), ("title", "title")),
        field_labels={"published_on": _("Date"), "title": _("Title")},
    )

    class Meta:
        model = Article
        fields = ["q", "outlet", "official", "country", "event", "topic", "language"]

    def filter_text(self, queryset, name, value):
        """Every word is in the title, summary or text, or in a name of an official it names."""
        return search_articles(queryset, value)


class OutletFilter(django_filters.FilterSet):
    country = CountryFilter(label=_("Country"))
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Language.choices)
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"), fields=(("name", "name"),), field_labels={"name": _("Name")}
    )

    class Meta:
        model = Outlet
        fields = ["country", "language"]
