"""URLs of the REST API, version 1, with its OpenAPI schema and interactive docs."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from newsroom.api import ArticleViewSet, CountryViewSet, IngestView, OutletViewSet
from visits.api import (
    EventSeriesViewSet,
    EventViewSet,
    MeetingViewSet,
    OfficialViewSet,
    OrganizationViewSet,
    TopicViewSet,
    VisitViewSet,
)

app_name = "api"

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("outlets", OutletViewSet, basename="outlet")
router.register("officials", OfficialViewSet, basename="official")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("topics", TopicViewSet, basename="topic")
router.register("event-series", EventSeriesViewSet, basename="eventseries")
router.register("events", EventViewSet, basename="event")
router.register("visits", VisitViewSet, basename="visit")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("countries", CountryViewSet, basename="country")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("ingest/", IngestView.as_view(), name="ingest"),
    *router.urls,
]
