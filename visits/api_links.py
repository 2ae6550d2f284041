"""API and page URLs of records: each route reversed once a request, then filled in with keys.

A list of 20 visits links about 170 records; reversing each URL through the resolver was a
fifth of the request.
"""

import re

from django.urls import NoReverseMatch
from django.utils import translation
from rest_framework.reverse import reverse as drf_reverse

# Keys that stand in a URL as they are, in a slug or an integer route.
PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")
SLUG_MARK, INTEGER_MARK = "url-key-mark", "918273645546372819"


def api_url(view_name: str, value, request) -> str:
    """The absolute URL of the record `value` keys in the route `view_name` ("api:visit-detail")."""
    key = str(value)
    template = _template(view_name, request) if request is not None else None
    if template is None or not PLAIN_KEY.fullmatch(key):
        return drf_reverse(view_name, args=[value], request=request)
    (prefix, suffix), integer = template
    if integer and not key.isdigit():
        return drf_reverse(view_name, args=[value], request=request)
    return f"{prefix}{key}{suffix}"


def _template(view_name: str, request):
    """((the URL before the key, after it), whether the key is an integer), once a request
    and language: a page's route starts with its language."""
    templates = request.__dict__.setdefault("_api_url_templates", {})
    # The API's routes have no language.
    name = view_name if view_name.startswith("api:") else (view_name, translation.get_language())
    if name not in templates:
        templates[name] = None
        for mark, integer in ((SLUG_MARK, False), (INTEGER_MARK, True)):
            try:
                url = drf_reverse(view_name, args=[mark], request=request)
            except NoReverseMatch:
                continue
            if url.count(mark) == 1:
                templates[name] = (tuple(url.split(mark)), integer)
            break
    return templates[name]
