"""Fixtures of the API tests: clients for each kind of user, and no throttling left over.

Test modules load it with `pytest_plugins = ["tests.api_support"]`.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def user_without_password(username: str, **fields):
    """Tokens and sessions need no password, and hashing one is most of a test's time."""
    return get_user_model().objects.create(username=username, password="!", **fields)


@pytest.fixture
def make_user(db):
    return user_without_password


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Throttling counts requests in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def anonymous(db) -> APIClient:
    return APIClient()


@pytest.fixture
def reader_user(db):
    """A signed-in user without any permission."""
    return user_without_password("reader")


@pytest.fixture
def reader(reader_user) -> APIClient:
    return token_client(reader_user)


@pytest.fixture
def editor_user(db):
    """A member of the Editors group that the data migration creates."""
    user = user_without_password("editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor(editor_user) -> APIClient:
    return token_client(editor_user)
