"""The admin's "Import an article" and the review of its proposals, through HTTP."""

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from newsroom.ingest.reading import MAX_BYTES
from newsroom.models import Article, ArticleOfficial, ArticleVisit, Proposal
from tests import factories
from tests.ingest_support import SEED_2024
from visits.models import Meeting, MeetingParticipant, Official, Visit

# A new text, not in the seed: a working visit to Lisbon with one meeting.
LISBON = """title: Abdellatif Hammouchi en visite de travail au Portugal
date: 2025-03-11
outlet: Le Courrier de l'Atlantique
source: https://example.org/hammouchi-lisbonne

Le directeur général de la Sûreté nationale et de la Surveillance du territoire, \
M. Abdellatif Hammouchi, effectue du 10 au 12 mars une visite de travail à Lisbonne, \
à l'invitation des autorités portugaises.

Lors de cette visite, M. Hammouchi s'est entretenu mardi 11 mars avec le directeur national \
de la Police de sécurité publique, José Augusto Barros Correia, sur le renforcement de la \
coopération bilatérale en matière de lutte contre le terrorisme, l'immigration irrégulière \
et la criminalité transnationale organisée.
"""
CORREIA = "José Augusto Barros Correia"
HAMMOUCHI = "Abdellatif Hammouchi"


def admin_url(name: str, *args) -> str:
    """An admin URL in English, so that the pages speak the source language."""
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


def ingest_url() -> str:
    return admin_url("newsroom_article_ingest")


def review_url(article) -> str:
    return admin_url("newsroom_article_review", article.pk)


def stored() -> dict[str, int]:
    """How many rows every table of the project holds, and the admin's log."""
    models = [
        *apps.get_app_config("visits").get_models(),
        *apps.get_app_config("newsroom").get_models(),
    ]
    return {model._meta.label: model._default_manager.count() for model in [*models, LogEntry]}


def paste(client, text, **extra):
    return client.post(ingest_url(), {"text": text, **extra})


def upload(client, content: bytes, name="article.txt"):
    return client.post(ingest_url(), {"file": SimpleUploadedFile(name, content, "text/plain")})


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def imported(client, text) -> Article:
    """The article a text was imported as, its review page read (and its messages with it)."""
    return client.post(ingest_url(), {"text": text}, follow=True).context["article"]


@pytest.fixture
def lisbon(staff_client, seed):
    """The Lisbon text, imported through the admin."""
    return imported(staff_client, LISBON)


def proposal(article, kind, **data) -> Proposal:
    (found,) = [
        candidate
        for candidate in article.proposals.filter(kind=kind)
        if all(candidate.data.get(key) == value for key, value in data.items())
    ]
    return found


def decide(client, article, decide, proposal=None):
    data = {"decide": decide} if proposal is None else {"decide": decide, "proposal": proposal.pk}
    return client.post(review_url(article), data, follow=True)


# -- importing ---------------------------------------------------------------------------------
def test_the_article_changelist_offers_to_import_an_article(staff_client):
    response = staff_client.get(admin_url("newsroom_article_changelist"))

    assert f'href="{ingest_url()}"' in response.content.decode()
    assert "Import an article" in response.content.decode()


def test_the_import_form_takes_a_text_or_a_file(staff_client):
    response = staff_client.get(ingest_url())

    assert response.status_code == 200
    assert set(response.context["form"].fields) == {"text", "file"}
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_pasting_a_new_text_creates_one_draft_with_its_proposals_and_opens_its_review(
    staff_client, staff, seed
):
    before = stored()

    response = paste(staff_client, LISBON)

    after = stored()
    article = Article.objects.get(title="Abdellatif Hammouchi en visite de travail au Portugal")
    assert response.status_code == 302
    assert response.url == review_url(article)
    assert after["newsroom.Article"] == before["newsroom.Article"] + 1
    assert (article.status, article.outlet.name) == ("draft", "Le Courrier de l'Atlantique")
    assert after["newsroom.Proposal"] == before["newsroom.Proposal"] + article.proposals.count()
    assert {p.kind for p in article.proposals.all()} == {
        "person",
        "organization",
        "country",
        "visit",
        "meeting",
    }
    assert set(article.proposals.values_list("decision", flat=True)) == {"pending"}
    # Nothing but the draft and its proposals: no official, visit or link yet.
    assert after["visits.Official"] == before["visits.Official"]
    assert after["visits.Visit"] == before["visits.Visit"]
    assert after["newsroom.ArticleOfficial"] == before["newsroom.ArticleOfficial"]
    assert article.history.first().history_user == staff
    assert LogEntry.objects.filter(object_id=str(article.pk), action_flag=1).count() == 1


def test_the_review_page_after_an_import_shows_the_passages(staff_client, seed):
    response = staff_client.post(ingest_url(), {"text": LISBON}, follow=True)

    page = response.content.decode()
    article = response.context["article"]
    assert response.redirect_chain == [(review_url(article), 302)]
    assert "imported as a draft with" in " ".join(messages_of(response))
    meeting = proposal(article, "meeting")
    assert meeting.evidence.startswith("Lors de cette visite, M. Hammouchi s")
    assert "Lors de cette visite, M. Hammouchi s&#x27;est entretenu mardi 11 mars" in page
    assert "<blockquote>" in page


def test_the_review_page_groups_proposals_by_kind_with_what_was_read(staff_client, lisbon):
    response = staff_client.get(review_url(lisbon))

    groups = response.context["groups"]
    assert [group.kind for group in groups] == [
        "person",
        "organization",
        "country",
        "visit",
        "meeting",
    ]
    people = {row.label: row for row in groups[0].rows}
    assert set(people) == {HAMMOUCHI, CORREIA}
    hammouchi = {fact.label: fact for fact in people[HAMMOUCHI].facts}
    official = Official.objects.get(slug="abdellatif-hammouchi")
    assert hammouchi["in the database"].url == admin_url("visits_official_change", official.pk)
    assert str(hammouchi["role in the text"].value) == "visitor"
    correia = {str(fact.label): fact.value for fact in people[CORREIA].facts}
    assert correia["title"] == "directeur national de la Police de sécurité publique"
    assert correia["in the database"] == "not found: accepting creates the official"
    (visit,) = groups[3].rows
    facts = {str(fact.label): fact.value for fact in visit.facts}
    assert (facts["visitor"], facts["host country"], facts["city"]) == (
        HAMMOUCHI,
        "Portugal",
        "Lisbonne",
    )
    assert facts["dates"] == "March 10, 2025 – March 12, 2025"
    assert (facts["precision"], facts["kind"]) == ("day", "working visit")
    (meeting,) = groups[4].rows
    assert {str(fact.label): fact.value for fact in meeting.facts}["participants"] == (
        f"{HAMMOUCHI}, {CORREIA}"
    )
    page = response.content.decode()
    assert f'href="{admin_url("visits_official_change", official.pk)}"' in page
    assert page.count('name="decide" value="accept"') == lisbon.proposals.count()


def test_the_same_text_pasted_twice_creates_nothing_the_second_time(staff_client, seed):
    imported(staff_client, LISBON)
    before = stored()

    response = staff_client.post(ingest_url(), {"text": LISBON}, follow=True)

    assert stored() == before
    article = Article.objects.get(title="Abdellatif Hammouchi en visite de travail au Portugal")
    assert response.redirect_chain == [(review_url(article), 302)]
    assert messages_of(response) == [
        "This text already exists as “Abdellatif Hammouchi en visite de travail au Portugal”: "
        "nothing was created."
    ]


def test_uploading_the_seed_article_reports_that_it_exists_and_creates_nothing(staff_client, seed):
    seed_article = Article.objects.get(slug="igef-2024")
    before = stored()

    response = staff_client.post(
        ingest_url(),
        {"file": SimpleUploadedFile("igef-2024.txt", SEED_2024.read_bytes(), "text/plain")},
        follow=True,
    )

    assert stored() == before
    assert response.redirect_chain == [(review_url(seed_article), 302)]
    (message,) = messages_of(response)
    assert "already exists" in message and "nothing was created" in message
    assert response.context["groups"] == []


def test_uploading_a_new_file_creates_the_draft_and_opens_its_review(staff_client, seed):
    before = stored()

    response = upload(staff_client, LISBON.encode("utf-8"), name="lisbonne.txt")

    article = Article.objects.get(title="Abdellatif Hammouchi en visite de travail au Portugal")
    assert response.url == review_url(article)
    assert stored()["newsroom.Article"] == before["newsroom.Article"] + 1
    assert article.proposals.filter(kind="visit", data__host_country="PT").exists()


def test_an_upload_with_a_byte_order_mark_and_windows_line_endings_is_read(staff_client, seed):
    content = b"\xef\xbb\xbf" + LISBON.replace("\n", "\r\n").encode("utf-8")

    upload(staff_client, content)

    article = Article.objects.get(title="Abdellatif Hammouchi en visite de travail au Portugal")
    assert "\r" not in article.body


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"text": ""}, None, "The form is empty: paste the article's text or choose a file."),
        ({"text": " \n\t\n "}, None, "The form is empty"),
        ({"text": "title: Un titre\ndate: 2025-03-11\n\n"}, "text", "The text is empty."),
        ({"file": b""}, "file", "The submitted file is empty."),
        ({"file": b"\n\n  \n"}, "file", "The text is empty."),
        ({"file": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"}, "file", "binary, not text"),
        (
            {"file": "Un communiqué de la DGSN.".encode("latin-1")},
            "file",
            "The text is not UTF-8: byte 0xE9 at position 12 cannot be decoded",
        ),
        ({"file": b"a" * (MAX_BYTES + 1)}, "file", "The file is larger than 1 MB (1048577 bytes)."),
        ({"text": "é" * (MAX_BYTES // 2 + 1)}, "text", "The text is larger than 1 MB."),
        ({"text": LISBON, "file": LISBON.encode()}, None, "Paste a text or choose a file, not"),
    ],
    ids=[
        "empty",
        "blank",
        "headers-only",
        "empty-file",
        "blank-file",
        "binary",
        "latin-1",
        "large-file",
        "large-text",
        "text-and-file",
    ],
)
def test_bad_input_shows_a_clear_error_and_writes_nothing(staff_client, seed, data, field, message):
    if "file" in data:
        data = {**data, "file": SimpleUploadedFile("article.txt", data["file"], "text/plain")}
    before = stored()

    response = staff_client.post(ingest_url(), data)

    assert response.status_code == 200
    assert stored() == before
    form = response.context["form"]
    errors = form.errors.get(field or "__all__")
    assert errors and message in " ".join(errors)
    assert 'class="errornote"' in response.content.decode()


def test_a_pasted_text_is_kept_in_the_form_after_an_error(staff_client, seed):
    response = paste(staff_client, "title: Un titre\n\n")

    assert "title: Un titre" in response.content.decode()


# -- deciding ----------------------------------------------------------------------------------
def test_accepting_an_unknown_person_creates_the_official_and_links_it_with_the_passage(
    staff_client, staff, lisbon
):
    correia = proposal(lisbon, "person", name=CORREIA)

    response = decide(staff_client, lisbon, "accept", correia)

    official = Official.objects.get(name=CORREIA)
    link = ArticleOfficial.objects.get(article=lisbon, official=official)
    assert link.quote == correia.evidence
    assert "José Augusto Barros Correia, sur le renforcement" in link.quote
    correia.refresh_from_db()
    assert (correia.decision, correia.target, correia.decided_by) == ("accepted", official, staff)
    assert response.redirect_chain == [(f"{review_url(lisbon)}#proposal-{correia.pk}", 302)]
    assert messages_of(response) == [f"“{CORREIA}” accepted: {CORREIA}."]
    row = f'id="proposal-{correia.pk}" class="proposal decision-accepted"'
    assert row in response.content.decode()
    assert f'href="{admin_url("visits_official_change", official.pk)}"' in (
        response.content.decode()
    )


def test_accepting_a_known_person_links_the_existing_official(staff_client, lisbon):
    officials = Official.objects.count()

    decide(staff_client, lisbon, "accept", proposal(lisbon, "person", name=HAMMOUCHI))

    assert Official.objects.count() == officials
    assert lisbon.officials.get().slug == "abdellatif-hammouchi"


def test_accepting_the_visit_accepts_its_visitor_with_it(staff_client, lisbon):
    response = decide(staff_client, lisbon, "accept", proposal(lisbon, "visit"))

    visit = Visit.objects.get(articles=lisbon)
    assert (visit.visitor.slug, visit.host_country.code, visit.city) == (
        "abdellatif-hammouchi",
        "PT",
        "Lisbonne",
    )
    assert proposal(lisbon, "person", name=HAMMOUCHI).decision == "accepted"
    (message,) = messages_of(response)
    assert "1 other proposal it depends on was accepted with it." in message


def test_accepting_twice_creates_nothing_the_second_time(staff_client, lisbon):
    visit = proposal(lisbon, "visit")
    decide(staff_client, lisbon, "accept", visit)
    decide(staff_client, lisbon, "accept", proposal(lisbon, "meeting"))
    before = stored()

    again = decide(staff_client, lisbon, "accept", visit)
    decide(staff_client, lisbon, "accept", proposal(lisbon, "meeting"))

    after = stored()
    # Only the admin's log grows; history and records do not.
    assert {k: v for k, v in after.items() if k != "admin.LogEntry"} == {
        k: v for k, v in before.items() if k != "admin.LogEntry"
    }
    assert after["admin.LogEntry"] == before["admin.LogEntry"]
    assert messages_of(again) == [
        f"“{HAMMOUCHI} → Portugal” was already accepted: nothing new was created."
    ]
    assert ArticleVisit.objects.filter(article=lisbon).count() == 1
    meeting = Meeting.objects.get(articles=lisbon)
    assert meeting.visit == Visit.objects.get(articles=lisbon)
    assert MeetingParticipant.objects.filter(meeting=meeting).count() == 2


def test_rejecting_marks_the_proposal_rejected_and_creates_nothing(staff_client, staff, lisbon):
    correia = proposal(lisbon, "person", name=CORREIA)
    before = stored()

    response = decide(staff_client, lisbon, "reject", correia)

    correia.refresh_from_db()
    assert (correia.decision, correia.decided_by) == ("rejected", staff)
    assert not Official.objects.filter(name=CORREIA).exists()
    assert stored()["visits.Official"] == before["visits.Official"]
    assert messages_of(response) == [f"“{CORREIA}” rejected."]
    assert f'id="proposal-{correia.pk}" class="proposal decision-rejected"' in (
        response.content.decode()
    )


def test_rejecting_an_accepted_person_unlinks_it_from_the_article(staff_client, lisbon):
    correia = proposal(lisbon, "person", name=CORREIA)
    decide(staff_client, lisbon, "accept", correia)

    decide(staff_client, lisbon, "reject", correia)

    assert not ArticleOfficial.objects.filter(article=lisbon).exists()
    assert Official.objects.filter(name=CORREIA).exists()


def test_a_refused_acceptance_shows_why_and_writes_nothing(staff_client, lisbon):
    decide(staff_client, lisbon, "reject", proposal(lisbon, "person", name=HAMMOUCHI))
    before = stored()

    response = decide(staff_client, lisbon, "accept", proposal(lisbon, "visit"))

    assert stored() == before
    (message,) = response.context["messages"]
    assert message.level_tag == "error"
    assert str(message) == (
        f"“{HAMMOUCHI} → Portugal” was not accepted. "
        f"The visitor {HAMMOUCHI} was rejected: a visit needs a visitor."
    )
    assert proposal(lisbon, "visit").decision == "pending"


def test_accepting_all_pending_accepts_every_proposal_and_links_the_records(staff_client, lisbon):
    count = lisbon.proposals.count()

    response = decide(staff_client, lisbon, "accept_pending")

    assert set(lisbon.proposals.values_list("decision", flat=True)) == {"accepted"}
    assert messages_of(response) == [f"{count} proposals accepted."]
    visit = Visit.objects.get(articles=lisbon)
    assert Meeting.objects.get(articles=lisbon).visit == visit
    assert {o.name for o in lisbon.officials.all()} == {HAMMOUCHI, CORREIA}
    assert set(lisbon.organizations.values_list("acronym", flat=True)) == {"DGSN", "DGST"}
    assert {(c.country.code, c.role) for c in lisbon.country_links.all()} == {
        ("PT", "host"),
        ("MA", "origin"),
    }
    assert 'value="accept_pending"' not in response.content.decode()


def test_accepting_all_pending_leaves_rejected_proposals_alone(staff_client, lisbon):
    correia = proposal(lisbon, "person", name=CORREIA)
    decide(staff_client, lisbon, "reject", correia)

    decide(staff_client, lisbon, "accept_pending")

    correia.refresh_from_db()
    assert correia.decision == "rejected"
    assert not Official.objects.filter(name=CORREIA).exists()
    assert lisbon.proposals.filter(decision="pending").count() == 0


def test_rejecting_all_pending_rejects_them_and_creates_nothing(staff_client, lisbon):
    before = stored()

    response = decide(staff_client, lisbon, "reject_pending")

    assert set(lisbon.proposals.values_list("decision", flat=True)) == {"rejected"}
    assert messages_of(response) == [f"{lisbon.proposals.count()} proposals rejected."]
    assert stored()["visits.Official"] == before["visits.Official"]
    assert stored()["newsroom.ArticleOfficial"] == before["newsroom.ArticleOfficial"]


def test_a_proposal_of_another_article_is_refused(staff_client, lisbon):
    other = factories.ArticleFactory()
    before = stored()

    response = decide(staff_client, other, "accept", proposal(lisbon, "person", name=CORREIA))

    assert stored() == before
    (message,) = response.context["messages"]
    assert message.level_tag == "error"


def test_a_review_page_shows_what_it_was_decided_with_links_to_the_records(staff_client, lisbon):
    decide(staff_client, lisbon, "accept", proposal(lisbon, "visit"))

    response = staff_client.get(review_url(lisbon))

    visit = Visit.objects.get(articles=lisbon)
    page = response.content.decode()
    assert f'href="{admin_url("visits_visit_change", visit.pk)}"' in page
    assert response.context["counts"] == {
        "pending": lisbon.proposals.count() - 2,
        "accepted": 2,
        "rejected": 0,
    }


def test_the_article_change_page_links_to_its_review(staff_client, lisbon):
    response = staff_client.get(admin_url("newsroom_article_change", lisbon.pk))

    page = response.content.decode()
    assert f'href="{review_url(lisbon)}"' in page
    assert f"({lisbon.proposals.count()} pending)" in page


def test_a_review_page_escapes_what_the_text_says(staff_client, seed):
    text = LISBON.replace(
        "title: Abdellatif Hammouchi en visite de travail au Portugal",
        "title: Visite <script>alert('titre')</script> au Portugal",
    ).replace(f"{CORREIA},", f"{CORREIA}, <script>alert(1)</script>")

    response = staff_client.post(ingest_url(), {"text": text}, follow=True)

    page = response.content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#x27;titre&#x27;)&lt;/script&gt;" in page


# -- who may -----------------------------------------------------------------------------------
def staff_with(*codenames):
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.force_login(user)
    return client


def test_staff_without_the_add_permission_may_not_import(db):
    client = staff_with("view_article", "change_article")
    before = stored()

    assert client.get(ingest_url()).status_code == 403
    assert paste(client, LISBON).status_code == 403
    assert stored() == before
    changelist = client.get(admin_url("newsroom_article_changelist"))
    assert ingest_url() not in changelist.content.decode()


def test_staff_without_the_change_permission_may_not_review(lisbon):
    client = staff_with("view_article", "add_article")
    correia = proposal(lisbon, "person", name=CORREIA)

    assert client.get(review_url(lisbon)).status_code == 403
    response = client.post(review_url(lisbon), {"decide": "accept", "proposal": correia.pk})
    assert response.status_code == 403
    correia.refresh_from_db()
    assert correia.decision == "pending"


def test_an_editor_with_add_and_change_permissions_imports_and_reviews(seed):
    client = staff_with("view_article", "add_article", "change_article")

    article = imported(client, LISBON)
    decide(client, article, "accept", proposal(article, "person", name=CORREIA))

    assert Official.objects.filter(name=CORREIA).exists()


@pytest.mark.parametrize("page", ["ingest", "review"])
def test_anonymous_users_are_sent_to_the_login_page(client, lisbon, page):
    client.logout()
    url = ingest_url() if page == "ingest" else review_url(lisbon)

    posted = {"text": LISBON, "decide": "accept_pending"}
    for response in (client.get(url), client.post(url, posted)):
        assert response.status_code == 302
        assert response.url.startswith(f"{admin_url('login')}?next=")
    assert set(lisbon.proposals.values_list("decision", flat=True)) == {"pending"}


def test_a_post_without_the_csrf_token_is_refused(staff, lisbon):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    before = stored()

    assert client.post(ingest_url(), {"text": LISBON + "\nUn ajout."}).status_code == 403
    assert client.post(review_url(lisbon), {"decide": "accept_pending"}).status_code == 403
    assert stored() == before


def test_an_unknown_article_sends_back_to_the_admin_index(staff_client):
    response = staff_client.get(admin_url("newsroom_article_review", 999_999))

    assert response.status_code == 302


# -- the proposals' own list -------------------------------------------------------------------
def test_pending_proposals_are_listed_across_articles(staff_client, lisbon):
    decide(staff_client, lisbon, "accept", proposal(lisbon, "person", name=CORREIA))

    response = staff_client.get(
        admin_url("newsroom_proposal_changelist"), {"decision__exact": "pending"}
    )

    listed = set(response.context["cl"].result_list)
    assert listed == set(lisbon.proposals.filter(decision="pending"))
    assert f'href="{review_url(lisbon)}"' in response.content.decode()


def test_proposals_are_found_by_their_passage(staff_client, lisbon):
    response = staff_client.get(admin_url("newsroom_proposal_changelist"), {"q": "Barros Correia"})

    assert {p.kind for p in response.context["cl"].result_list} == {"person", "meeting", "visit"}


def test_proposals_cannot_be_added_or_edited_in_their_own_admin(staff_client, lisbon):
    correia = proposal(lisbon, "person", name=CORREIA)

    assert staff_client.get(admin_url("newsroom_proposal_add")).status_code == 403
    response = staff_client.post(
        admin_url("newsroom_proposal_change", correia.pk), {"decision": "accepted"}
    )
    assert response.status_code == 403
    correia.refresh_from_db()
    assert correia.decision == "pending"
