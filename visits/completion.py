"""Records typed by name and completed as the reader types, never listed in full.

A filter on an official or an event takes the record's slug or its name (for an official, any
spelling of any of their names); the page's text box asks the completion endpoint for the
first matching names the viewer may see.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import reverse
from django.utils.html import format_html
from django.views import View

from visits.models import Event, Official
from visits.names import normalize_name

# Names a completion offers, and the shortest text it answers.
COMPLETION_SIZE = 10
COMPLETION_MIN_LENGTH = 2


class CompletedInput(forms.TextInput):
    """A text box whose suggestions come from a completion endpoint (static/js/complete.js)."""

    def __init__(self, source: str, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.source = source

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["data-complete"] = reverse(self.source)
        widget_attrs["list"] = f"{widget_attrs.get('id') or name}-choices"
        return context

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        field = self._render(self.template_name, context, renderer)
        return field + format_html(
            '<datalist id="{}"></datalist>', context["widget"]["attrs"]["list"]
        )


class RecordChoiceField(forms.ModelChoiceField):
    """One record of the queryset, named by its slug or by its name."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()
        record = self.queryset.filter(slug=value).first() or self.named(value)
        if record is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return record

    def named(self, value: str):
        """The record of that name; else the only one whose name contains it ("Hammouchi")."""
        if hasattr(self.queryset, "matching"):
            exact, partial = self.queryset.matching(value), self.queryset.search(value)
        else:
            exact = self.queryset.filter(name__iexact=value).order_by("-start", "pk")
            partial = self.queryset.filter(name__icontains=value)
        found = exact.first()
        if found is None:
            candidates = list(partial[:2])
            found = candidates[0] if len(candidates) == 1 else None
        return found


class RecordFilter(django_filters.ModelChoiceFilter):
    """A filter on one record, typed and completed; its choices are never rendered."""

    field_class = RecordChoiceField

    def __init__(self, *args, source: str, **kwargs):
        kwargs.setdefault("widget", CompletedInput(source))
        # The schema reads the slug's type; a name is accepted as well.
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class CompletionView(View):
    """The first names, in order, of the records the viewer may see that contain `q`."""

    def get(self, request):
        text = request.GET.get("q", "")[:100]
        if len(normalize_name(text)) < COMPLETION_MIN_LENGTH:
            return JsonResponse({"results": []})
        records = self.matching(text)[:COMPLETION_SIZE]
        return JsonResponse({"results": [{"value": record.name} for record in records]})


class OfficialCompletionView(CompletionView):
    def matching(self, text):
        return Official.objects.visible_to(self.request.user).search(text).order_by("name")


class EventCompletionView(CompletionView):
    def matching(self, text):
        visible = Event.objects.visible_to(self.request.user)
        return visible.filter(name__icontains=text).order_by("-start", "name")
