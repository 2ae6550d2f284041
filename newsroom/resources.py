"""Import and export of outlets, articles and their links, keyed by slugs, uids and ISO codes."""

from newsroom.models import (
    Article,
    ArticleCountry,
    ArticleEvent,
    ArticleMeeting,
    ArticleOfficial,
    ArticleOrganization,
    ArticleVisit,
    Outlet,
)
from visits.columns import PartialDateField, country_field, key_field, keys_field
from visits.models import Event, Meeting, Official, Organization, Topic, Visit
from visits.resources import EditorialResource, KeyedResource


class OutletResource(KeyedResource):
    country = country_field("country")

    class Meta:
        model = Outlet
        fields = ("slug", "name", "url", "country", "language")
        import_id_fields = ("slug",)


class ArticleResource(EditorialResource):
    """Articles without their derived content hash, which each save computes from the text."""

    outlet = key_field("outlet", Outlet)
    published_on = PartialDateField("published_on", precision="published_precision")
    topics = keys_field("topics", Topic)
    select_related = ("outlet",)
    prefetch_related = ("topics",)

    class Meta:
        model = Article
        fields = (
            "slug",
            "title",
            "outlet",
            "url",
            "author",
            "published_on",
            "published_precision",
            "language",
            "body",
            "summary",
            "topics",
            "status",
        )
        import_id_fields = ("slug",)


class ArticleLinkResource(KeyedResource):
    """The link from an article to a record, keyed by the article's slug and the record's key."""

    article = key_field("article", Article)


class ArticleOfficialResource(ArticleLinkResource):
    official = key_field("official", Official)
    select_related = ("article", "official")

    class Meta:
        model = ArticleOfficial
        fields = ("article", "official", "quote")
        import_id_fields = ("article", "official")


class ArticleOrganizationResource(ArticleLinkResource):
    organization = key_field("organization", Organization)
    select_related = ("article", "organization")

    class Meta:
        model = ArticleOrganization
        fields = ("article", "organization", "quote")
        import_id_fields = ("article", "organization")


class ArticleEventResource(ArticleLinkResource):
    event = key_field("event", Event)
    select_related = ("article", "event")

    class Meta:
        model = ArticleEvent
        fields = ("article", "event", "quote")
        import_id_fields = ("article", "event")


class ArticleVisitResource(ArticleLinkResource):
    visit = key_field("visit", Visit, key="uid")
    select_related = ("article", "visit")

    class Meta:
        model = ArticleVisit
        fields = ("article", "visit", "quote")
        import_id_fields = ("article", "visit")


class ArticleMeetingResource(ArticleLinkResource):
    meeting = key_field("meeting", Meeting, key="uid")
    select_related = ("article", "meeting")

    class Meta:
        model = ArticleMeeting
        fields = ("article", "meeting", "quote")
        import_id_fields = ("article", "meeting")


class ArticleCountryResource(ArticleLinkResource):
    country = country_field("country")
    select_related = ("article",)

    class Meta:
        model = ArticleCountry
        fields = ("article", "country", "role", "quote")
        import_id_fields = ("article", "country")
