"""Admin list filters on related records that show the chosen record, never a list of all."""

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db.models import Q

from visits.models import Topic


def leading_to(model, paths, lookup, value) -> Q:
    """A condition on `model`'s rows: one of `paths` leads to `value` through `lookup`."""
    condition = Q()
    for path in paths:
        # A subquery of primary keys for each path: an OR across relations in one query would
        # LEFT JOIN them all, and a many-valued one repeats rows.
        matching = model._default_manager.filter(**{f"{path}__{lookup}": value}).values("pk")
        condition |= Q(pk__in=matching)
    return condition


class AutocompleteFilter(admin.SimpleListFilter):
    """A filter on one related record, typed in the admin's autocomplete box, e.g. `?event=12`."""

    template = "admin/autocomplete_filter.html"
    # Paths from the listed model to the related record: a row matches if any leads to it.
    # Subclasses set them, or `AutocompleteFilter.on()` builds a subclass that does.
    field_paths: tuple[str, ...] = ()

    def __init__(self, request, params, model, model_admin):
        self.model = model
        self.model_admin = model_admin
        self.paths = tuple(self.get_field_paths(model_admin))
        # The widget asks the autocomplete view about the last field of the first path.
        self.field = get_fields_from_path(model, self.paths[0])[-1]
        self.target = self.field.remote_field.model
        self.title = self.title or self.target._meta.verbose_name
        self.parameter_name = self.parameter_name or self.target._meta.model_name
        super().__init__(request, params, model, model_admin)

    @classmethod
    def on(cls, *field_paths, title=None, parameter_name=None):
        """A filter class on the record that `field_paths` lead to."""
        attributes = {"field_paths": field_paths, "title": title, "parameter_name": parameter_name}
        return type(cls.__name__, (cls,), attributes)

    @classmethod
    def media(cls) -> forms.Media:
        """The autocomplete widget's scripts and styles, and the script that applies a choice."""
        # The script follows jquery.init.js, which names the jQuery it uses.
        script = forms.Media(js=["admin/js/jquery.init.js", "js/admin_filters.js"])
        return AutocompleteSelect(None, None).media + script

    def get_field_paths(self, model_admin):
        return self.field_paths

    def lookups(self, request, model_admin):
        # No list of choices: the widget shows the chosen record and asks for the others.
        return ()

    def has_output(self):
        return True

    def chosen(self):
        """The chosen record's primary key, checked for its type, or None."""
        value = self.value()
        if value in (None, ""):
            return None
        try:
            return self.target._meta.pk.to_python(value)
        except ValidationError as error:
            raise IncorrectLookupParameters(error) from error

    def queryset(self, request, queryset):
        chosen = self.chosen()
        if chosen is None:
            return queryset
        return queryset.filter(leading_to(self.model, self.paths, "exact", chosen))

    def choices(self, changelist):
        field = forms.ModelChoiceField(
            queryset=self.target._default_manager.all(),
            required=False,
            widget=AutocompleteSelect(
                self.field, self.model_admin.admin_site, attrs={"style": "width: 100%"}
            ),
        )
        yield {
            "selected": bool(self.value()),
            "widget": field.widget.render(self.parameter_name, self.value()),
            # The other filters, the search and the ordering stay as they are.
            "kept": [
                (name, value)
                for name, values in changelist.filter_params.items()
                if name != self.parameter_name
                for value in values
            ],
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
        }


class OfficialFilter(AutocompleteFilter):
    """A filter on an official: the records the admin's search finds by that official's names."""

    def get_field_paths(self, model_admin):
        return model_admin.official_lookups


class TopicFilter(admin.SimpleListFilter):
    """A filter on one of the few topics, which repeats no row of the list."""

    # Django's own filter on a many-to-many field makes the list SELECT DISTINCT whole rows.
    title = Topic._meta.verbose_name
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [(str(topic.pk), str(topic)) for topic in Topic.objects.all()]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        try:
            topic = Topic._meta.pk.to_python(self.value())
        except ValidationError as error:
            raise IncorrectLookupParameters(error) from error
        return queryset.filter(leading_to(queryset.model, ["topics"], "exact", topic))


class AutocompleteFilterMediaMixin:
    """A model admin whose changelist loads what its autocomplete filters need."""

    @property
    def media(self):
        media = super().media
        if any(
            isinstance(list_filter, type) and issubclass(list_filter, AutocompleteFilter)
            for list_filter in self.list_filter
        ):
            media += AutocompleteFilter.media()
        return media
