"""The site's main navigation, with the current section marked."""

from django import template
from django.urls import reverse, translate_url
from django.utils.translation import gettext_lazy as _

register = template.Library()

# (URL name of the section's index, label, URL-name prefix of the section's pages)
SECTIONS = [
    ("home", _("Home"), "home"),
    ("article-list", _("Articles"), "article-"),
    ("visit-list", _("Visits"), "visit-"),
    ("official-list", _("Officials"), "official-"),
    ("event-list", _("Events"), "event-"),
    ("country-list", _("Countries"), "country-"),
    ("timeline", _("Timeline"), "timeline"),
]


@register.simple_tag(takes_context=True)
def navigation(context):
    """The sections as (url, label, is_current) for the main menu."""
    match = getattr(context.get("request"), "resolver_match", None)
    current = (match.url_name or "") if match else ""
    return [
        {"url": reverse(name), "label": label, "current": current.startswith(prefix)}
        for name, label, prefix in SECTIONS
    ]


@register.simple_tag(takes_context=True)
def this_page_in(context, language: str) -> str:
    """This page's URL, query string kept, as it reads in `language`."""
    request = context["request"]
    return translate_url(request.get_full_path(), language)
