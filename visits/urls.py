"""Pages of the domain: visits, officials, events, the timeline and the events calendar."""

from django.urls import path

from visits import completion, feeds, views

urlpatterns = [
    path("visits/", views.VisitListView.as_view(), name="visit-list"),
    path("visits/<int:pk>/", views.VisitDetailView.as_view(), name="visit-detail"),
    path("officials/", views.OfficialListView.as_view(), name="official-list"),
    path("officials/<slug:slug>/", views.OfficialDetailView.as_view(), name="official-detail"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("events.ics", feeds.EventCalendarView.as_view(), name="event-calendar"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path(
        "complete/officials/",
        completion.OfficialCompletionView.as_view(),
        name="official-complete",
    ),
    path("complete/events/", completion.EventCompletionView.as_view(), name="event-complete"),
]
