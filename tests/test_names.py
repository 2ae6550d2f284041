"""Name matching: any spelling of an official's name finds the official."""

import pytest

from tests.factories import OfficialFactory, OfficialNameFactory
from visits.models import Official
from visits.names import match_official, normalize_name


@pytest.mark.parametrize(
    ("spelling", "normalized"),
    [
        ("Abdellatif Hammouchi", "abdellatif hammouchi"),
        ("ABDELLATIF HAMMOUCHİ", "abdellatif hammouchi"),
        ("  Abdellatif   Hammouchi ", "abdellatif hammouchi"),
        ("Mahmoud Demirtaş", "mahmoud demirtas"),
        ("Salami Yıldız", "salami yildiz"),
        ("Münir Karaloğlu", "munir karaloglu"),
        ("Jean-Pierre Lévêque", "jean pierre leveque"),
        ("Łukasz Bøe", "lukasz boe"),
        ("", ""),
    ],
)
def test_normalize_name_ignores_case_accents_and_spacing(spelling, normalized):
    assert normalize_name(spelling) == normalized


@pytest.fixture
def hammouchi(db):
    official = OfficialFactory(name="Abdellatif Hammouchi", slug="abdellatif-hammouchi")
    OfficialNameFactory(official=official, name="Abdelatif Hammouchi")
    return official


@pytest.fixture
def demirtas(db):
    return OfficialFactory(name="Mahmoud Demirtaş", slug="mahmoud-demirtas", country="TR")


@pytest.mark.parametrize(
    "spelling",
    ["Abdellatif Hammouchi", "ABDELLATIF HAMMOUCHİ", "abdelatif hammouchi", "Abdelatif  HAMMOUCHI"],
)
def test_any_spelling_finds_hammouchi(hammouchi, demirtas, spelling):
    assert match_official(spelling) == hammouchi


@pytest.mark.parametrize("spelling", ["Mahmoud Demirtas", "MAHMOUD DEMIRTAŞ", "mahmoud  demirtaş"])
def test_any_spelling_finds_demirtas(hammouchi, demirtas, spelling):
    assert match_official(spelling) == demirtas


@pytest.mark.parametrize("spelling", ["", "Hammouchi", "Abdellatif", "M. Hammouchia", "Demirtaşı"])
def test_partial_or_unknown_names_match_no_one(hammouchi, demirtas, spelling):
    assert match_official(spelling) is None


def test_canonical_name_wins_over_another_officials_alias(db):
    canonical = OfficialFactory(name="Ali Benali")
    other = OfficialFactory(name="Ali Ben Ali")
    OfficialNameFactory(official=other, name="Ali Benali")
    assert match_official("ali benali") == canonical


def test_search_finds_an_official_by_part_of_any_name(hammouchi, demirtas):
    assert list(Official.objects.search("abdelatif")) == [hammouchi]
    assert list(Official.objects.search("DEMIRTAS")) == [demirtas]
    assert list(Official.objects.search("hammouchİ")) == [hammouchi]


def test_renaming_an_official_updates_the_normalized_form(hammouchi):
    hammouchi.name = "Abdellatif HAMMOUCHÍ"
    hammouchi.save()
    hammouchi.refresh_from_db()
    assert hammouchi.name_normalized == "abdellatif hammouchi"
