"""In a real browser: import an article in the admin, accept what it proposes, see the links.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright; skipped, with the reason,
where either is missing.
"""

import re

import pytest

from newsroom.models import Article
from tests.browser_support import chromium_page, expect, needs_chromium
from tests.factories import StaffFactory
from tests.test_ingest_admin import CORREIA, HAMMOUCHI, LISBON
from visits.models import Visit

PASSWORD = "correct horse battery staple"

pytestmark = needs_chromium


@pytest.fixture
def browser_page(monkeypatch):
    viewport = {"width": 1400, "height": 900}
    with chromium_page(monkeypatch, locale="en-GB", viewport=viewport) as page:
        yield page


def test_an_editor_imports_an_article_and_accepts_a_person_and_the_visit(
    live_server, seed, browser_page
):
    StaffFactory(username="editor")
    page = browser_page

    page.goto(f"{live_server.url}/en/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/en/admin/newsroom/article/")
    page.get_by_role("link", name="Import an article").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import an article")

    page.get_by_label("Text").fill(LISBON)
    page.get_by_role("button", name="Import").click()

    article = Article.objects.get(title="Abdellatif Hammouchi en visite de travail au Portugal")
    expect(page).to_have_url(f"{live_server.url}/en/admin/newsroom/article/{article.pk}/review/")
    expect(page.locator(".messagelist .success")).to_contain_text("imported as a draft")
    people = page.locator("#proposals-person")
    expect(people.locator("tr.proposal")).to_have_count(2)
    expect(people).to_contain_text("directeur national de la Police de sécurité publique")

    page.get_by_role("button", name=f"Accept {CORREIA}").click()
    expect(page.locator(".messagelist .success")).to_have_text(f"“{CORREIA}” accepted: {CORREIA}.")
    correia = people.locator("tr.proposal", has_text=CORREIA)
    expect(correia).to_have_attribute("data-decision", "accepted")
    expect(correia.get_by_role("button", name=f"Accept {CORREIA}")).to_have_count(0)

    page.get_by_role("button", name=f"Accept {HAMMOUCHI} → Portugal").click()
    visit_row = page.locator("#proposals-visit tr.proposal")
    expect(visit_row).to_have_attribute("data-decision", "accepted")
    expect(people.locator("tr.proposal", has_text="visitor")).to_have_attribute(
        "data-decision", "accepted"
    )
    visit = Visit.objects.get(articles=article)
    expect(visit_row.locator(".record a")).to_have_attribute(
        "href", re.compile(rf"/admin/visits/visit/{visit.pk}/change/$")
    )

    page.get_by_role("link", name="Edit the article").click()
    expect(page).to_have_url(re.compile(rf"/admin/newsroom/article/{article.pk}/change/$"))
    officials = page.locator("#articleofficial_set-group")
    expect(officials).to_contain_text(CORREIA)
    expect(officials).to_contain_text(HAMMOUCHI)
    expect(page.locator("#id_articlevisit_set-0-visit")).to_have_value(str(visit.pk))
    expect(page.locator("#articlevisit_set-group")).to_contain_text(f"{HAMMOUCHI} – Portugal")
    expect(page.get_by_role("link", name=re.compile("Review proposals"))).to_contain_text("pending")
