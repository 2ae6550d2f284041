"""Serializers of outlets and articles, in the domain's one representation (visits.serializers)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from newsroom.models import (
    Article,
    ArticleCountry,
    ArticleEvent,
    ArticleMeeting,
    ArticleOfficial,
    ArticleOrganization,
    ArticleVisit,
    Outlet,
    content_hash,
)
from visits.models import Topic
from visits.serializers import (
    IdRefField,
    PageUrlField,
    PartialDateField,
    ReadingModelSerializer,
    RecordSerializer,
    SlugRefField,
    self_link,
)

# An article's text is at most this many bytes once encoded in UTF-8 (1 MB).
ARTICLE_BODY_MAX_BYTES = 1_000_000


class OutletSerializer(RecordSerializer):
    url = self_link("outlet-detail", "slug")
    website = serializers.URLField(
        source="url", required=False, allow_blank=True, max_length=200, label=_("website")
    )

    class Meta:
        model = Outlet
        fields = ["id", "slug", "url", "name", "website", "country", "language"]


class ArticleOfficialSerializer(ReadingModelSerializer):
    official = SlugRefField("official-detail", read_only=True)

    class Meta:
        model = ArticleOfficial
        fields = ["official", "quote"]


class ArticleOrganizationSerializer(ReadingModelSerializer):
    organization = SlugRefField("organization-detail", read_only=True)

    class Meta:
        model = ArticleOrganization
        fields = ["organization", "quote"]


class ArticleEventSerializer(ReadingModelSerializer):
    event = SlugRefField("event-detail", read_only=True)

    class Meta:
        model = ArticleEvent
        fields = ["event", "quote"]


class ArticleVisitSerializer(ReadingModelSerializer):
    visit = IdRefField("visit-detail", read_only=True)

    class Meta:
        model = ArticleVisit
        fields = ["visit", "quote"]


class ArticleMeetingSerializer(ReadingModelSerializer):
    meeting = IdRefField("meeting-detail", read_only=True)

    class Meta:
        model = ArticleMeeting
        fields = ["meeting", "quote"]


class ArticleCountrySerializer(RecordSerializer):
    class Meta:
        model = ArticleCountry
        fields = ["country", "role", "quote"]


class ArticleSerializer(RecordSerializer):
    """An article, and the records it reports with the passages that say so.

    The links to officials, organizations, events, visits, meetings and countries are read
    only here; editors make them in the admin.
    """

    url = self_link("article-detail", "slug")
    page_url = PageUrlField("article-detail", "slug")
    outlet = SlugRefField(
        "outlet-detail", queryset=Outlet.objects.all(), required=False, allow_null=True
    )
    original_url = serializers.URLField(
        source="url",
        required=False,
        allow_blank=True,
        max_length=1000,
        help_text=_("Where the article was published."),
    )
    published_on = PartialDateField(precision_field="published_precision")
    topics = SlugRefField("topic-detail", queryset=Topic.objects.all(), many=True, required=False)
    officials = ArticleOfficialSerializer(many=True, read_only=True, source="api_official_links")
    organizations = ArticleOrganizationSerializer(
        many=True, read_only=True, source="api_organization_links"
    )
    events = ArticleEventSerializer(many=True, read_only=True, source="api_event_links")
    visits = ArticleVisitSerializer(many=True, read_only=True, source="api_visit_links")
    meetings = ArticleMeetingSerializer(many=True, read_only=True, source="api_meeting_links")
    countries = ArticleCountrySerializer(many=True, read_only=True, source="country_links")

    class Meta:
        model = Article
        fields = [
            "id",
            "slug",
            "url",
            "page_url",
            "status",
            "title",
            "outlet",
            "original_url",
            "author",
            "published_on",
            "language",
            "summary",
            "body",
            "topics",
            "officials",
            "organizations",
            "events",
            "visits",
            "meetings",
            "countries",
            "created_at",
            "updated_at",
        ]

    def validate_body(self, body):
        size = len(body.encode("utf-8"))
        if size > ARTICLE_BODY_MAX_BYTES:
            raise serializers.ValidationError(
                _("The text is %(size)s bytes long in UTF-8; at most %(limit)s are accepted.")
                % {"size": size, "limit": ARTICLE_BODY_MAX_BYTES}
            )
        same_text = Article.objects.filter(content_hash=content_hash(body))
        if self.instance is not None:
            same_text = same_text.exclude(pk=self.instance.pk)
        duplicate = same_text.first()
        if duplicate is not None:
            raise serializers.ValidationError(
                _("The same text is already stored, as the article “%(slug)s”.")
                % {"slug": duplicate.slug}
            )
        return body
