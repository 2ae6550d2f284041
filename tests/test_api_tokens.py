"""API tokens from a management command, and the Editors group the data migration makes."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from newsroom.models import Article, Proposal
from visits.models import Event, Meeting, MeetingParticipant, Official, Visit

pytest_plugins = ["tests.api_support"]
pytestmark = pytest.mark.django_db

API = "/api/v1/"


def create_token(*args) -> str:
    out = StringIO()
    call_command("create_api_token", *args, stdout=out)
    return out.getvalue().strip()


def test_the_command_prints_a_token_that_authenticates(make_user, seed):
    user = make_user("script")
    key = create_token("script")
    assert Token.objects.get(user=user).key == key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.patch(API + "topics/terrorisme/", {"description": "x"})
    assert response.status_code == 403  # authenticated, without permission


def test_the_same_token_is_printed_until_reset(make_user):
    make_user("script")
    key = create_token("script")
    assert create_token("script") == key
    assert create_token("script", "--reset") != key


def test_the_command_can_create_an_editor(seed):
    key = create_token("dashboard", "--create-user", "--editor")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.patch(API + "topics/terrorisme/", {"description": "Revu."})
    assert response.status_code == 200


@pytest.mark.parametrize("args", [("nobody",), ()])
def test_an_unknown_user_is_an_error(db, args):
    with pytest.raises(CommandError):
        create_token(*args)


def test_an_inactive_user_gets_no_token(make_user):
    make_user("gone", is_active=False)
    with pytest.raises(CommandError):
        create_token("gone")


def codenames(group):
    return set(group.permissions.values_list("codename", flat=True))


@pytest.mark.parametrize(
    "model", [Article, Proposal, Visit, Meeting, MeetingParticipant, Event, Official]
)
def test_editors_view_add_and_change_every_record_but_do_not_delete(db, model):
    granted = codenames(Group.objects.get(name="Editors"))
    name = model._meta.model_name
    assert {f"view_{name}", f"add_{name}", f"change_{name}"} <= granted
    assert f"delete_{name}" not in granted


def test_editors_publish(db):
    granted = codenames(Group.objects.get(name="Editors"))
    assert {"publish_article", "publish_visit", "publish_meeting", "publish_event"} <= granted
    assert not any(codename.startswith("delete_") for codename in granted)
    assert Permission.objects.filter(group__name="Editors").count() == len(granted)
