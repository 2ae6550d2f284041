"""What a load balancer asks of a server: is it up, and can it reach what it needs."""

import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

OK = "ok"
UNAVAILABLE = "unavailable"


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return UNAVAILABLE
    return OK


def cache_state() -> str:
    token = secrets.token_hex(8)
    try:
        cache.set("healthz", token, 10)
        return OK if cache.get("healthz") == token else UNAVAILABLE
    except Exception:  # any backend's failure (Redis down, a locked file) is "down"
        return UNAVAILABLE


CHECKS = {"database": database_state, "cache": cache_state}


@never_cache
def healthz(request):
    """200 when every part answers, else 503; the parts' states, never their errors."""
    states = {name: check() for name, check in CHECKS.items()}
    healthy = all(state == OK for state in states.values())
    return JsonResponse(
        {"status": OK if healthy else UNAVAILABLE, **states}, status=200 if healthy else 503
    )
