"""French by default, English through the language switch, dates in the reader's language."""

import codecs
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"


def test_pages_are_in_french_by_default(client, seed):
    html = client.get(reverse("visit-list")).content.decode()
    assert '<html lang="fr">' in html
    assert "<h1>Visites</h1>" in html
    for label in ["Responsables", "Événements", "Chronologie", "Pays hôte", "Appliquer"]:
        assert label in html


def test_english_is_under_en(client, seed):
    html = client.get("/en/visits/").content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Visits</h1>" in html
    for label in ["Officials", "Events", "Timeline", "Host country", "Apply"]:
        assert label in html


@pytest.mark.parametrize(
    ("page", "language", "target"),
    [
        ("/visits/?host_country=TR", "en", "/en/visits/?host_country=TR"),
        ("/en/officials/abdellatif-hammouchi/", "fr", "/officials/abdellatif-hammouchi/"),
        ("/en/countries/TR/?x=1", "fr", "/countries/TR/?x=1"),
        ("/countries/TR/", "en", "/en/countries/TR/"),
    ],
)
def test_the_language_switch_keeps_the_page_and_its_filters(client, seed, page, language, target):
    html = client.get(page).content.decode()
    next_url = re.search(r'name="next" value="([^"]*)"', html).group(1).replace("&amp;", "&")
    assert next_url == target
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == target
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == language


def test_every_page_offers_the_switch_to_the_other_language(client, seed):
    html = client.get(reverse("timeline")).content.decode()
    assert 'action="/i18n/setlang/"' in html
    assert '<button type="submit" name="language" value="en" lang="en">English</button>' in html
    assert 'name="next" value="/en/timeline/"' in html


@pytest.mark.parametrize(
    ("path", "french", "english"),
    [
        ("/events/", "novembre 2025", "November 2025"),
        ("/countries/TR/", "<h1>Turquie</h1>", "<h1>Türkiye</h1>"),
        ("/events/igef-2025/", "Salon ou exposition", "Fair or exhibition"),
        ("/articles/igef-2024/", "septembre 2024", "September 2024"),
    ],
)
def test_dates_names_and_choices_follow_the_reader_language(client, seed, path, french, english):
    assert french in client.get(path).content.decode()
    assert english in client.get(f"/en{path}").content.decode()


def po_entries(path: Path) -> dict[str, str]:
    """msgid (or msgid + plural) → msgstr (or first plural form) of a .po file, less obsolete."""
    entries, current, field = {}, {}, None
    for line in [*path.read_text().splitlines(), ""]:
        if not line.strip() or line.startswith("#~"):
            if current.get("msgid"):
                key = current["msgid"] + (
                    "\x00" + current["msgid_plural"] if "msgid_plural" in current else ""
                )
                entries[key] = current.get("msgstr", current.get("msgstr[0]", ""))
            current, field = {}, None
            continue
        if line.startswith("#"):
            current.setdefault("flags", "")
            current["flags"] += line
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
        if match:
            field = match.group(1)
            current[field] = match.group(2)
        elif line.startswith('"') and field:
            current[field] += line[1:-1]
    return entries


def unescape(text: str) -> str:
    """A .po string's escapes (\\n, \\", \\\\) read as the characters they stand for."""
    return codecs.decode(text.encode("latin-1", "backslashreplace"), "unicode_escape")


def test_every_french_string_is_translated_and_compiled():
    po = LOCALE / "django.po"
    text = po.read_text()
    assert "#, fuzzy" not in text
    entries = po_entries(po)
    assert len(entries) > 300
    untranslated = [msgid for msgid, msgstr in entries.items() if not msgstr]
    assert untranslated == []
    with (LOCALE / "django.mo").open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    for msgid, msgstr in entries.items():
        if "\x00" in msgid:
            continue
        assert catalog.get(unescape(msgid)) == unescape(msgstr), msgid
