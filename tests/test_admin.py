"""The admin: every page renders, search finds any spelling, publishing takes a permission."""

import datetime

import factory
import pytest
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.models import Article, ArticleEvent, ArticleMeeting, ArticleOrganization, Proposal
from tests import factories
from visits.dates import DatePrecision
from visits.editorial_admin import EditorialAdmin, RecordAdmin
from visits.models import Event, Meeting, Official, Status, Visit


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"editors {n}")


class ArticleOrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleOrganization

    article = factory.SubFactory(factories.ArticleFactory)
    organization = factory.SubFactory(factories.OrganizationFactory)


class ArticleEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleEvent

    article = factory.SubFactory(factories.ArticleFactory)
    event = factory.SubFactory(factories.EventFactory)


class ArticleMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleMeeting

    article = factory.SubFactory(factories.ArticleFactory)
    meeting = factory.SubFactory(factories.MeetingFactory)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    article = factory.SubFactory(factories.ArticleFactory)
    kind = Proposal.Kind.PERSON
    position = factory.Sequence(int)
    data = factory.Sequence(lambda n: {"name": f"Official Number {n}", "role": "met"})
    evidence = factory.Sequence(lambda n: f"Il a rencontré Official Number {n}.")


FACTORIES = {
    factory_class._meta.model: factory_class
    for factory_class in [
        factories.UserFactory,
        GroupFactory,
        factories.OrganizationFactory,
        factories.OfficialFactory,
        factories.OfficialNameFactory,
        factories.PositionFactory,
        factories.TopicFactory,
        factories.EventSeriesFactory,
        factories.EventFactory,
        factories.VisitFactory,
        factories.MeetingFactory,
        factories.MeetingParticipantFactory,
        factories.OutletFactory,
        factories.ArticleFactory,
        factories.ArticleOfficialFactory,
        ArticleOrganizationFactory,
        factories.ArticleCountryFactory,
        ArticleEventFactory,
        factories.ArticleVisitFactory,
        ArticleMeetingFactory,
        ProposalFactory,
    ]
}
# Models of other apps that the admin shows, made without a factory of their own.
OTHER_RECORDS = {
    "authtoken.TokenProxy": lambda model: model.objects.create(user=factories.UserFactory()),
}
REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)
OURS = [model for model in REGISTERED if model._meta.app_label in {"visits", "newsroom"}]
EDITORIAL = [model for model in OURS if isinstance(admin.site._registry[model], EditorialAdmin)]


def label(model):
    return model._meta.label


def url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def make_record(model):
    if model in FACTORIES:
        return FACTORIES[model]()
    return OTHER_RECORDS[label(model)](model)


def object_id(record):
    # Django REST framework's token admin addresses a token by its user.
    return record.user_id if label(type(record)) == "authtoken.TokenProxy" else record.pk


# Admins of records made elsewhere (proposals come from ingestion): they have no add page.
WITHOUT_ADD = {"newsroom.Proposal"}


def admin_urls(model):
    """Every page of the model's admin, for a record made for it."""
    pk = object_id(make_record(model))
    urls = [url(model, "changelist")]
    urls += [] if label(model) in WITHOUT_ADD else [url(model, "add")]
    urls += [url(model, "change", pk), url(model, "history", pk)]
    if isinstance(admin.site._registry[model], RecordAdmin):
        urls += [url(model, "import"), url(model, "export")]
    return urls


@pytest.mark.parametrize(
    "model_label",
    [
        *("visits.Organization", "visits.Official", "visits.OfficialName", "visits.Position"),
        *("visits.Topic", "visits.EventSeries", "visits.Event", "visits.Visit"),
        *("visits.Meeting", "visits.MeetingParticipant", "newsroom.Outlet", "newsroom.Article"),
        *("newsroom.ArticleOfficial", "newsroom.ArticleOrganization", "newsroom.ArticleEvent"),
        *("newsroom.ArticleVisit", "newsroom.ArticleMeeting", "newsroom.ArticleCountry"),
    ],
)
def test_every_record_has_an_admin_with_history_and_import_export(model_label):
    assert isinstance(admin.site._registry.get(apps.get_model(model_label)), RecordAdmin)


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_every_admin_page_renders_for_staff(staff_client, model):
    for page in admin_urls(model):
        response = staff_client.get(page)
        assert response.status_code == 200, page


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_anonymous_users_are_sent_to_the_login_page(client, db, model):
    login = reverse("admin:login")
    for page in admin_urls(model):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.url.startswith(f"{login}?next="), page


@pytest.mark.parametrize("model", OURS, ids=label)
def test_changelist_queries_do_not_grow_with_the_rows(staff_client, model):
    FACTORIES[model]()
    with CaptureQueriesContext(connection) as one_row:
        assert staff_client.get(url(model, "changelist")).status_code == 200
    FACTORIES[model].create_batch(5)
    with CaptureQueriesContext(connection) as six_rows:
        assert staff_client.get(url(model, "changelist")).status_code == 200

    assert len(six_rows) == len(one_row), [query["sql"] for query in six_rows]


@pytest.fixture
def hammouchi(db):
    official = factories.OfficialFactory(name="Abdellatif Hammouchi", slug="abdellatif-hammouchi")
    factories.OfficialNameFactory(official=official, name="Abdelatif Hammouchi")
    return official


@pytest.fixture
def demirtas(db):
    return factories.OfficialFactory(name="Mahmoud Demirtaş", slug="mahmoud-demirtas")


def found(response):
    return set(response.context["cl"].result_list)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Demirtas", "demirtas"),
        ("demirtaş", "demirtas"),
        ("Mahmoud Demirtas", "demirtas"),
        ("MAHMOUD DEMIRTAŞ", "demirtas"),
        ("abdelatif", "hammouchi"),
        ("Abdelatif Hammouchi", "hammouchi"),
        ("Abdellatif", "hammouchi"),
        ("HAMMOUCHİ", "hammouchi"),
        ("abdellatif-hammouchi", "hammouchi"),
    ],
)
def test_officials_are_found_by_any_of_their_names(
    staff_client, hammouchi, demirtas, term, expected
):
    officials = {"hammouchi": hammouchi, "demirtas": demirtas}

    response = staff_client.get(url(Official, "changelist"), {"q": term})

    assert found(response) == {officials[expected]}


def test_an_unknown_name_finds_no_official(staff_client, hammouchi, demirtas):
    response = staff_client.get(url(Official, "changelist"), {"q": "Karaloğlu"})

    assert found(response) == set()


def test_visits_are_found_by_any_name_of_their_visitor(staff_client, hammouchi, demirtas):
    visit = factories.VisitFactory(visitor=hammouchi)
    factories.VisitFactory(visitor=demirtas)

    response = staff_client.get(url(Visit, "changelist"), {"q": "abdelatif"})

    assert found(response) == {visit}


def test_meetings_are_found_by_any_name_of_a_participant(staff_client, hammouchi, demirtas):
    meeting = factories.MeetingParticipantFactory(official=demirtas).meeting
    factories.MeetingParticipantFactory(official=hammouchi)

    response = staff_client.get(url(Meeting, "changelist"), {"q": "Demirtas"})

    assert found(response) == {meeting}


def test_autocomplete_finds_an_official_by_another_spelling(staff_client, hammouchi, demirtas):
    query = {"app_label": "visits", "model_name": "visit", "field_name": "visitor"}

    response = staff_client.get(reverse("admin:autocomplete"), {**query, "term": "Abdelatif H"})

    assert [result["id"] for result in response.json()["results"]] == [str(hammouchi.pk)]


EDITORIAL_FACTORIES = {
    Article: factories.ArticleFactory,
    Event: factories.EventFactory,
    Meeting: factories.MeetingFactory,
    Visit: factories.VisitFactory,
}


def test_articles_visits_meetings_and_events_are_editorial():
    assert set(EDITORIAL) == set(EDITORIAL_FACTORIES)


def run_action(client, model, action, *records):
    return client.post(
        url(model, "changelist"),
        {"action": action, "_selected_action": [record.pk for record in records]},
        follow=True,
    )


def success_messages(response):
    """The numbers in the success messages, whatever the language."""
    return [
        "".join(char for char in str(message) if char.isdigit())
        for message in response.context["messages"]
        if message.level == messages.SUCCESS
    ]


@pytest.mark.parametrize("model", EDITORIAL, ids=label)
def test_publishing_saves_each_record_and_records_who_did_it(staff_client, staff, model):
    drafts = EDITORIAL_FACTORIES[model].create_batch(2, status=Status.DRAFT)
    published = EDITORIAL_FACTORIES[model](status=Status.PUBLISHED)

    response = run_action(staff_client, model, "publish", *drafts, published)

    assert response.status_code == 200
    assert success_messages(response) == ["2"]
    for record in drafts:
        record.refresh_from_db()
        assert record.status == Status.PUBLISHED
        latest = record.history.first()
        assert (record.history.count(), latest.status, latest.history_user) == (
            2,
            Status.PUBLISHED,
            staff,
        )
    assert published.history.count() == 1


@pytest.mark.parametrize("model", EDITORIAL, ids=label)
def test_unpublishing_takes_published_records_back_to_draft(staff_client, staff, model):
    published = EDITORIAL_FACTORIES[model](status=Status.PUBLISHED)
    in_review = EDITORIAL_FACTORIES[model](status=Status.REVIEW)

    response = run_action(staff_client, model, "unpublish", published, in_review)

    assert success_messages(response) == ["1"]
    published.refresh_from_db()
    in_review.refresh_from_db()
    assert (published.status, in_review.status) == (Status.DRAFT, Status.REVIEW)
    assert published.history.first().status == Status.DRAFT
    assert published.history.first().history_user == staff


@pytest.fixture
def writer_client(client, db):
    """A staff member who may edit every editorial record but not publish."""
    user = factories.UserFactory(is_staff=True)
    codenames = [
        f"{action}_{model._meta.model_name}"
        for model in EDITORIAL
        for action in ("view", "add", "change")
    ]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", EDITORIAL, ids=label)
def test_an_editor_without_the_publish_permission_gets_no_publish_action(writer_client, model):
    draft = EDITORIAL_FACTORIES[model](status=Status.DRAFT)

    changelist = writer_client.get(url(model, "changelist"))
    run_action(writer_client, model, "publish", draft)

    action_form = changelist.context["action_form"]
    actions = dict(action_form.fields["action"].choices) if action_form else {}
    assert "publish" not in actions and "unpublish" not in actions
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.history.count() == 1


@pytest.mark.parametrize("model", EDITORIAL, ids=label)
def test_a_publisher_gets_both_actions(staff_client, model):
    changelist = staff_client.get(url(model, "changelist"))

    actions = dict(changelist.context["action_form"].fields["action"].choices)
    assert {"publish", "unpublish"} <= set(actions)


def test_an_editor_without_the_publish_permission_cannot_publish_from_the_form(writer_client):
    draft = factories.EventFactory(status=Status.DRAFT)
    published = factories.EventFactory(status=Status.PUBLISHED)

    add_form = writer_client.get(url(Event, "add")).context["adminform"].form
    published_form = writer_client.get(url(Event, "change", published.pk)).context["adminform"]

    assert [value for value, _ in add_form.fields["status"].choices] == ["draft", "review"]
    assert "status" not in published_form.form.fields
    assert draft.status == Status.DRAFT


def test_the_history_page_shows_what_changed(staff_client):
    official = factories.OfficialFactory(name="Mahmoud Demirtas", slug="mahmoud-demirtas")
    official.name = "Mahmoud Demirtaş"
    official.save()

    response = staff_client.get(url(Official, "history", official.pk))

    newest = response.context["page_obj"][0]
    assert [(change["old"], change["new"]) for change in newest.history_delta_changes] == [
        ("Mahmoud Demirtas", "Mahmoud Demirtaş")
    ]
    assert "Mahmoud Demirtas" in response.content.decode()


def test_the_history_page_shows_a_change_of_delegation(staff_client):
    visit = factories.VisitFactory()
    visit.delegation.add(factories.OfficialFactory(name="Mohammed Dkhissi"))

    response = staff_client.get(url(Visit, "history", visit.pk))

    (change,) = response.context["page_obj"][0].history_delta_changes
    assert "Mohammed Dkhissi" in str(change["new"])
    assert "Mohammed Dkhissi" in response.content.decode()


def test_an_article_shows_its_links_with_their_passages(staff_client):
    link = factories.ArticleOfficialFactory(quote="M. Abdelatif Hammouchi s'est rendu")

    response = staff_client.get(url(Article, "change", link.article.pk))

    formsets = {
        formset.formset.prefix: formset for formset in response.context["inline_admin_formsets"]
    }
    assert {
        "articleofficial_set",
        "articleorganization_set",
        "country_links",
        "articleevent_set",
        "articlevisit_set",
        "articlemeeting_set",
    } <= set(formsets)
    assert "M. Abdelatif Hammouchi s&#x27;est rendu" in response.content.decode()


def test_a_visit_page_lists_its_meetings(staff_client):
    meeting = factories.MeetingFactory(
        date=datetime.date(2025, 11, 1), precision=DatePrecision.MONTH
    )

    response = staff_client.get(url(Visit, "change", meeting.visit.pk))

    (formset,) = response.context["inline_admin_formsets"]
    assert [form.instance for form in formset.formset.forms] == [meeting]


def test_the_admin_speaks_of_the_project_not_of_its_framework(staff_client):
    response = staff_client.get("/admin/")
    assert "Diplomatie sécuritaire" in response.content.decode()
    assert "Django" not in response.content.decode().split("<title>")[1].split("</title>")[0]
