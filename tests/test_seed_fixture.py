"""The seed fixture: the records an editor makes from the two seed articles, and only those."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django_countries.fields import CountryField

from newsroom.models import (
    Article,
    ArticleCountry,
    ArticleEvent,
    ArticleMeeting,
    ArticleOfficial,
    ArticleOrganization,
    ArticleVisit,
    content_hash,
)
from tests.factories import ArticleFactory, MeetingParticipantFactory, OrganizationFactory
from visits.models import (
    Event,
    EventSeries,
    Meeting,
    MeetingParticipant,
    Official,
    OfficialName,
    Organization,
    Position,
    Status,
    Topic,
    Visit,
)
from visits.names import match_official, normalize_name

REPO = Path(__file__).resolve().parents[1]
ARTICLE_FILES = REPO / "fixtures" / "articles"
SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
HEADER_2024 = "date 2024-09 "

HAMMOUCHI_TITLE = "directeur général de la Sûreté nationale et de la Surveillance du territoire"

EXPECTED_COUNTS = {
    Organization: 6,
    Official: 4,
    OfficialName: 1,
    Position: 5,
    Topic: 8,
    EventSeries: 2,
    Event: 5,
    Visit: 2,
    Meeting: 6,
    MeetingParticipant: 12,
    Article: 2,
    ArticleOfficial: 5,
    ArticleOrganization: 8,
    ArticleEvent: 5,
    ArticleVisit: 2,
    ArticleMeeting: 6,
    ArticleCountry: 9,
}
LINK_MODELS = [ArticleOfficial, ArticleOrganization, ArticleEvent, ArticleVisit, ArticleMeeting]


def seed_models():
    """Every table the seed fills, many-to-many tables included, history excluded."""
    return [
        model
        for label in ("visits", "newsroom")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model.__name__.startswith("Historical")
    ]


def snapshot():
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in seed_models()
    }


def read_text(name: str) -> str:
    return (ARTICLE_FILES / name).read_text(encoding="utf-8")


# Loading.


def test_seed_loads_the_records_made_from_the_two_articles(seed):
    assert {model: model._default_manager.count() for model in EXPECTED_COUNTS} == EXPECTED_COUNTS


def test_loading_the_seed_twice_changes_nothing(seed):
    before = snapshot()
    call_command("loaddata", "seed", verbosity=0)
    assert snapshot() == before


def test_seed_loads_beside_other_records_without_touching_them(db):
    other_org = OrganizationFactory(name="Garde civile", slug="garde-civile", country="ES")
    other_participant = MeetingParticipantFactory()
    other_article = ArticleFactory(title="Un autre article", slug="un-autre-article")
    before = {
        obj: obj._meta.model.objects.filter(pk=obj.pk).values().get()
        for obj in [other_org, other_participant, other_article]
    }

    call_command("loaddata", "seed", verbosity=0)

    for obj, values in before.items():
        assert obj._meta.model.objects.filter(pk=obj.pk).values().get() == values
    assert Organization.objects.count() == EXPECTED_COUNTS[Organization] + 1
    assert Article.objects.count() == EXPECTED_COUNTS[Article] + 1


def test_seed_json_carries_no_database_ids():
    text = (REPO / "fixtures" / "seed.json").read_text(encoding="utf-8")
    assert '"pk"' not in text
    assert "Historical" not in text


# The texts.


def test_article_files_are_byte_identical_to_the_shared_seeds():
    if not SHARED_SEEDS.is_dir():
        pytest.skip(f"{SHARED_SEEDS} is not there to compare against")
    ours = sorted(path.read_bytes() for path in ARTICLE_FILES.glob("*.txt"))
    shared = sorted(path.read_bytes() for path in SHARED_SEEDS.glob("*.txt"))
    assert ours == shared


def test_2024_body_is_its_file_without_the_date_header(seed):
    text = read_text("igef-2024.txt")
    assert text.lstrip().startswith(HEADER_2024)
    body = Article.objects.get(slug="igef-2024").body
    assert body == text.split(HEADER_2024, 1)[1].removesuffix("\n")
    assert body.startswith("Le directeur général")


def test_2025_body_is_its_whole_file(seed):
    assert Article.objects.get(slug="igef-2025").body == read_text("igef-2025.txt").removesuffix(
        "\n"
    )


# People and organizations.


def test_officials_are_the_four_people_the_texts_name(seed):
    assert dict(Official.objects.values_list("slug", "name")) == {
        "abdellatif-hammouchi": "Abdellatif Hammouchi",
        "mahmoud-demirtas": "Mahmoud Demirtaş",
        "munir-karaloglu": "Munir Karaloğlu",
        "salami-yildiz": "Salami Yıldız",
    }
    assert dict(Official.objects.values_list("slug", "country")) == {
        "abdellatif-hammouchi": "MA",
        "mahmoud-demirtas": "TR",
        "munir-karaloglu": "TR",
        "salami-yildiz": "TR",
    }


def test_the_2024_spelling_of_hammouchi_is_a_misspelling_on_record(seed):
    assert list(OfficialName.objects.values_list("official__slug", "name", "kind")) == [
        ("abdellatif-hammouchi", "Abdelatif Hammouchi", OfficialName.Kind.MISSPELLING)
    ]


def test_no_hammouchia_official_or_name(seed):
    assert not Official.objects.filter(name__icontains="hammouchia").exists()
    assert not OfficialName.objects.filter(name__icontains="hammouchia").exists()
    assert match_official("Hammouchia") is None


def test_positions_are_the_titles_the_texts_give_without_dates(seed):
    positions = {
        (p.official.slug, p.organization.slug if p.organization else None, p.title)
        for p in Position.objects.select_related("official", "organization")
    }
    assert positions == {
        ("abdellatif-hammouchi", "dgsn", "directeur général"),
        ("abdellatif-hammouchi", "dgst", "directeur général"),
        ("mahmoud-demirtas", "police-nationale-turque", "directeur général"),
        ("munir-karaloglu", "ministere-interieur-turc", "ministre délégué"),
        ("salami-yildiz", None, "directeur général des renseignements"),
    }
    assert not Position.objects.filter(start__isnull=False).exists()
    assert not Position.objects.filter(end__isnull=False).exists()


def test_organizations_have_their_acronyms_kinds_countries_and_parents(seed):
    found = {
        org.slug: (org.name, org.acronym, org.kind, org.country.code or "", org.parent)
        for org in Organization.objects.select_related("parent")
    }
    pole = Organization.objects.get(slug="pole-dgsn-dgst")
    assert found == {
        "pole-dgsn-dgst": ("Pôle DGSN-DGST", "DGSN-DGST", "other", "MA", None),
        "dgsn": ("Direction générale de la sûreté nationale", "DGSN", "police", "MA", pole),
        "dgst": (
            "Direction générale de la surveillance du territoire",
            "DGST",
            "intelligence",
            "MA",
            pole,
        ),
        "police-nationale-turque": ("Police nationale turque", "", "police", "TR", None),
        "ministere-interieur-turc": ("Ministère de l'Intérieur turc", "", "ministry", "TR", None),
        "interpol": ("Interpol", "", "international", "", None),
    }


@pytest.mark.parametrize(
    ("spelling", "slug"),
    [
        ("Abdellatif Hammouchi", "abdellatif-hammouchi"),
        ("Abdelatif Hammouchi", "abdellatif-hammouchi"),
        ("ABDELLATIF HAMMOUCHİ", "abdellatif-hammouchi"),
        ("Mahmoud Demirtas", "mahmoud-demirtas"),
        ("Munir Karaloglu", "munir-karaloglu"),
        ("salami yildiz", "salami-yildiz"),
    ],
)
def test_name_matching_finds_seed_officials_from_any_spelling(seed, spelling, slug):
    assert match_official(spelling).slug == slug


# Topics and events.


def test_topics_are_those_the_texts_discuss(seed):
    assert dict(Topic.objects.values_list("slug", "name")) == {
        "criminalite-transnationale-organisee": "criminalité transnationale organisée",
        "cybercriminalite": "cybercriminalité",
        "formation-policiere": "formation policière",
        "gestion-des-crises": "gestion des crises",
        "migration-irreguliere": "migration irrégulière",
        "securite-des-grands-evenements": "sécurité des grands événements",
        "technologies-de-securite": "technologies de sécurité",
        "terrorisme": "terrorisme",
    }
    assert all(slug.isascii() for slug in Topic.objects.values_list("slug", flat=True))


def test_event_series_are_igef_and_interpol_general_assembly(seed):
    series = {s.slug: (s.acronym, s.kind, s.organizer) for s in EventSeries.objects.all()}
    assert series == {
        "igef": ("IGEF", "fair", None),
        "assemblee-generale-interpol": (
            "",
            "assembly",
            Organization.objects.get(slug="interpol"),
        ),
    }
    assert EventSeries.objects.get(slug="igef").name == (
        "Salon international des équipements de sécurité intérieure"
    )


EVENTS = {
    "igef-2024": ("igef", "2024", "fair", "2024-09-19", "2024-09-21", "day", "Ankara", "TR", []),
    "igef-2025": ("igef", "2025", "fair", "2025-09-18", "2025-09-20", "day", "Ankara", "TR", []),
    "assemblee-generale-interpol-93": (
        "assemblee-generale-interpol",
        "93",
        "assembly",
        "2025-11",
        None,
        "month",
        "Marrakech",
        "MA",
        [],
    ),
    "coupe-afrique-des-nations-2025": (None, "", "sports", "2025", None, "year", "", "MA", []),
    "coupe-du-monde-2030": (None, "", "sports", "2030", None, "year", "", "MA", ["ES", "PT"]),
}


def test_events_have_their_partial_dates_places_and_co_hosts(seed):
    found = {
        e.slug: (
            e.series.slug if e.series else None,
            e.edition,
            e.kind,
            e.start_iso,
            e.end_iso,
            e.precision,
            e.city,
            e.country.code,
            sorted(c.code for c in e.co_host_countries),
        )
        for e in Event.objects.select_related("series")
    }
    assert found == EVENTS
    assert Event.objects.get(slug="assemblee-generale-interpol-93").organizer.slug == "interpol"


# Visits and meetings.


@pytest.mark.parametrize(
    ("event", "kind", "start", "end", "invited_by"),
    [
        ("igef-2024", Visit.Kind.WORKING, "2024-09-19", "2024-09-21", "les autorités turques"),
        ("igef-2025", Visit.Kind.OFFICIAL, "2025-09-18", "2025-09-20", ""),
    ],
)
def test_hammouchi_visits_ankara_for_igef(seed, event, kind, start, end, invited_by):
    visit = Visit.objects.get(event__slug=event)
    assert visit.visitor.slug == "abdellatif-hammouchi"
    assert (visit.origin_country.code, visit.host_country.code, visit.city) == (
        "MA",
        "TR",
        "Ankara",
    )
    assert (visit.kind, visit.start_iso, visit.end_iso, visit.precision) == (
        kind,
        start,
        end,
        "day",
    )
    assert visit.invited_by == invited_by
    assert visit.inviting_organization is None
    assert not visit.delegation.exists()
    assert visit.summary


def participants(visit_event: str) -> set[frozenset]:
    """Each meeting of the visit as the set of (official, country, role, title) taking part."""
    return {
        frozenset(
            (p.official.slug if p.official else None, p.country.code or "", p.role, p.title)
            for p in meeting.participants.select_related("official")
        )
        for meeting in Meeting.objects.filter(visit__event__slug=visit_event)
    }


HAMMOUCHI = ("abdellatif-hammouchi", "", "", HAMMOUCHI_TITLE)


def test_the_2024_visit_has_two_meetings_with_karaloglu_and_yildiz(seed):
    assert participants("igef-2024") == {
        frozenset(
            {
                HAMMOUCHI,
                ("munir-karaloglu", "", "", "ministre délégué au ministère de l'Intérieur turc"),
            }
        ),
        frozenset({HAMMOUCHI, ("salami-yildiz", "", "", "directeur général des renseignements")}),
    }


def test_the_2025_visit_meets_demirtas_and_three_unnamed_heads_of_delegation(seed):
    assert participants("igef-2025") == {
        frozenset(
            {
                HAMMOUCHI,
                ("mahmoud-demirtas", "", "", "directeur général de la police nationale turque"),
            }
        ),
        *(
            frozenset({HAMMOUCHI, (None, code, "chef de délégation", "")})
            for code in ["SA", "JO", "MY"]
        ),
    }


def test_meetings_are_dated_to_the_month_of_their_visit_in_turkey(seed):
    found = {
        (m.visit.event.slug, m.date_iso, m.precision, m.country.code) for m in Meeting.objects.all()
    }
    assert found == {
        ("igef-2024", "2024-09", "month", "TR"),
        ("igef-2025", "2025-09", "month", "TR"),
    }
    assert not Meeting.objects.filter(visit__isnull=True).exists()


def test_meeting_topics_are_those_the_texts_state(seed):
    demirtas = Meeting.objects.get(participants__official__slug="mahmoud-demirtas")
    assert set(demirtas.topics.values_list("slug", flat=True)) == {
        "criminalite-transnationale-organisee",
        "cybercriminalite",
        "formation-policiere",
        "gestion-des-crises",
        "migration-irreguliere",
        "technologies-de-securite",
    }
    assert not Meeting.objects.exclude(pk=demirtas.pk).filter(topics__isnull=False).exists()


# Articles and their links.


@pytest.mark.parametrize(
    ("slug", "published"), [("igef-2024", "2024-09"), ("igef-2025", "2025-09")]
)
def test_articles_are_published_french_texts_without_invented_source(seed, slug, published):
    article = Article.objects.get(slug=slug)
    assert (article.status, article.language, article.published_iso) == (
        Status.PUBLISHED,
        "fr",
        published,
    )
    assert (article.outlet, article.url, article.author) == (None, "", "")
    assert article.title and article.summary
    assert article.topics.exists()


LINKS = {
    ArticleOfficial: {
        "igef-2024": {"abdellatif-hammouchi", "munir-karaloglu", "salami-yildiz"},
        "igef-2025": {"abdellatif-hammouchi", "mahmoud-demirtas"},
    },
    ArticleOrganization: {
        "igef-2024": {"dgsn", "dgst", "pole-dgsn-dgst", "ministere-interieur-turc"},
        "igef-2025": {"dgsn", "dgst", "police-nationale-turque", "interpol"},
    },
    ArticleEvent: {
        "igef-2024": {"igef-2024"},
        "igef-2025": {
            "igef-2025",
            "assemblee-generale-interpol-93",
            "coupe-afrique-des-nations-2025",
            "coupe-du-monde-2030",
        },
    },
}


@pytest.mark.parametrize("model", list(LINKS))
def test_articles_link_to_the_records_they_name(seed, model):
    found = {slug: set() for slug in LINKS[model]}
    for link in model.objects.select_related("article", model.target_field):
        found[link.article.slug].add(getattr(link, model.target_field).slug)
    assert found == LINKS[model]


def test_each_article_links_its_visit_and_every_meeting_of_it(seed):
    for article in Article.objects.all():
        visit = Visit.objects.get(event__slug=article.slug)
        assert list(article.visits.all()) == [visit]
        assert set(article.meetings.all()) == set(visit.meetings.all())


def test_articles_link_the_countries_they_report_with_their_roles(seed):
    found = {(c.article.slug, c.country.code, c.role) for c in ArticleCountry.objects.all()}
    assert found == {
        ("igef-2024", "TR", "host"),
        ("igef-2024", "MA", "origin"),
        ("igef-2025", "TR", "host"),
        ("igef-2025", "MA", "origin"),
        *(("igef-2025", code, "mentioned") for code in ["SA", "JO", "MY", "ES", "PT"]),
    }


@pytest.mark.parametrize("model", [*LINK_MODELS, ArticleCountry])
def test_every_quote_is_a_verbatim_passage_of_its_article(seed, model):
    for link in model.objects.select_related("article"):
        assert link.quote, link
        assert link.quote in link.article.body, link


# Consistency.


def test_derived_fields_match_what_save_computes(seed):
    for article in Article.objects.all():
        assert article.content_hash == content_hash(article.body)
    for official in Official.objects.all():
        assert official.name_normalized == normalize_name(official.name)
    for other in OfficialName.objects.all():
        assert other.normalized == normalize_name(other.name)


def test_visits_meetings_and_events_are_published(seed):
    for model in [Event, Visit, Meeting, Article]:
        assert set(model.objects.values_list("status", flat=True)) == {Status.PUBLISHED}


def test_no_france_anywhere_despite_the_read_also_teaser(seed):
    for model in seed_models():
        for obj in model._default_manager.all():
            for field in obj._meta.concrete_fields:
                value = getattr(obj, field.attname)
                if isinstance(field, CountryField):
                    codes = [c.code for c in value] if field.multiple else [value.code]
                    assert "FR" not in codes, obj
                elif isinstance(value, str) and field.name != "body":
                    assert "France" not in value, obj


def test_every_record_passes_full_clean(seed):
    for model in seed_models():
        if model._meta.auto_created:
            continue
        for obj in model._default_manager.all():
            obj.full_clean()


def test_every_seed_model_with_rows_has_a_natural_key(seed):
    for model in seed_models():
        if model._meta.auto_created or not model._default_manager.exists():
            continue
        assert hasattr(model, "natural_key"), model
        assert hasattr(model._default_manager, "get_by_natural_key"), model
