"""Admin for the press: outlets, articles and the links from articles to what they report."""

from django.contrib import admin
from django.contrib.admin.views.main import ORDER_VAR
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from rangefilter.filters import DateRangeFilter

from newsroom import resources
from newsroom.admin_ingest import ArticleIngestMixin
from newsroom.models import (
    Article,
    ArticleCountry,
    ArticleEvent,
    ArticleMeeting,
    ArticleOfficial,
    ArticleOrganization,
    ArticleVisit,
    Outlet,
    Proposal,
)
from newsroom.review import admin_url, proposal_label
from newsroom.search import search_articles
from visits.admin import CompactTabularInline, OfficialSearchMixin
from visits.admin_filters import AutocompleteFilter, OfficialFilter, TopicFilter
from visits.editorial_admin import EditorialAdmin, RecordAdmin

admin.site.site_header = _("Security diplomacy: editorial administration")
admin.site.site_title = _("Security diplomacy")
admin.site.index_title = _("Records and articles")


@admin.register(Outlet)
class OutletAdmin(RecordAdmin):
    resource_classes = [resources.OutletResource]
    list_display = ("name", "url", "country", "language")
    list_filter = ("language", ("country", CountryFilter))
    search_fields = ("name", "slug", "url")
    prepopulated_fields = {"slug": ("name",)}


class ArticleOfficialInline(CompactTabularInline):
    model = ArticleOfficial
    fields = ("official", "quote")
    autocomplete_fields = ("official",)


class ArticleOrganizationInline(CompactTabularInline):
    model = ArticleOrganization
    fields = ("organization", "quote")
    autocomplete_fields = ("organization",)


class ArticleCountryInline(CompactTabularInline):
    model = ArticleCountry
    fields = ("country", "role", "quote")


class ArticleEventInline(CompactTabularInline):
    model = ArticleEvent
    fields = ("event", "quote")
    autocomplete_fields = ("event",)


class ArticleVisitInline(CompactTabularInline):
    model = ArticleVisit
    fields = ("visit", "quote")
    autocomplete_fields = ("visit",)


class ArticleMeetingInline(CompactTabularInline):
    model = ArticleMeeting
    fields = ("meeting", "quote")
    autocomplete_fields = ("meeting",)


@admin.register(Article)
class ArticleAdmin(ArticleIngestMixin, OfficialSearchMixin, EditorialAdmin):
    resource_classes = [resources.ArticleResource]
    official_lookups = ("officials",)
    list_display = ("title", "outlet", "published", "language", "status")
    # No date_hierarchy: its list of years reads the whole filtered table on every page.
    list_filter = (
        "status",
        "language",
        "published_precision",
        ("published_on", DateRangeFilter),
        AutocompleteFilter.on("outlet"),
        OfficialFilter,
        AutocompleteFilter.on("events"),
        TopicFilter,
    )
    # Counts beside each filter's choices would read the whole filtered table once more.
    show_facets = admin.ShowFacets.NEVER
    list_select_related = ("outlet",)
    # The search box and the autocompletes need search_fields; get_search_results reads the index.
    search_fields = ("title", "slug", "author", "url", "summary", "outlet__name")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("outlet", "topics")
    readonly_fields = ("content_hash", "created_at", "updated_at")
    inlines = [
        ArticleOfficialInline,
        ArticleOrganizationInline,
        ArticleCountryInline,
        ArticleEventInline,
        ArticleVisitInline,
        ArticleMeetingInline,
    ]

    @admin.display(description=_("publication date"), ordering="published_on")
    def published(self, obj):
        return obj.published_display

    def get_search_results(self, request, queryset, search_term):
        """Words as on the site, best first unless a column sorts; or a slug, URL or outlet."""
        term = search_term.strip()
        if not term:
            return queryset, False
        # Exact values, never LIKE '%x%', which reads every row; a URL only when one is typed.
        as_typed = Q(slug=slugify(term)) | Q(outlet__in=Outlet.objects.filter(name__iexact=term))
        if "://" in term:
            as_typed |= Q(url=term)
        ranked = ORDER_VAR not in request.GET
        return search_articles(queryset, term, ranked=ranked, also=as_typed), False


class ArticleLinkAdmin(RecordAdmin):
    """The links from articles to one kind of record, each with its quoted passage."""

    list_select_related = ("article",)
    # The latest links first, read from the key: the model's order (by article) sorts every link.
    ordering = ("-pk",)
    # Counts beside each filter's choices would read the whole filtered table once more.
    show_facets = admin.ShowFacets.NEVER
    search_fields = ("article__title", "article__slug", "quote")
    autocomplete_fields = ("article",)

    @admin.display(description=_("quoted passage"))
    def passage(self, obj):
        return Truncator(obj.quote).chars(80)


@admin.register(ArticleOfficial)
class ArticleOfficialAdmin(OfficialSearchMixin, ArticleLinkAdmin):
    resource_classes = [resources.ArticleOfficialResource]
    official_lookups = ("official",)
    list_display = ("article", "official", "passage")
    list_filter = (OfficialFilter,)
    list_select_related = ("article", "official")
    autocomplete_fields = ("article", "official")


@admin.register(ArticleOrganization)
class ArticleOrganizationAdmin(ArticleLinkAdmin):
    resource_classes = [resources.ArticleOrganizationResource]
    list_display = ("article", "organization", "passage")
    list_filter = ("organization__kind",)
    list_select_related = ("article", "organization")
    search_fields = (*ArticleLinkAdmin.search_fields, "organization__name", "organization__acronym")
    autocomplete_fields = ("article", "organization")


@admin.register(ArticleCountry)
class ArticleCountryAdmin(ArticleLinkAdmin):
    resource_classes = [resources.ArticleCountryResource]
    list_display = ("article", "country", "role", "passage")
    list_filter = ("role", ("country", CountryFilter))


@admin.register(ArticleEvent)
class ArticleEventAdmin(ArticleLinkAdmin):
    resource_classes = [resources.ArticleEventResource]
    list_display = ("article", "event", "passage")
    list_filter = (AutocompleteFilter.on("event"),)
    list_select_related = ("article", "event")
    search_fields = (*ArticleLinkAdmin.search_fields, "event__name", "event__slug")
    autocomplete_fields = ("article", "event")


@admin.register(ArticleVisit)
class ArticleVisitAdmin(OfficialSearchMixin, ArticleLinkAdmin):
    resource_classes = [resources.ArticleVisitResource]
    official_lookups = ("visit__visitor",)
    list_display = ("article", "visit", "passage")
    list_filter = (OfficialFilter,)
    list_select_related = ("article", "visit__visitor")
    autocomplete_fields = ("article", "visit")


@admin.register(ArticleMeeting)
class ArticleMeetingAdmin(ArticleLinkAdmin):
    resource_classes = [resources.ArticleMeetingResource]
    list_display = ("article", "meeting", "passage")
    list_select_related = ("article", "meeting")
    search_fields = (*ArticleLinkAdmin.search_fields, "meeting__city")
    autocomplete_fields = ("article", "meeting")


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    """What ingestion read, across articles; decisions are taken on each article's review page."""

    list_display = ("label", "kind", "article", "decision", "review")
    list_filter = ("decision", "kind")
    list_select_related = ("article",)
    search_fields = ("evidence", "article__title")
    fields = (
        "article",
        "kind",
        "position",
        "evidence",
        "data",
        "decision",
        "decided_by",
        "decided_at",
        "record",
        "review",
    )
    readonly_fields = ("record", "review")
    list_per_page = 50
    # The changelist counts the filtered rows only, not the whole table a second time.
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("proposal"))
    def label(self, obj):
        return proposal_label(obj)

    @admin.display(description=_("record"))
    def record(self, obj):
        target = obj.target if obj.decision == Proposal.Decision.ACCEPTED else None
        if target is None:
            return "-"
        url = admin_url(target)
        return format_html('<a href="{}">{}</a>', url, target) if url else str(target)

    @admin.display(description=_("review"))
    def review(self, obj):
        url = reverse("admin:newsroom_article_review", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, _("Review"))
