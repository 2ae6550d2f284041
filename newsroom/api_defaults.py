"""The API's defaults, named in settings.REST_FRAMEWORK: pagination, parsing and errors.

Nothing here imports a view: DRF reads these while its own views are being defined.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, filters, pagination, parsers, status
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings

from visits.pagination import ListPaginator


class PageNumberPagination(pagination.PageNumberPagination):
    """Pages of `page_size` records (20 unless asked, at most 100) with count, next, previous."""

    page_size_query_param = "page_size"
    max_page_size = 100
    django_paginator_class = ListPaginator

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update(minimum=1)
        return parameters


class JSONParser(parsers.JSONParser):
    """JSON whose text a database can store."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        for text in strings(data):
            # Valid JSON that no database stores: NUL, or a lone surrogate ("\ud800").
            if "\x00" in text:
                raise exceptions.ParseError(_("Text cannot contain NUL characters."))
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as error:
                raise exceptions.ParseError(_("The text is not valid Unicode.")) from error
        return data


def strings(data):
    """Every string in parsed JSON (keys included) or in query parameters."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings(value)
    elif isinstance(data, (list, tuple)):
        for value in data:
            yield from strings(value)


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend; a NUL in the query string is a 400 (no database stores it)."""

    def filter_queryset(self, request, queryset, view):
        if any("\x00" in text for item in request.query_params.lists() for text in strings(item)):
            raise exceptions.ValidationError(_("The query string cannot contain NUL characters."))
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not asks_filters(request, filterset_class):
            # Nothing to filter by: building and validating the FilterSet's form would change
            # nothing, at a tenth of the cost of a list.
            return queryset
        return super().filter_queryset(request, queryset, view)


def asks_filters(request, filterset_class) -> bool:
    """Whether a query parameter is one of the FilterSet's, or one of a filter's parts
    (`<name>_min`, `<name>_after`: a filter whose widget has several inputs)."""
    names = filterset_class.base_filters.keys()
    return any(
        key == name or key.startswith(f"{name}_") for key in request.query_params for name in names
    )


class SearchFilter(filters.SearchFilter):
    """DRF's `search`, or the view's own `search(queryset, text)` where it has one."""

    def filter_queryset(self, request, queryset, view):
        search = getattr(view, "search", None)
        if search is None:
            return super().filter_queryset(request, queryset, view)
        text = " ".join(self.get_search_terms(request))
        return search(queryset, text) if text.strip() else queryset


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request is too large.")
    default_code = "request_too_large"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Other records depend on this one: it cannot be deleted.")
    default_code = "protected"


def exception_handler(exc, context):
    """DRF's handler; the database's refusals come back as client errors, never as 500s."""
    if isinstance(exc, DjangoValidationError):
        detail = as_serializer_error(exc)
        if "__all__" in detail:
            detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop("__all__")
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge(
            _("The request is larger than %(limit)s bytes.")
            % {"limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
        )
    elif isinstance(exc, (ProtectedError, RestrictedError)):
        exc = Conflict()
    elif isinstance(exc, IntegrityError):
        exc = exceptions.ValidationError(
            {
                api_settings.NON_FIELD_ERRORS_KEY: [
                    _("The change conflicts with records already stored.")
                ]
            }
        )
    # Imported here: rest_framework.views reads this module's classes as it is defined.
    from rest_framework.views import exception_handler as drf_exception_handler

    return drf_exception_handler(exc, context)
