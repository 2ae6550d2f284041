"""API viewsets of the domain: each starts from the records the user may see."""

from django.db import transaction
from django.db.models import Q
from django.utils import translation
from rest_framework import viewsets

from visits import serializers
from visits.filters import (
    EventFilter,
    EventSeriesFilter,
    MeetingFilter,
    OfficialFilter,
    OrganizationFilter,
    TopicFilter,
    VisitFilter,
)
from visits.models import Event, EventSeries, Meeting, Official, Organization, Topic, Visit

# Path parameters: database ids fit in 63 bits, slugs are letters, digits, - and _.
ID_PATTERN = r"[0-9]{1,18}"
SLUG_PATTERN = r"[-a-zA-Z0-9_]+"


class RequestLanguageMixin:
    """Messages in the language the client asks for (Accept-Language), else French.

    The pages take their language from the URL; the API's URLs have none.
    """

    def initial(self, request, *args, **kwargs):
        language = translation.get_language_from_request(request._request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        super().initial(request, *args, **kwargs)


class VisibleRecordsMixin(RequestLanguageMixin):
    """Lists and details start from `visible_to(user)` with the joins of `for_api(user)`.

    A write is one transaction. The record just written is answered with the same joins,
    whatever its status: its author sees what they wrote.
    """

    model = None
    # For models without for_api(): the related records their representation shows.
    select_related = ()

    def get_queryset(self):
        # Built once a request: the permission check asks for it before the list does.
        if getattr(self, "_visible_records", None) is None:
            user = self.request.user
            manager = self.model._default_manager
            queryset = manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()
            if hasattr(queryset, "for_api"):
                queryset = queryset.for_api(user)
            else:
                queryset = queryset.select_related(*self.select_related)
            self._visible_records = queryset
        return self._visible_records.all()

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # The FilterSet's order (or the model's, if `?ordering=,` cleared it), then the id, so
        # that pages neither overlap nor skip records that sort alike.
        ordering = queryset.query.order_by or self.model._meta.ordering
        return queryset.order_by(*ordering, "pk")

    def written(self, instance):
        queryset = self.model._default_manager.filter(pk=instance.pk)
        if hasattr(queryset, "for_api"):
            queryset = queryset.for_api(self.request.user)
        return queryset.get()

    def perform_create(self, serializer):
        with transaction.atomic():
            serializer.instance = self.written(serializer.save())

    def perform_update(self, serializer):
        with transaction.atomic():
            serializer.instance = self.written(serializer.save())


class BySlugMixin:
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN


class ByIdMixin:
    lookup_value_regex = ID_PATTERN


class VisitViewSet(ByIdMixin, VisibleRecordsMixin, viewsets.ModelViewSet):
    """Visits with their meetings and participants; a visit and its meetings are one write."""

    model = Visit
    serializer_class = serializers.VisitSerializer
    filterset_class = VisitFilter
    search_fields = ["city", "summary", "invited_by", "visitor__name"]

    def search(self, queryset, text):
        """Every word in one of `search_fields` or in the name of an event the user may see.

        The event's name is matched among visible events only: a draft event's name must not
        find, and so reveal, the published visits made for it.
        """
        events = Event.objects.visible_to(self.request.user)
        for word in text.split():
            condition = Q(event__in=events.filter(name__icontains=word))
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(condition)
        return queryset


class MeetingViewSet(ByIdMixin, VisibleRecordsMixin, viewsets.ModelViewSet):
    model = Meeting
    serializer_class = serializers.MeetingSerializer
    filterset_class = MeetingFilter
    search_fields = ["summary", "city", "participants__role"]


class OfficialViewSet(BySlugMixin, VisibleRecordsMixin, viewsets.ModelViewSet):
    """Officials with their other names and posts; public once a published record names them."""

    model = Official
    serializer_class = serializers.OfficialSerializer
    filterset_class = OfficialFilter
    search_fields = ["name"]

    def search(self, queryset, text):
        """Any spelling of any of the official's names, accents and case aside."""
        return queryset.named(text)


class EventViewSet(BySlugMixin, VisibleRecordsMixin, viewsets.ModelViewSet):
    model = Event
    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter
    search_fields = ["name", "edition", "city", "summary"]


class EventSeriesViewSet(BySlugMixin, VisibleRecordsMixin, viewsets.ModelViewSet):
    model = EventSeries
    serializer_class = serializers.EventSeriesSerializer
    select_related = ["organizer"]
    filterset_class = EventSeriesFilter
    search_fields = ["name", "acronym"]


class OrganizationViewSet(BySlugMixin, VisibleRecordsMixin, viewsets.ModelViewSet):
    model = Organization
    serializer_class = serializers.OrganizationSerializer
    select_related = ["parent"]
    filterset_class = OrganizationFilter
    search_fields = ["name", "acronym"]


class TopicViewSet(BySlugMixin, VisibleRecordsMixin, viewsets.ModelViewSet):
    model = Topic
    serializer_class = serializers.TopicSerializer
    filterset_class = TopicFilter
    search_fields = ["name", "description"]
