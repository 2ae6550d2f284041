"""RSS and Atom feeds of published articles: all of them, per official and per country.

Feeds are public and cached by readers, so they show published articles only, whoever asks.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import Country

from newsroom.countries import articles_on, country_on_record
from newsroom.models import Article
from visits.link_filters import linked_to
from visits.models import Official

FEED_SIZE = 30
DESCRIPTION_WORDS = 60


class ArticleFeed(Feed):
    title = _("Security diplomacy: latest articles")
    description = _("The latest articles published by the editors.")

    def link(self):
        return reverse("article-list")

    def articles(self, obj):
        """Published articles, newest first; subclasses narrow them to `obj`."""
        return Article.objects.published().for_listing()

    def items(self, obj=None):
        return self.articles(obj)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Readers render a description as HTML: the article's text must arrive as text.
        return escape(item.summary or Truncator(item.body).words(DESCRIPTION_WORDS))

    def item_pubdate(self, item):
        """The publication date; at month or year precision, the first day of the period."""
        if item.published_on is None:
            return item.created_at
        midnight = datetime.datetime.combine(item.published_on, datetime.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author or (item.outlet.name if item.outlet else None)

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class OfficialArticleFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Official.objects.visible_to(None), slug=slug)

    def title(self, obj):
        return gettext("Articles naming %(name)s") % {"name": obj.name}

    def description(self, obj):
        return gettext("The latest articles naming %(name)s.") % {"name": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def articles(self, obj):
        return linked_to(super().articles(obj), "officials", obj)


class CountryArticleFeed(ArticleFeed):
    def get_object(self, request, code):
        if code not in countries or not country_on_record(code=code, viewer=None):
            raise Http404
        return Country(code=code)

    def title(self, obj):
        return gettext("Articles on %(country)s") % {"country": obj.name}

    def description(self, obj):
        return gettext("The latest articles on %(country)s.") % {"country": obj.name}

    def link(self, obj):
        return reverse("country-detail", kwargs={"code": obj.code})

    def articles(self, obj):
        return articles_on(super().articles(obj), obj.code)


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self._get_dynamic_attr("description", obj)


class ArticleAtomFeed(AtomMixin, ArticleFeed):
    pass


class OfficialArticleAtomFeed(AtomMixin, OfficialArticleFeed):
    pass


class CountryArticleAtomFeed(AtomMixin, CountryArticleFeed):
    pass
