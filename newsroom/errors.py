"""Error answers in the reader's language: a page for a browser, JSON for an API client."""

import logging
import sys

from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again, when the database is unreachable.
RETRY_AFTER = 30


def server_error(request):
    """A 503 when the database cannot be reached (try again later), else a 500.

    The page is rendered for an anonymous reader: the session and the user are read from the
    database, which may be the very thing that failed.
    """
    error = sys.exc_info()[1]
    unavailable = isinstance(error, OperationalError | InterfaceError)
    status = 503 if unavailable else 500
    if unavailable:
        message = _("The service is unavailable for a moment. Please try again in a minute.")
    else:
        message = _("An error occurred on our side. It has been recorded.")
    headers = {"Retry-After": str(RETRY_AFTER)} if unavailable else {}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status, headers=headers)
    try:
        page = render_to_string(
            "error.html",
            {"status": status, "message": message, "user": AnonymousUser()},
            request=request,
        )
    except Exception:  # the error page must answer whatever else fails
        logger.exception("The error page could not be rendered.")
        return HttpResponse(message, status=status, headers=headers, content_type="text/plain")
    return HttpResponse(page, status=status, headers=headers)
