"""Import and export of the domain records, keyed by slugs, uids and ISO country codes."""

import csv
import io

from django.contrib.auth import get_permission_codename
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from import_export import resources, widgets

from visits.columns import (
    PartialDateField,
    countries_field,
    country_field,
    key_field,
    keys_field,
    uid_field,
)
from visits.models import (
    Event,
    EventSeries,
    Meeting,
    MeetingParticipant,
    Official,
    OfficialName,
    Organization,
    Position,
    Status,
    Topic,
    Visit,
)


class KeyedResource(resources.ModelResource):
    """A resource keyed by natural keys whose import writes every row or none."""

    # A text left empty in a spreadsheet is read as None; it is stored as "".
    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, "TextField": widgets.CharWidget}

    select_related = ()
    prefetch_related = ()

    # The bytes of CSV an export gathers before sending them on.
    csv_buffer_size = 64 * 1024

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        # Rows an export reads at a time, each such chunk with its prefetched relations.
        chunk_size = 500

    def import_data(self, dataset, rollback_on_validation_errors=True, **kwargs):
        """Import all rows or none: one invalid row rolls back the whole import."""
        return super().import_data(
            dataset, rollback_on_validation_errors=rollback_on_validation_errors, **kwargs
        )

    def before_import(self, dataset, **kwargs):
        # A file of new records may leave out the uid column: each row gets a new uid.
        if "uid" in self.get_import_id_fields() and "uid" not in (dataset.headers or ["uid"]):
            dataset.append_col([""] * len(dataset), header="uid")

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            # An unknown key makes the row new; import_instance reports the key.
            return None

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = ValidationError(force_str(error))
        if errors:
            raise ValidationError(errors)

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related(*self.select_related).prefetch_related(
            *self.prefetch_related
        )

    def iter_queryset(self, queryset):
        """The rows in chunks, each chunk's prefetched relations read with it."""
        # import-export pages a prefetching queryset with OFFSET, which reads the table again
        # for every page; Django's iterator reads it once and prefetches chunk by chunk.
        if isinstance(queryset, QuerySet):
            return queryset.iterator(chunk_size=self.get_chunk_size())
        return iter(queryset)

    def export_csv(self, queryset=None, **kwargs):
        """The rows of `export()` as pieces of CSV text, each made as its rows are read."""
        # The steps of Resource.export(), with the same keyword arguments, and rows written
        # as tablib writes CSV; but no dataset holds the whole table.
        self.before_export(queryset, **kwargs)
        if queryset is None:
            queryset = self.get_queryset()
        queryset = self.filter_export(queryset, **kwargs)
        fields = kwargs.get("export_fields")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.get_export_headers(selected_fields=fields))
        for instance in self.iter_queryset(queryset):
            writer.writerow(self.export_resource(instance, selected_fields=fields, **kwargs))
            if buffer.tell() >= self.csv_buffer_size:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()


class EditorialResource(KeyedResource):
    """A resource for editorial records: only those allowed to publish may import a publication."""

    def import_instance(self, instance, row, **kwargs):
        status = instance.status
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not self.may_set_status(kwargs.get("user"), status, instance.status):
            errors["status"] = ValidationError(
                _("Only editors allowed to publish may publish or unpublish.")
            )
        if errors:
            raise ValidationError(errors)

    def may_set_status(self, user, old, new):
        if user is None or old == new or Status.PUBLISHED not in (old, new):
            return True
        opts = self._meta.model._meta
        return user.has_perm(f"{opts.app_label}.{get_permission_codename('publish', opts)}")


def parents_first(rows):
    """The rows reordered, stably, so that an organization follows its parent in the file."""
    index = {row.get("slug"): number for number, row in enumerate(rows) if row.get("slug")}
    ordered, placed = [], set()

    def place(number, path):
        if number in placed or number in path:
            return
        parent = index.get(rows[number].get("parent"))
        if parent is not None:
            place(parent, path | {number})
        placed.add(number)
        ordered.append(rows[number])

    for number in range(len(rows)):
        place(number, frozenset())
    return ordered


class OrganizationResource(KeyedResource):
    country = country_field("country")
    parent = key_field("parent", Organization)
    select_related = ("parent",)

    class Meta:
        model = Organization
        fields = ("slug", "name", "acronym", "kind", "country", "parent", "summary")
        import_id_fields = ("slug",)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        if len(dataset):
            dataset.dict = parents_first(dataset.dict)


class OfficialResource(KeyedResource):
    country = country_field("country")

    class Meta:
        model = Official
        fields = ("slug", "name", "country", "summary", "wikidata_id")
        import_id_fields = ("slug",)


class OfficialNameResource(KeyedResource):
    official = key_field("official", Official)
    select_related = ("official",)

    class Meta:
        model = OfficialName
        fields = ("official", "name", "kind", "note")
        import_id_fields = ("official", "name")


class PositionResource(KeyedResource):
    uid = uid_field()
    official = key_field("official", Official)
    organization = key_field("organization", Organization)
    start = PartialDateField("start")
    end = PartialDateField("end")
    select_related = ("official", "organization")

    class Meta:
        model = Position
        fields = ("uid", "official", "organization", "title", "start", "end", "precision")
        import_id_fields = ("uid",)


class TopicResource(KeyedResource):
    class Meta:
        model = Topic
        fields = ("slug", "name", "description")
        import_id_fields = ("slug",)


class EventSeriesResource(KeyedResource):
    organizer = key_field("organizer", Organization)
    select_related = ("organizer",)

    class Meta:
        model = EventSeries
        fields = ("slug", "name", "acronym", "kind", "organizer", "description")
        import_id_fields = ("slug",)


class EventResource(EditorialResource):
    series = key_field("series", EventSeries)
    organizer = key_field("organizer", Organization)
    country = country_field("country")
    co_host_countries = countries_field("co_host_countries")
    start = PartialDateField("start")
    end = PartialDateField("end")
    select_related = ("series", "organizer")

    class Meta:
        model = Event
        fields = (
            "slug",
            "name",
            "series",
            "edition",
            "kind",
            "city",
            "country",
            "co_host_countries",
            "organizer",
            "start",
            "end",
            "precision",
            "summary",
            "status",
        )
        import_id_fields = ("slug",)


class VisitResource(EditorialResource):
    uid = uid_field()
    visitor = key_field("visitor", Official)
    delegation = keys_field("delegation", Official)
    origin_country = country_field("origin_country")
    host_country = country_field("host_country")
    event = key_field("event", Event)
    inviting_organization = key_field("inviting_organization", Organization)
    start = PartialDateField("start")
    end = PartialDateField("end")
    select_related = ("visitor", "event", "inviting_organization")
    prefetch_related = ("delegation",)

    class Meta:
        model = Visit
        fields = (
            "uid",
            "visitor",
            "delegation",
            "origin_country",
            "host_country",
            "city",
            "kind",
            "event",
            "invited_by",
            "inviting_organization",
            "start",
            "end",
            "precision",
            "summary",
            "status",
        )
        import_id_fields = ("uid",)


class MeetingResource(EditorialResource):
    uid = uid_field()
    visit = key_field("visit", Visit, key="uid")
    country = country_field("country")
    date = PartialDateField("date")
    topics = keys_field("topics", Topic)
    select_related = ("visit",)
    prefetch_related = ("topics",)

    class Meta:
        model = Meeting
        fields = (
            "uid",
            "visit",
            "date",
            "precision",
            "city",
            "country",
            "summary",
            "topics",
            "status",
        )
        import_id_fields = ("uid",)


class MeetingParticipantResource(KeyedResource):
    uid = uid_field()
    meeting = key_field("meeting", Meeting, key="uid")
    official = key_field("official", Official)
    country = country_field("country")
    organization = key_field("organization", Organization)
    select_related = ("meeting", "official", "organization")

    class Meta:
        model = MeetingParticipant
        fields = ("uid", "meeting", "official", "country", "organization", "role", "title")
        import_id_fields = ("uid",)
