"""Partial dates in pages: one tag, so every page says "novembre 2025" the same way."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from visits import dates

register = template.Library()


def _time(value, precision):
    return format_html(
        '<time datetime="{}">{}</time>',
        dates.to_iso(value, precision),
        dates.humanize(value, precision),
    )


@register.simple_tag
def partial_dates(start, precision, end=None):
    """A date or range cut to its precision: "19 septembre 2024 – 21 septembre 2024", "2030"."""
    if start is None:
        return format_html('<span class="undated">{}</span>', _("date unknown"))
    first = _time(start, precision)
    if end is None or end == start:
        return first
    return format_html("{} – {}", first, _time(end, precision))
