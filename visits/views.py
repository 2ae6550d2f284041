"""Public pages of the domain: visits, officials, events and the timeline.

Every page starts from `visible_to(request.user)`: the public sees published records, staff
with the model's view permission also see drafts, marked as such.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from django_filters import OrderingFilter
from django_filters.views import FilterView

from visits.dossiers import event_dossier, official_dossier
from visits.filters import EventFilter, OfficialFilter, VisitFilter
from visits.models import Event, Official, Visit
from visits.pagination import ListPaginator
from visits.sources import visible_sources
from visits.timeline import timeline


class ListPageMixin:
    """A filtered, paginated list; `page_size` in the query string, from 1 to 100."""

    paginate_by = 20
    max_page_size = 100
    paginator_class = ListPaginator
    template_name_suffix = "_list"

    def get_paginate_by(self, queryset):
        try:
            size = int(self.request.GET.get("page_size", self.paginate_by))
        except ValueError:
            size = self.paginate_by
        return max(1, min(size, self.max_page_size))

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        # A select with no choice made reads as words, not dashes, to a reader and a screen reader.
        for name, field in filterset.form.fields.items():
            if getattr(field, "empty_label", None) is not None:
                ordering = isinstance(filterset.filters.get(name), OrderingFilter)
                field.empty_label = _("default order") if ordering else _("any")
                # The form's copy of a select still iterates the class-level field's choices.
                field.widget.choices = field.choices
        return filterset


class VisibleVisitsMixin:
    model = Visit

    def get_queryset(self):
        return Visit.objects.visible_to(self.request.user).for_listing(self.request.user)


class VisibleOfficialsMixin:
    model = Official

    def get_queryset(self):
        return Official.objects.visible_to(self.request.user).for_listing()


class VisibleEventsMixin:
    model = Event

    def get_queryset(self):
        return Event.objects.visible_to(self.request.user).for_listing()


class VisitListView(VisibleVisitsMixin, ListPageMixin, FilterView):
    filterset_class = VisitFilter


class VisitDetailView(DetailView):
    model = Visit

    def get_queryset(self):
        return Visit.objects.visible_to(self.request.user).for_detail(self.request.user)

    def get_context_data(self, **kwargs):
        sources = visible_sources(self.object, self.request.user)
        return super().get_context_data(sources=sources, **kwargs)


class OfficialListView(VisibleOfficialsMixin, ListPageMixin, FilterView):
    filterset_class = OfficialFilter


class OfficialDetailView(VisibleOfficialsMixin, DetailView):
    def get_context_data(self, **kwargs):
        dossier = official_dossier(official=self.object, viewer=self.request.user)
        return super().get_context_data(**dossier, **kwargs)


class EventListView(VisibleEventsMixin, ListPageMixin, FilterView):
    filterset_class = EventFilter


class EventDetailView(VisibleEventsMixin, DetailView):
    def get_context_data(self, **kwargs):
        dossier = event_dossier(event=self.object, viewer=self.request.user)
        return super().get_context_data(**dossier, **kwargs)


class TimelineView(TemplateView):
    """The latest entries, or a page of one year's (`?year=2024`, `?year=undated`)."""

    template_name = "visits/timeline.html"

    def get_context_data(self, **kwargs):
        try:
            page = timeline(self.request.user, self.request.GET)
        except ValueError:
            raise Http404 from None
        return super().get_context_data(**page, **kwargs)
