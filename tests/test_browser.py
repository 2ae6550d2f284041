"""In a real browser: filter the visits by host country, open one, read what it shows.

Drives Debian's Chromium (/usr/bin/chromium; `.ci/run` installs it) through Playwright;
skipped, with the reason, where either is missing.
"""

import datetime
import re

import pytest

from tests.browser_support import chromium_page, expect, needs_chromium
from tests.factories import VisitFactory
from visits.models import Visit

pytestmark = needs_chromium


@pytest.fixture
def browser_page(monkeypatch):
    with chromium_page(monkeypatch, locale="fr-FR") as page:
        yield page


def test_a_reader_filters_visits_by_host_country_and_opens_one(live_server, seed, browser_page):
    VisitFactory(host_country="ES", city="Madrid", start=datetime.date(2023, 3, 1), end=None)
    visit_2024 = Visit.objects.get(start=datetime.date(2024, 9, 19))
    page = browser_page

    page.goto(f"{live_server.url}/visits/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("#results-count")).to_have_text("3 visites")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Aller au contenu")

    page.get_by_label("Pays hôte").select_option("TR")
    page.get_by_role("button", name="Appliquer").click()
    expect(page).to_have_url(re.compile(r"/visits/\?.*host_country=TR"))
    expect(page.locator("#results-count")).to_have_text("2 visites")
    expect(page.locator(".active-filters")).to_contain_text("Pays hôte : Turquie")
    expect(page.locator(".results")).not_to_contain_text("Madrid")

    result = page.locator(".results li.item", has_text="19 septembre 2024")
    result.get_by_role("link", name="Abdellatif Hammouchi · Turquie, Ankara").click()
    expect(page).to_have_url(f"{live_server.url}{visit_2024.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Abdellatif Hammouchi · Turquie, Ankara"
    )
    facts = page.locator(".facts")
    expect(facts).to_contain_text("19 septembre 2024 – 21 septembre 2024")
    expect(facts).to_contain_text("Visite de travail")
    expect(facts).to_contain_text("IGEF 2024")
    meetings = page.get_by_role("region", name="Rencontres")
    expect(meetings).to_contain_text("Munir Karaloğlu")
    expect(meetings).to_contain_text("Salami Yıldız")
    expect(page.get_by_role("region", name="Sources")).to_contain_text(
        "Abdellatif Hammouchi en visite de travail en Turquie"
    )

    page.get_by_role("link", name="Munir Karaloğlu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Munir Karaloğlu")
