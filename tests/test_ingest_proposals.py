"""Accepting and rejecting proposals: records created or linked, never twice."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from newsroom.models import (
    Article,
    ArticleCountry,
    ArticleMeeting,
    ArticleOfficial,
    ArticleVisit,
    Proposal,
)
from newsroom.services import ingest_text, proposal_accept, proposal_reject
from tests.ingest_support import EVAL
from visits.models import MeetingParticipant, Official, OfficialName, Visit

pytestmark = pytest.mark.django_db

RECEPTION = EVAL / "03-rabat-reception.txt"


@pytest.fixture
def article(seed):
    result = ingest_text(text=RECEPTION.read_bytes(), path=str(RECEPTION))
    return Article.objects.get(pk=result.article_id)


def proposal(article, kind, **data):
    for candidate in article.proposals.filter(kind=kind):
        if all(candidate.data.get(key) == value for key, value in data.items()):
            return candidate
    raise AssertionError(f"no {kind} proposal with {data}")


def test_accepting_a_known_official_links_it_with_the_passage(article, staff):
    demirtas = proposal(article, "person", name="Mahmoud Demirtas")
    official = proposal_accept(proposal=demirtas, user=staff)
    assert official.slug == "mahmoud-demirtas"
    link = ArticleOfficial.objects.get(article=article, official=official)
    assert "Mahmoud Demirtas" in link.quote
    demirtas.refresh_from_db()
    assert (demirtas.decision, demirtas.decided_by, demirtas.target) == (
        Proposal.Decision.ACCEPTED,
        staff,
        official,
    )


def test_a_new_spelling_becomes_an_other_name_once(article, staff):
    demirtas = proposal(article, "person", name="Mahmoud Demirtas")
    proposal_accept(proposal=demirtas, user=staff)
    proposal_accept(proposal=demirtas, user=staff)
    # "Demirtas" normalizes like "Demirtaş": no new name is needed.
    assert not OfficialName.objects.filter(official__slug="mahmoud-demirtas").exists()


def test_an_unknown_person_becomes_a_new_official_with_a_variant(staff, seed):
    result = ingest_text(
        text="Le ministre délégué chargé de la sécurité, Rachid Tazi, a reçu à Rabat "
        "le directeur de la police turque, Mahmoud Demirtaş, en visite de travail au Maroc."
    )
    article = Article.objects.get(pk=result.article_id)
    official = proposal_accept(proposal=proposal(article, "person", name="Rachid Tazi"), user=staff)
    assert (official.name, official.slug) == ("Rachid Tazi", "rachid-tazi")
    hammouchi = Official.objects.get(slug="abdellatif-hammouchi")
    typo = Proposal.objects.create(
        article=article,
        kind="person",
        position=99,
        data={"name": "Abdellatif Hamouchi", "official": {"slug": hammouchi.slug}},
    )
    proposal_accept(proposal=typo, user=staff)
    proposal_accept(proposal=typo, user=staff)
    variant = OfficialName.objects.get(official=hammouchi, name="Abdellatif Hamouchi")
    assert variant.kind == OfficialName.Kind.MISSPELLING


def test_accepting_a_visit_creates_it_with_its_visitor_dates_and_link(article, staff):
    visit = proposal_accept(proposal=proposal(article, "visit"), user=staff)
    assert visit.visitor.slug == "mahmoud-demirtas"
    assert (visit.origin_country.code, visit.host_country.code, visit.city) == ("TR", "MA", "Rabat")
    assert (visit.start, visit.end, visit.precision) == (
        datetime.date(2024, 3, 12),
        datetime.date(2024, 3, 14),
        "day",
    )
    assert visit.kind == Visit.Kind.WORKING
    assert visit.status == "draft"
    assert ArticleVisit.objects.filter(article=article, visit=visit).exists()
    # The visitor's own proposal was accepted with it.
    assert proposal(article, "person", name="Mahmoud Demirtas").decision == "accepted"


def test_accepting_twice_creates_nothing_twice(article, staff):
    visit_proposal = proposal(article, "visit")
    first = proposal_accept(proposal=visit_proposal, user=staff)
    second = proposal_accept(proposal=visit_proposal, user=staff)
    assert first == second
    assert Visit.objects.filter(visitor__slug="mahmoud-demirtas").count() == 1
    assert ArticleVisit.objects.filter(article=article).count() == 1


def test_meeting_joins_its_visit_with_named_participants(article, staff):
    visit = proposal_accept(proposal=proposal(article, "visit"), user=staff)
    meetings = list(article.proposals.filter(kind="meeting"))
    meeting = proposal_accept(proposal=meetings[0], user=staff)
    assert meeting.visit == visit
    assert meeting.date_iso == "2024-03-13"
    assert {p.official.slug for p in meeting.participants.all()} == {
        "abdellatif-hammouchi",
        "mahmoud-demirtas",
    }
    assert ArticleMeeting.objects.filter(article=article, meeting=meeting).exists()
    proposal_accept(proposal=meetings[0], user=staff)
    assert MeetingParticipant.objects.filter(meeting=meeting).count() == 2


def test_meeting_accepted_before_its_visit_is_adopted_by_it(article, staff):
    meeting = proposal_accept(proposal=article.proposals.filter(kind="meeting").first(), user=staff)
    assert meeting.visit is None
    visit = proposal_accept(proposal=proposal(article, "visit"), user=staff)
    meeting.refresh_from_db()
    assert meeting.visit == visit


def test_unnamed_counterparts_become_participants_with_country_and_role(staff, seed):
    text = (
        "Abdellatif Hammouchi effectue une visite officielle en Turquie. Il a échangé avec "
        "les chefs de délégations de Jordanie et de Malaisie."
    )
    article = Article.objects.get(pk=ingest_text(text=text).article_id)
    for meeting_proposal in article.proposals.filter(kind="meeting"):
        proposal_accept(proposal=meeting_proposal, user=staff)
    counterparts = MeetingParticipant.objects.filter(
        official__isnull=True, meeting__article_links__article=article
    )
    assert {(p.country.code, p.role) for p in counterparts} == {
        ("JO", "chef de délégation"),
        ("MY", "chef de délégation"),
    }


def test_country_proposal_links_the_country_with_its_role(article, staff):
    link = proposal_accept(proposal=proposal(article, "country", code="MA"), user=staff)
    assert (link.country.code, link.role) == ("MA", "host")
    assert ArticleCountry.objects.get(article=article).quote


def test_rejecting_an_accepted_proposal_unlinks_but_keeps_the_record(article, staff):
    demirtas = proposal(article, "person", name="Mahmoud Demirtas")
    official = proposal_accept(proposal=demirtas, user=staff)
    proposal_reject(proposal=demirtas, user=staff)
    demirtas.refresh_from_db()
    assert demirtas.decision == Proposal.Decision.REJECTED
    assert not ArticleOfficial.objects.filter(article=article).exists()
    assert Official.objects.filter(pk=official.pk).exists()


def test_a_visit_whose_visitor_was_rejected_cannot_be_accepted(article, staff):
    proposal_reject(proposal=proposal(article, "person", name="Mahmoud Demirtas"), user=staff)
    with pytest.raises(ValidationError):
        proposal_accept(proposal=proposal(article, "visit"), user=staff)
    assert not Visit.objects.filter(visitor__slug="mahmoud-demirtas").exists()


def test_the_same_visit_in_a_second_article_is_linked_not_duplicated(staff, seed):
    first = Article.objects.get(pk=ingest_text(text=RECEPTION.read_bytes()).article_id)
    again = RECEPTION.read_text(encoding="utf-8").replace("Rabat –", "RABAT (MAP) –")
    second = Article.objects.get(pk=ingest_text(text=again).article_id)
    one = proposal_accept(proposal=proposal(first, "visit"), user=staff)
    two = proposal_accept(proposal=proposal(second, "visit"), user=staff)
    assert one == two
    assert Visit.objects.filter(visitor__slug="mahmoud-demirtas").count() == 1
    assert ArticleVisit.objects.filter(visit=one).count() == 2
