"""Admin bases: history and import/export for every record, publishing for editorial ones."""

from functools import cache

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.contrib.auth import get_permission_codename
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, JSON, XLSX
from import_export.signals import post_export
from simple_history.admin import SimpleHistoryAdmin

from visits.admin_filters import AutocompleteFilterMediaMixin
from visits.models import Status
from visits.pagination import ListPaginator

TOO_MANY_ROWS = _(
    "This export has more than %(limit)s rows: a %(format)s file is built whole in memory. "
    "Choose CSV, which is written row by row, or narrow the list with its filters and search; "
    "for a copy of the whole database, use the API or “manage.py dumpdata”."
)


class RankedChangeList(ChangeList):
    """A changelist whose search may rank its results: the ranking, not the model's order, first."""

    def get_ordering(self, request, queryset):
        ranked = "search_rank" in queryset.query.annotations and queryset.query.order_by
        if ranked and not self.params.get(ORDER_VAR):
            return self._get_deterministic_ordering(queryset.query.order_by)
        return super().get_ordering(request, queryset)


@cache
def country_column(model, name):
    """The column `name` of the changelist, as a function where it is a country field; the
    same function each time, as the admin finds its sortable columns by equality."""
    if not isinstance(name, str):
        return name
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    if not isinstance(field, CountryField) or field.multiple:
        return name

    @admin.display(description=field.verbose_name, ordering=name)
    def column(record):
        return getattr(record, name).name or None

    column.__name__ = name
    return column


class RecordAdmin(AutocompleteFilterMediaMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    """An admin that keeps every change in the history and imports and exports CSV, XLSX, JSON."""

    formats = [CSV, XLSX, JSON]
    list_per_page = 50
    # Counts cached until a record is written; deep pages read their ids first.
    paginator = ListPaginator
    # The changelist counts the filtered rows only, not the whole table a second time.
    show_full_result_count = False
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _do_file_export(self, file_format, request, queryset, export_form=None):
        """CSV streams row by row; XLSX and JSON, built in memory, are refused above a limit."""
        if isinstance(file_format, CSV):
            return self.stream_csv(request, queryset, export_form)
        limit = settings.ADMIN_EXPORT_MAX_ROWS
        # A bounded count: the database stops at the first row past the limit.
        if queryset.order_by()[: limit + 1].count() > limit:
            # import-export's export view shows a ValueError's message above its form.
            raise ValueError(
                TOO_MANY_ROWS % {"limit": limit, "format": file_format.get_title().upper()}
            )
        return super()._do_file_export(file_format, request, queryset, export_form=export_form)

    def get_changelist(self, request, **kwargs):
        return RankedChangeList

    def get_list_display(self, request):
        """Country columns show the country's name read from the value: the admin's way looks
        it up among every country's choices anew for each row, a third of a list of 50."""
        kept = {*(self.list_display_links or ()), *self.list_editable}
        return [
            name if name in kept else country_column(self.model, name)
            for name in super().get_list_display(request)
        ]

    def get_search_results(self, request, queryset, search_term):
        """The rows that match, a search through a many-valued relation repeating none."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if may_have_duplicates:
            # Matching primary keys in a subquery, where the changelist would SELECT DISTINCT
            # whole rows, long texts included.
            return queryset.filter(pk__in=found.values("pk")), False
        return found, may_have_duplicates

    def stream_csv(self, request, queryset, export_form=None):
        """The export as a CSV file sent while its rows are read, a chunk at a time."""
        file_format = CSV()
        resource_class = self.choose_export_resource_class(export_form, request)
        resource = resource_class(
            **self.get_export_resource_kwargs(request, export_form=export_form)
        )
        lines = resource.export_csv(
            queryset,
            export_fields=self.get_export_resource_fields_from_form(export_form),
            export_form=export_form,
        )
        response = StreamingHttpResponse(lines, content_type=file_format.get_content_type())
        filename = self.get_export_filename(request, queryset, file_format)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        post_export.send(sender=None, model=self.model)
        return response


class EditorialAdmin(RecordAdmin):
    """An admin for records that go from draft to published, which takes the publish permission."""

    actions = ["publish", "unpublish"]

    def has_publish_permission(self, request):
        codename = get_permission_codename("publish", self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}")

    @admin.action(description=_("Publish the selected records"), permissions=["publish"])
    def publish(self, request, queryset):
        count = self.set_status(request, queryset, Status.PUBLISHED)
        message = ngettext("%(count)d record published.", "%(count)d records published.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(
        description=_("Unpublish the selected records (back to draft)"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        count = self.set_status(request, queryset.published(), Status.DRAFT)
        message = ngettext("%(count)d record unpublished.", "%(count)d records unpublished.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    def set_status(self, request, queryset, status):
        """Save each record whose status changes, so that its history records the change."""
        count = 0
        for record in queryset.exclude(status=status):
            record.status = status
            record.save()
            self.log_change(request, record, [{"changed": {"fields": ["status"]}}])
            count += 1
        return count

    def get_readonly_fields(self, request, obj=None):
        """Those who may not publish cannot change the status of a published record."""
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None and obj.is_published and not self.has_publish_permission(request):
            return (*readonly, "status")
        return readonly

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [
                (value, label) for value, label in Status.choices if value != Status.PUBLISHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)
