"""Acceptance: the two seed texts give exactly what issue 5 says."""

import pytest

from newsroom.services import ingest_text
from tests.ingest_support import SEED_2024, SEED_2025, names, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def igef_2024(seed):
    return ingest_text(text=SEED_2024.read_bytes(), path=str(SEED_2024)).to_dict()


@pytest.fixture
def igef_2025(seed):
    return ingest_text(text=SEED_2025.read_bytes(), path=str(SEED_2025)).to_dict()


def test_seed_texts_already_stored_report_exists(igef_2024, igef_2025):
    assert igef_2024["status"] == "exists"
    assert igef_2025["status"] == "exists"


def test_2024_is_a_working_visit_by_hammouchi_to_turkey(igef_2024):
    [visit] = igef_2024["visits"]
    assert visit["visitor"] == "Abdelatif Hammouchi"
    assert visit["host_country"] == "TR"
    assert visit["kind"] == "working"
    assert (visit["start"], visit["end"], visit["precision"]) == ("2024-09-19", "2024-09-21", "day")
    assert visit["event"] == "IGEF 2024"


def test_2024_abdelatif_resolves_to_abdellatif_hammouchi(igef_2024):
    hammouchi = person(igef_2024, "Abdelatif Hammouchi")
    assert hammouchi["official"] == {"slug": "abdellatif-hammouchi", "name": "Abdellatif Hammouchi"}
    assert hammouchi["role"] == "visitor"


def test_2024_year_comes_from_the_date_header(igef_2024):
    assert igef_2024["article"]["published_on"] == "2024-09"


def test_2024_event_igef24_is_igef_2024(igef_2024):
    [event] = igef_2024["events"]
    assert event["event"] == {"slug": "igef-2024", "name": "IGEF 2024"}
    assert (event["start"], event["end"], event["city"]) == ("2024-09-19", "2024-09-21", "Ankara")


def test_2024_meetings_with_karaloglu_and_yildiz(igef_2024):
    met = [set(m["participants"]) for m in igef_2024["meetings"]]
    assert met == [
        {"Abdelatif Hammouchi", "Munir Karaloğlu"},
        {"Abdelatif Hammouchi", "Salami Yıldız"},
    ]
    assert names(igef_2024, "met") == {"Munir Karaloğlu", "Salami Yıldız"}


def test_2024_has_no_person_hammouchia(igef_2024):
    assert not any("hammouchia" in p["name"].lower() for p in igef_2024["people"])
    assert names(igef_2024) == {"Abdelatif Hammouchi", "Munir Karaloğlu", "Salami Yıldız"}


def test_2025_is_an_official_visit_to_ankara_on_the_igef_2025_dates(igef_2025):
    [visit] = igef_2025["visits"]
    assert visit["visitor"] == "Abdellatif Hammouchi"
    assert (visit["host_country"], visit["city"], visit["kind"]) == ("TR", "Ankara", "official")
    assert (visit["start"], visit["end"], visit["precision"]) == ("2025-09-18", "2025-09-20", "day")
    assert visit["event"] == "IGEF 2025"


def test_2025_meets_demirtas_and_three_unnamed_heads_of_delegation(igef_2025):
    participants = [m["participants"] for m in igef_2025["meetings"]]
    assert ["Abdellatif Hammouchi", "Mahmoud Demirtaş"] in participants
    counterparts = [p for m in participants for p in m if isinstance(p, dict)]
    assert counterparts == [
        {"country": "SA", "role": "chef de délégation"},
        {"country": "JO", "role": "chef de délégation"},
        {"country": "MY", "role": "chef de délégation"},
    ]


def test_2025_mentioned_events(igef_2025):
    events = {e["event"]["slug"]: e for e in igef_2025["events"] if e["event"]}
    interpol = events["assemblee-generale-interpol-93"]
    assert (interpol["city"], interpol["start"], interpol["precision"]) == (
        "Marrakech",
        "2025-11",
        "month",
    )
    assert events["coupe-afrique-des-nations-2025"]["start"] == "2025"
    assert events["coupe-du-monde-2030"]["start"] == "2030"


def test_2025_spain_and_portugal_only_mentioned(igef_2025):
    roles = {c["code"]: c["role"] for c in igef_2025["countries"]}
    assert roles["ES"] == roles["PT"] == "mentioned"
    assert roles["TR"] == "host"


def test_2025_read_also_teaser_gives_no_meeting_and_no_visit(igef_2025):
    assert len(igef_2025["visits"]) == 1
    assert not any(m["city"] == "Rabat" for m in igef_2025["meetings"])
    roles = {c["code"]: c["role"] for c in igef_2025["countries"]}
    assert roles.get("FR", "mentioned") == "mentioned"
    assert all(len(m["participants"]) == 2 for m in igef_2025["meetings"])
