import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from tests.factories import StaffFactory

SEED_FIXTURE = "seed"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request to /en/... leaves English active."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached aggregates never cross tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seed(db):
    """The records the editors made from the two seed articles."""
    call_command("loaddata", SEED_FIXTURE, verbosity=0)


@pytest.fixture
def staff(db):
    return StaffFactory(username="editor-in-chief")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
