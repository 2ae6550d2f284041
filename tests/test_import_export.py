"""Import and export: natural keys, partial dates, lossless round trips, all rows or none."""

import datetime
import io

import pytest
import tablib
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from newsroom.models import (
    Article,
    ArticleCountry,
    ArticleEvent,
    ArticleMeeting,
    ArticleOfficial,
    ArticleOrganization,
    ArticleVisit,
    Outlet,
    content_hash,
)
from newsroom.resources import (
    ArticleCountryResource,
    ArticleEventResource,
    ArticleMeetingResource,
    ArticleOfficialResource,
    ArticleOrganizationResource,
    ArticleResource,
    ArticleVisitResource,
    OutletResource,
)
from tests.conftest import SEED_FIXTURE
from tests.factories import (
    ArticleFactory,
    EventFactory,
    EventSeriesFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    OfficialFactory,
    OfficialNameFactory,
    OrganizationFactory,
    OutletFactory,
    PositionFactory,
    TopicFactory,
    UserFactory,
    VisitFactory,
)
from visits.dates import DatePrecision
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
from visits.resources import (
    EventResource,
    EventSeriesResource,
    MeetingParticipantResource,
    MeetingResource,
    OfficialNameResource,
    OfficialResource,
    OrganizationResource,
    PositionResource,
    TopicResource,
    VisitResource,
)

# Every resource, in the order a database is loaded: each after those it refers to.
RESOURCES = [
    OrganizationResource,
    OfficialResource,
    OfficialNameResource,
    PositionResource,
    TopicResource,
    EventSeriesResource,
    EventResource,
    VisitResource,
    MeetingResource,
    MeetingParticipantResource,
    OutletResource,
    ArticleResource,
    ArticleOfficialResource,
    ArticleOrganizationResource,
    ArticleEventResource,
    ArticleVisitResource,
    ArticleMeetingResource,
    ArticleCountryResource,
]

# What must survive a round trip: natural keys, values, derived values and partial dates.
SNAPSHOT = {
    Organization: ("slug", "name", "acronym", "kind", "country", "parent__slug", "summary"),
    Official: ("slug", "name", "name_normalized", "country", "summary", "wikidata_id"),
    OfficialName: ("official__slug", "name", "kind", "normalized", "note"),
    Position: ("uid", "official__slug", "organization__slug", "title", "start", "end", "precision"),
    Topic: ("slug", "name", "description"),
    EventSeries: ("slug", "name", "acronym", "kind", "organizer__slug", "description"),
    Event: (
        *("slug", "name", "series__slug", "edition", "kind", "city", "country"),
        *("co_host_countries", "organizer__slug", "start", "end", "precision"),
        *("summary", "status"),
    ),
    Visit: (
        *("uid", "visitor__slug", "delegation__slug", "origin_country", "host_country"),
        *("city", "kind", "event__slug", "invited_by", "inviting_organization__slug"),
        *("start", "end", "precision", "summary", "status"),
    ),
    Meeting: (
        *("uid", "visit__uid", "date", "precision", "city", "country", "summary"),
        *("topics__slug", "status"),
    ),
    MeetingParticipant: (
        *("uid", "meeting__uid", "official__slug", "country", "organization__slug"),
        *("role", "title"),
    ),
    Outlet: ("slug", "name", "url", "country", "language"),
    Article: (
        *("slug", "title", "outlet__slug", "url", "author", "published_on"),
        *("published_precision", "language", "body", "summary", "content_hash"),
        *("topics__slug", "status"),
    ),
    ArticleOfficial: ("article__slug", "official__slug", "quote"),
    ArticleOrganization: ("article__slug", "organization__slug", "quote"),
    ArticleEvent: ("article__slug", "event__slug", "quote"),
    ArticleVisit: ("article__slug", "visit__uid", "quote"),
    ArticleMeeting: ("article__slug", "meeting__uid", "quote"),
    ArticleCountry: ("article__slug", "country", "role", "quote"),
}


def snapshot():
    """Every record as a tuple of natural keys and values."""
    return {
        model._meta.label: set(model._default_manager.values_list(*columns))
        for model, columns in SNAPSHOT.items()
    }


def history_count():
    return sum(model.history.count() for model in SNAPSHOT)


def build_records():
    """Officials with other names and posts, an event, a visit with its meetings, an article."""
    pole = OrganizationFactory(name="Pôle DGSN-DGST", slug="pole-dgsn-dgst", acronym="")
    # Named so that the child comes before its parent in an export ordered by name.
    dgsn = OrganizationFactory(
        name="Direction générale de la sûreté nationale", slug="dgsn", acronym="DGSN", parent=pole
    )
    turkish_police = OrganizationFactory(
        name="Police nationale turque", slug="police-turque", acronym="", country="TR"
    )
    hammouchi = OfficialFactory(name="Abdellatif Hammouchi", slug="abdellatif-hammouchi")
    OfficialNameFactory(
        official=hammouchi, name="Abdelatif Hammouchi", kind=OfficialName.Kind.MISSPELLING
    )
    demirtas = OfficialFactory(name="Mahmoud Demirtaş", slug="mahmoud-demirtas", country="TR")
    OfficialNameFactory(official=demirtas, name="Mahmoud Demirtas", note="Sans cédille.")
    aide = OfficialFactory(name="Mohammed Dkhissi", slug="mohammed-dkhissi")
    PositionFactory(official=hammouchi, organization=dgsn, title="directeur général")
    PositionFactory(
        official=demirtas,
        organization=turkish_police,
        title="directeur général",
        start=datetime.date(2023, 6, 1),
        end=datetime.date(2025, 12, 1),
        precision=DatePrecision.MONTH,
    )
    cybercrime = TopicFactory(name="cybercriminalité", slug="cybercriminalite")
    terrorism = TopicFactory(name="terrorisme", slug="terrorisme")
    igef = EventSeriesFactory(name="IGEF", slug="igef", acronym="IGEF", organizer=turkish_police)
    igef_2025 = EventFactory(
        name="IGEF 2025",
        slug="igef-2025",
        series=igef,
        edition="2025",
        start=datetime.date(2025, 11, 1),
        end=None,
        precision=DatePrecision.MONTH,
        organizer=turkish_police,
        status=Status.REVIEW,
    )
    EventFactory(
        name="Coupe du monde 2030",
        slug="coupe-du-monde-2030",
        series=None,
        city="",
        country="MA",
        co_host_countries=["ES", "PT"],
        start=datetime.date(2030, 1, 1),
        end=None,
        precision=DatePrecision.YEAR,
        status=Status.DRAFT,
    )
    visit = VisitFactory(
        visitor=hammouchi,
        event=igef_2025,
        start=datetime.date(2025, 11, 1),
        end=datetime.date(2025, 11, 1),
        precision=DatePrecision.MONTH,
        invited_by="les autorités turques",
        inviting_organization=turkish_police,
        summary="Visite de travail à Ankara.",
    )
    visit.delegation.set([aide])
    meeting = MeetingFactory(visit=visit, date=datetime.date(2025, 11, 18), summary="Entretiens.")
    meeting.topics.set([cybercrime, terrorism])
    MeetingParticipantFactory(meeting=meeting, official=demirtas, title="directeur général")
    MeetingParticipantFactory(
        meeting=meeting, official=None, country="JO", role="chef de la délégation jordanienne"
    )
    at_home = MeetingFactory(
        visit=None,
        city="Rabat",
        country="MA",
        date=datetime.date(2025, 1, 1),
        precision=DatePrecision.YEAR,
        status=Status.DRAFT,
    )
    MeetingParticipantFactory(meeting=at_home, official=hammouchi, organization=dgsn)
    article = ArticleFactory(
        slug="hammouchi-ankara-igef-2025",
        title="Hammouchi à Ankara pour l'IGEF 2025",
        outlet=OutletFactory(slug="le360", name="Le360", url="https://le360.ma"),
        published_on=datetime.date(2025, 11, 19),
        body="M. Abdelatif Hammouchi s'est rendu à Ankara en novembre 2025.",
    )
    article.topics.set([cybercrime])
    ArticleOfficial.objects.create(
        article=article, official=hammouchi, quote="M. Abdelatif Hammouchi s'est rendu"
    )
    ArticleOrganization.objects.create(article=article, organization=dgsn)
    ArticleEvent.objects.create(article=article, event=igef_2025, quote="l'IGEF 2025")
    ArticleVisit.objects.create(article=article, visit=visit, quote="s'est rendu à Ankara")
    ArticleMeeting.objects.create(article=article, meeting=meeting)
    ArticleCountry.objects.create(
        article=article, country="TR", role=ArticleCountry.Role.HOST, quote="Ankara"
    )


def export_all(file_format):
    """Each resource exported to a file of `file_format` and read back as a dataset."""
    exported = {}
    for resource_class in RESOURCES:
        data = resource_class().export().export(file_format)
        exported[resource_class] = tablib.Dataset().load(data, format=file_format)
    return exported


def import_all(exported):
    return {
        resource_class: resource_class().import_data(exported[resource_class])
        for resource_class in RESOURCES
    }


def assert_no_errors(results):
    for resource_class, result in results.items():
        assert not result.has_errors(), (resource_class, result.base_errors, result.row_errors())
        assert not result.has_validation_errors(), (
            resource_class,
            [(row.number, row.error_dict) for row in result.invalid_rows],
        )


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "json", "xlsx"])
def test_export_then_import_into_an_empty_database_restores_every_record(file_format):
    with transaction.atomic():
        build_records()
        original = snapshot()
        exported = export_all(file_format)
        transaction.set_rollback(True)
    assert all(not records for records in snapshot().values())

    results = import_all(exported)

    assert_no_errors(results)
    for resource_class, result in results.items():
        assert result.totals["new"] == len(exported[resource_class]) > 0, resource_class
    assert snapshot() == original


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "json", "xlsx"])
def test_reimporting_an_export_skips_every_row_and_changes_nothing(file_format):
    build_records()
    original = snapshot()
    history = history_count()

    results = import_all(export_all(file_format))

    assert_no_errors(results)
    for result in results.values():
        assert {row.import_type for row in result.rows} == {"skip"}
        assert result.totals["skip"] == result.total_rows > 0
    assert snapshot() == original
    assert history_count() == history


@pytest.mark.django_db
def test_the_seed_records_survive_a_round_trip():
    with transaction.atomic():
        call_command("loaddata", SEED_FIXTURE, verbosity=0)
        original = snapshot()
        exported = export_all("csv")
        transaction.set_rollback(True)

    assert_no_errors(import_all(exported))
    assert snapshot() == original


@pytest.mark.django_db
def test_partial_dates_are_exported_at_their_precision():
    build_records()

    events = {row["slug"]: row for row in EventResource().export().dict}
    positions = {row["official"]: row for row in PositionResource().export().dict}
    meetings = {row["city"]: row for row in MeetingResource().export().dict}

    assert (events["igef-2025"]["start"], events["igef-2025"]["end"]) == ("2025-11", "")
    assert events["igef-2025"]["precision"] == "month"
    assert events["coupe-du-monde-2030"]["start"] == "2030"
    assert (positions["mahmoud-demirtas"]["start"], positions["mahmoud-demirtas"]["end"]) == (
        "2023-06",
        "2025-12",
    )
    assert meetings["Ankara"]["date"] == "2025-11-18"
    assert meetings["Rabat"]["date"] == "2025"


@pytest.mark.django_db
def test_related_records_are_exported_by_natural_keys_and_iso_codes():
    build_records()

    visit = VisitResource().export().dict[0]
    event = EventResource().export().dict
    participants = MeetingParticipantResource().export().dict

    assert visit["visitor"] == "abdellatif-hammouchi"
    assert visit["delegation"] == "mohammed-dkhissi"
    assert visit["event"] == "igef-2025"
    assert (visit["origin_country"], visit["host_country"]) == ("MA", "TR")
    assert visit["uid"] == str(Visit.objects.get().uid)
    assert {row["co_host_countries"] for row in event} == {"", "ES,PT"}
    counterpart = next(row for row in participants if not row["official"])
    assert (counterpart["country"], counterpart["organization"]) == ("JO", "")
    assert "id" not in visit


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "stored", "precision"),
    [
        ("2025-11-18", datetime.date(2025, 11, 18), DatePrecision.DAY),
        ("2025-11", datetime.date(2025, 11, 1), DatePrecision.MONTH),
        ("2025", datetime.date(2025, 1, 1), DatePrecision.YEAR),
    ],
)
def test_partial_dates_are_imported_with_the_precision_they_are_written_at(text, stored, precision):
    dataset = tablib.Dataset(headers=["slug", "name", "start", "end"])
    dataset.append(["igef-2025", "IGEF 2025", text, text])

    result = EventResource().import_data(dataset)

    assert not result.has_errors() and not result.has_validation_errors()
    event = Event.objects.get(slug="igef-2025")
    assert (event.start, event.end, event.precision) == (stored, stored, precision)


def rows(headers, *values):
    dataset = tablib.Dataset(headers=headers)
    for row in values:
        dataset.append(row)
    return dataset


@pytest.fixture
def hammouchi(db):
    return OfficialFactory(name="Abdellatif Hammouchi", slug="abdellatif-hammouchi")


# Three rows each, the second bad: the import must write none of them.
BAD_IMPORTS = {
    "unknown official slug": (
        OfficialNameResource,
        rows(
            ["official", "name", "kind"],
            ["abdellatif-hammouchi", "Abdelatif Hammouchi", "misspelling"],
            ["no-such-official", "Nobody", "alias"],
            ["abdellatif-hammouchi", "A. Hammouchi", "alias"],
        ),
        "no-such-official",
    ),
    "bad country": (
        OfficialResource,
        rows(
            ["slug", "name", "country"],
            ["mahmoud-demirtas", "Mahmoud Demirtaş", "TR"],
            ["somebody", "Somebody", "XX"],
            ["salami-yildiz", "Salami Yıldız", "TR"],
        ),
        "XX",
    ),
    "end before start": (
        PositionResource,
        rows(
            ["official", "title", "start", "end", "precision"],
            ["abdellatif-hammouchi", "directeur général", "2015", "", "year"],
            ["abdellatif-hammouchi", "directeur", "2015-05", "2015-02", "month"],
            ["abdellatif-hammouchi", "préfet", "2005", "2010", "year"],
        ),
        "end",
    ),
    "invalid partial date": (
        EventResource,
        rows(
            ["slug", "name", "start"],
            ["igef-2024", "IGEF 2024", "2024-09-19"],
            ["igef-2025", "IGEF 2025", "2025-13"],
            ["igef-2026", "IGEF 2026", "2026"],
        ),
        "2025-13",
    ),
    "date and precision disagree": (
        EventResource,
        rows(
            ["slug", "name", "start", "precision"],
            ["igef-2024", "IGEF 2024", "2024-09-19", "day"],
            ["igef-2025", "IGEF 2025", "2025-11", "day"],
            ["igef-2026", "IGEF 2026", "2026", "year"],
        ),
        "2025-11",
    ),
    "unknown topic slug": (
        MeetingResource,
        rows(
            ["city", "country", "date", "topics"],
            ["Rabat", "MA", "2025-01-15", ""],
            ["Rabat", "MA", "2025-02", "no-such-topic"],
            ["Rabat", "MA", "2025", ""],
        ),
        "no-such-topic",
    ),
    "unknown visit uid": (
        MeetingResource,
        rows(
            ["visit", "city", "country", "date"],
            ["", "Rabat", "MA", "2025-01-15"],
            ["8d0e2b4c-1111-4222-8333-944445555666", "Ankara", "TR", "2025-11-18"],
            ["", "Rabat", "MA", "2025"],
        ),
        "8d0e2b4c-1111-4222-8333-944445555666",
    ),
}


def written(resource_class):
    model = resource_class._meta.model
    return model._default_manager.count(), model.history.count()


def assert_second_row_rejected_and_nothing_written(resource_class, dataset, culprit):
    before = written(resource_class)

    result = resource_class().import_data(dataset)

    assert result.has_validation_errors()
    assert [row.number for row in result.invalid_rows] == [2]
    assert culprit in str(result.invalid_rows[0].error_dict)
    assert written(resource_class) == before


@pytest.mark.parametrize("case", BAD_IMPORTS.values(), ids=BAD_IMPORTS.keys())
def test_one_bad_row_writes_nothing(hammouchi, case):
    assert_second_row_rejected_and_nothing_written(*case)


@pytest.mark.django_db(transaction=True)
def test_one_bad_row_writes_nothing_outside_a_test_transaction():
    OfficialFactory(name="Abdellatif Hammouchi", slug="abdellatif-hammouchi")
    assert_second_row_rejected_and_nothing_written(*BAD_IMPORTS["unknown official slug"])


def test_rows_without_a_uid_are_new_records_with_new_uids(hammouchi):
    dataset = rows(
        ["official", "title", "start", "precision"],
        ["abdellatif-hammouchi", "directeur général", "2015", "year"],
        ["abdellatif-hammouchi", "préfet", "2005", "year"],
    )

    result = PositionResource().import_data(dataset)

    assert result.totals["new"] == 2
    assert len({position.uid for position in Position.objects.all()}) == 2


def test_an_organization_may_come_before_its_parent_in_the_file(db):
    dataset = rows(
        ["slug", "name", "parent"],
        ["dgsn", "DGSN", "pole-dgsn-dgst"],
        ["pole-dgsn-dgst", "Pôle DGSN-DGST", ""],
    )

    result = OrganizationResource().import_data(dataset)

    assert not result.has_errors() and not result.has_validation_errors()
    assert Organization.objects.get(slug="dgsn").parent.slug == "pole-dgsn-dgst"


def test_the_content_hash_is_derived_from_the_text_not_imported(db):
    dataset = rows(
        ["slug", "title", "body", "content_hash"],
        ["igef", "IGEF", "Le texte.", "forged"],
    )

    result = ArticleResource().import_data(dataset)

    assert not result.has_errors() and not result.has_validation_errors()
    assert Article.objects.get(slug="igef").content_hash == content_hash("Le texte.")


@pytest.fixture
def writer(db):
    """An editor who may import but not publish."""
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_event", "change_event", "view_event"])
    )
    return user


def test_an_editor_who_may_not_publish_cannot_import_a_publication(writer):
    dataset = rows(["slug", "name", "status"], ["igef-2025", "IGEF 2025", "published"])

    result = EventResource().import_data(dataset, user=writer)

    assert result.has_validation_errors()
    assert "status" in result.invalid_rows[0].error_dict
    assert not Event.objects.exists()


def test_an_editor_who_may_not_publish_can_import_a_draft(writer):
    dataset = rows(["slug", "name", "status"], ["igef-2025", "IGEF 2025", "review"])

    result = EventResource().import_data(dataset, user=writer)

    assert not result.has_validation_errors()
    assert Event.objects.get().status == Status.REVIEW


def test_a_bad_row_imported_through_the_admin_shows_the_error_and_writes_nothing(
    staff_client, hammouchi
):
    _, dataset, culprit = BAD_IMPORTS["unknown official slug"]
    content = io.BytesIO(dataset.export("csv").encode())
    content.name = "names.csv"

    response = staff_client.post(
        reverse("admin:visits_officialname_import"),
        {"resource": "0", "format": "0", "import_file": content},
    )

    assert response.status_code == 200
    assert response.context["result"].has_validation_errors()
    assert "confirm_form" not in response.context
    assert culprit in response.content.decode()
    assert not OfficialName.objects.exists()


@pytest.mark.parametrize(
    ("file_format", "format_index"), [("csv", "0"), ("xlsx", "1"), ("json", "2")]
)
def test_a_good_file_imported_through_the_admin_is_written_after_confirmation(
    staff_client, staff, hammouchi, file_format, format_index
):
    dataset = rows(
        ["official", "name", "kind"],
        ["abdellatif-hammouchi", "Abdelatif Hammouchi", "misspelling"],
        ["abdellatif-hammouchi", "A. Hammouchi", "alias"],
    )
    data = dataset.export(file_format)
    content = io.BytesIO(data if isinstance(data, bytes) else data.encode())
    content.name = f"names.{file_format}"

    preview = staff_client.post(
        reverse("admin:visits_officialname_import"),
        {"resource": "0", "format": format_index, "import_file": content},
    )
    assert not OfficialName.objects.exists()
    confirm = preview.context["confirm_form"]
    response = staff_client.post(
        reverse("admin:visits_officialname_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
    )

    assert response.status_code == 302
    names = OfficialName.objects.order_by("name")
    assert [name.name for name in names] == ["A. Hammouchi", "Abdelatif Hammouchi"]
    assert {name.history.get().history_user for name in names} == {staff}


def test_the_admin_exports_partial_dates_at_their_precision(staff_client):
    EventFactory(slug="igef-2025", start=datetime.date(2025, 11, 1), end=None, precision="month")
    selected = {f"eventresource_{name}": "on" for name in EventResource().get_export_order()}

    response = staff_client.post(
        reverse("admin:visits_event_export"), {"resource": "0", "format": "0", **selected}
    )

    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    exported = tablib.Dataset().load(text, format="csv")
    assert exported.dict[0]["start"] == "2025-11"
    assert exported.dict[0]["series"] == Event.objects.get().series.slug


def test_outlets_are_keyed_by_slug(db):
    OutletFactory(slug="le360", name="Le360")
    dataset = rows(["slug", "name", "country"], ["le360", "Le 360", "ma"])

    result = OutletResource().import_data(dataset)

    assert result.totals["update"] == 1
    outlet = Outlet.objects.get()
    assert (outlet.name, outlet.country.code) == ("Le 360", "MA")
