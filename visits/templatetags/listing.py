"""List pages: which filters are on, and how to take each one off."""

import datetime

from django import forms, template
from django.utils import formats
from django_filters import OrderingFilter

register = template.Library()


def _shown(field, value):
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    if isinstance(field, forms.ChoiceField):
        return dict(field.choices).get(value, value)
    return value


@register.simple_tag(takes_context=True)
def active_filters(context, filterset):
    """The filters in use: label, value as shown, and this page's URL without that filter."""
    request = context["request"]
    form = filterset.form
    if not filterset.is_bound or not form.is_valid():
        return []
    active = []
    for name, filter_ in filterset.filters.items():
        value = form.cleaned_data.get(name)
        if isinstance(filter_, OrderingFilter) or value in (None, "", [], ()):
            continue
        query = request.GET.copy()
        query.pop(name, None)
        query.pop("page", None)
        rest = query.urlencode()
        active.append(
            {
                "label": form.fields[name].label,
                "value": _shown(form.fields[name], value),
                "remove_url": f"{request.path}?{rest}" if rest else request.path,
            }
        )
    return active
