import pytest
from django.core.management import call_command

from tests.factories import StaffFactory

SEED_FIXTURE = "seed"


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
