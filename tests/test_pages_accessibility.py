"""Accessible, self-contained pages: landmarks, labelled filters, contrast, focus, no CDN."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/articles/",
    "/articles/igef-2024/",
    "/visits/",
    "/officials/",
    "/officials/abdellatif-hammouchi/",
    "/events/",
    "/events/igef-2025/",
    "/countries/",
    "/countries/TR/",
    "/timeline/",
    "/en/visits/",
    "/visits/?host_country=TR&page_size=1",
]
LISTS = ["/articles/", "/visits/", "/officials/", "/events/"]


class Outline(HTMLParser):
    """The tags, ids, labels and external references of a page."""

    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.label_for, self.fields, self.external = [], set(), set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "label" and "for" in attrs:
            self.label_for.add(attrs["for"])
        if tag in {"input", "select", "textarea"} and attrs.get("type") not in {"hidden", "submit"}:
            self.fields.append(attrs)
        for name in ["src", "href", "action"]:
            value = attrs.get(name) or ""
            if tag in {"script", "link", "img", "iframe", "form"} and re.match(
                r"(https?:)?//", value
            ):
                self.external.append(value)

    def count(self, tag, **attrs):
        return sum(
            1
            for name, found in self.tags
            if name == tag and all(found.get(key) == value for key, value in attrs.items())
        )


def outline(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    parsed = Outline()
    parsed.feed(response.content.decode())
    return parsed


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_landmarks_one_heading_and_a_skip_link(client, seed, path):
    page = outline(client, path)
    assert page.count("main") == 1
    assert page.count("header", **{"class": "site-header"}) == 1
    assert page.count("footer") == 1
    assert (
        page.count("nav", **{"aria-label": "Menu principal"})
        + page.count("nav", **{"aria-label": "Main menu"})
        == 1
    )
    assert page.count("h1") == 1
    assert page.count("a", href="#content") == 1
    assert "content" in page.ids
    assert page.count("meta", name="viewport") == 1


@pytest.mark.parametrize("path", LISTS)
def test_every_filter_field_has_a_label(client, seed, path):
    page = outline(client, path)
    assert page.fields
    for field in page.fields:
        assert field.get("id") in page.label_for, field
    assert page.count("form", role="search") == 1


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_from_another_site(client, seed, path):
    page = outline(client, path)
    assert page.external == []
    assert page.count("link", rel="stylesheet", href="/static/css/site.css") == 1
    # The one script is the project's own: it completes the names typed in a filter.
    assert page.count("script") == page.count("script", src="/static/js/complete.js") == 1


def test_the_stylesheet_is_a_static_file_of_the_project():
    path = finders.find("css/site.css")
    assert path is not None
    css = Path(path).read_text(encoding="utf-8")
    assert "@import" not in css
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)


def css_variables():
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", css)), css


def luminance(color):
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, two):
    light, dark = sorted([luminance(one), luminance(two)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("ink", "paper"),
        ("muted", "paper"),
        ("muted", "wash"),
        ("link", "paper"),
        ("link", "wash"),
        ("link-visited", "paper"),
        ("brand-ink", "brand"),
        ("draft-ink", "draft-bg"),
        ("upcoming-ink", "upcoming-bg"),
    ],
)
def test_text_colours_meet_wcag_aa_contrast(text, background):
    colours, _ = css_variables()
    assert contrast(colours[text], colours[background]) >= 4.5


def test_focus_is_visible_and_the_layout_adapts_to_a_phone():
    _, css = css_variables()
    assert re.search(r":focus-visible\s*{[^}]*outline:\s*3px solid", css)
    assert "@media (max-width: 48rem)" in css


def test_current_section_and_page_are_marked_for_assistive_technology(client, seed):
    html = client.get(reverse("visit-list"), {"page_size": 1}).content.decode()
    assert '<a href="/visits/" aria-current="page">Visites</a>' in html
    assert '<span aria-current="page">Page 1 sur 2</span>' in html


@pytest.mark.parametrize(
    ("language", "any_", "default"),
    [("", "indifférent", "ordre par défaut"), ("/en", "any", "default order")],
)
def test_a_select_without_a_choice_reads_as_words_not_dashes(client, seed, language, any_, default):
    html = client.get(f"{language}/visits/").content.decode()
    assert "---------" not in html
    # Host country, origin country and kind; officials and events are typed, not chosen.
    assert html.count(f'<option value="" selected>{any_}</option>') == 3
    assert f'<option value="" selected>{default}</option>' in html
