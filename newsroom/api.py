"""API viewsets of the news app: articles, outlets, and the countries on record."""

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import parsers, permissions, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from newsroom.api_defaults import JSONParser
from newsroom.countries import countries_on_record
from newsroom.filters import ArticleFilter, OutletFilter
from newsroom.ingest.reading import MAX_BYTES as MAX_INGEST_BYTES
from newsroom.models import Article, Outlet
from newsroom.search import search_articles
from newsroom.serializers import ArticleSerializer, OutletSerializer
from newsroom.services import EXISTS, NEW, ingest_text
from visits.api import BySlugMixin, RequestLanguageMixin, VisibleRecordsMixin
from visits.serializers import CountryQuerySerializer, CountrySerializer


class OutletViewSet(BySlugMixin, VisibleRecordsMixin, viewsets.ModelViewSet):
    model = Outlet
    serializer_class = OutletSerializer
    filterset_class = OutletFilter
    search_fields = ["name"]


class ArticleViewSet(BySlugMixin, VisibleRecordsMixin, viewsets.ModelViewSet):
    """Articles and the records they report; anonymous clients see published ones only."""

    model = Article
    serializer_class = ArticleSerializer
    filterset_class = ArticleFilter
    # DRF documents `search` for views with search_fields; search() reads them from the index.
    search_fields = ["title", "summary", "body"]

    def search(self, queryset, text):
        """The words of `text`, as `q` finds them; best first unless `ordering` is asked."""
        return search_articles(queryset, text, ranked=not self.request.query_params.get("ordering"))


def country_row(row) -> dict:
    code = row.country.code
    names = {}
    for language in ("en", "fr"):
        with translation.override(language):
            names[f"name_{language}"] = str(row.country.name)
    return {"code": code, **names, "visits_to": row.visits_to, "visits_from": row.visits_from}


@extend_schema_view(
    list=extend_schema(parameters=[CountryQuerySerializer]),
    retrieve=extend_schema(
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH, description="ISO code")]
    ),
)
class CountryViewSet(RequestLanguageMixin, viewsets.GenericViewSet):
    """Countries on record: those a record the user may see names, as on the country pages.

    Visit counts count the visits the user may see.
    """

    permission_classes = [permissions.AllowAny]
    serializer_class = CountrySerializer
    filter_backends = []
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"

    def get_queryset(self):
        return [country_row(row) for row in countries_on_record(self.request.user)]

    def list(self, request):
        query = CountryQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        rows = self.get_queryset()
        search = query.validated_data.get("search", "").strip().casefold()
        if search:
            rows = [
                row
                for row in rows
                if any(search in row[key].casefold() for key in ("code", "name_en", "name_fr"))
            ]
        ordering = query.validated_data["ordering"]
        key = ordering.lstrip("-")
        rows.sort(key=lambda row: (row[key], row["code"]), reverse=ordering.startswith("-"))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, code):
        for row in self.get_queryset():
            if row["code"] == code.upper():
                return Response(self.get_serializer(row).data)
        raise Http404


class CanIngest(permissions.BasePermission):
    """Ingesting creates draft articles: it takes the permission to add articles."""

    def has_permission(self, request, view):
        return bool(request.user and request.user.has_perm("newsroom.add_article"))


class IngestRequestSerializer(serializers.Serializer):
    text = serializers.CharField(
        required=False,
        trim_whitespace=False,
        help_text=_("The article's plain text, optionally after `key: value` header lines."),
    )
    file = serializers.FileField(required=False, help_text=_("The text as an uploaded file."))
    path = serializers.CharField(required=False, max_length=500, help_text=_("A name to report."))

    def validate(self, data):
        if ("text" in data) == ("file" in data):
            raise serializers.ValidationError(_("Send either a text or a file."))
        return data


class IngestView(RequestLanguageMixin, APIView):
    """Read an article's text into a draft with its proposals, as `manage.py ingest --json`."""

    permission_classes = [permissions.IsAuthenticated, CanIngest]
    parser_classes = [JSONParser, parsers.MultiPartParser]

    @extend_schema(
        request={
            "application/json": IngestRequestSerializer,
            "multipart/form-data": IngestRequestSerializer,
        },
        parameters=[
            OpenApiParameter(
                "dry_run", bool, description=_("Read and report without writing anything.")
            )
        ],
        responses={
            201: OpenApiResponse(OpenApiTypes.OBJECT, description=_("A new draft article.")),
            200: OpenApiResponse(OpenApiTypes.OBJECT, description=_("The text already exists.")),
            400: OpenApiResponse(OpenApiTypes.OBJECT, description=_("Bad input; nothing written.")),
        },
    )
    def post(self, request):
        payload = IngestRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload = payload.validated_data.get("file")
        # One byte past the limit is enough for the text to be reported as too large.
        text = upload.read(MAX_INGEST_BYTES + 1) if upload else payload.validated_data["text"]
        dry_run = request.query_params.get("dry_run", "").lower() in {"1", "true", "yes"}
        result = ingest_text(
            text=text,
            path=payload.validated_data.get("path") or getattr(upload, "name", None),
            dry_run=dry_run,
            user=request.user,
        )
        code = {NEW: status.HTTP_201_CREATED, EXISTS: status.HTTP_200_OK}
        return Response(
            result.to_dict(), status=code.get(result.status, status.HTTP_400_BAD_REQUEST)
        )
