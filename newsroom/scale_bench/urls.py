"""The benchmark workers' URLs: the project's, and each API list's raw-SQL floor as a request.

A floor answers through the same middleware as the API, so that the ratio of the two is what
the ORM and DRF add to one hand-written query and `json.dumps`, not the cost of any request.
"""

from django.db import connection
from django.http import Http404, HttpResponse
from django.urls import path

from newsroom.scale_bench.floors import FLOORS, run_floor
from newsroom.urls import urlpatterns as project_urls

FLOOR_ROUTE = "bench-floor"


def floor(request, endpoint: str):
    if endpoint not in FLOORS:
        raise Http404(endpoint)
    return HttpResponse(run_floor(endpoint, connection), content_type="application/json")


urlpatterns = [path(f"{FLOOR_ROUTE}/<str:endpoint>/", floor, name=FLOOR_ROUTE), *project_urls]
