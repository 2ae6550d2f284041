"""Admin bases: history and import/export for every record, publishing for editorial ones."""

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, JSON, XLSX
from simple_history.admin import SimpleHistoryAdmin

from visits.models import Status


class RecordAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    """An admin that keeps every change in the history and imports and exports CSV, XLSX, JSON."""

    formats = [CSV, XLSX, JSON]
    list_per_page = 50
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


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
