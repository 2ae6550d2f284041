"""Cached aggregates follow every write, through one version of the tables read once a request."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, OutletFactory, TopicFactory
from visits.aggregates import VERSION_FUNCTION, read_tables_version, version_sql
from visits.models import Status

pytestmark = pytest.mark.django_db


def test_the_version_changes_with_a_write_to_any_recorded_table():
    versions = [read_tables_version()]
    TopicFactory()
    versions.append(read_tables_version())
    article = ArticleFactory()
    versions.append(read_tables_version())
    article.status = Status.DRAFT
    article.save()
    versions.append(read_tables_version())
    article.delete()
    versions.append(read_tables_version())

    assert len(set(versions)) == len(versions)
    assert read_tables_version() == versions[-1]


def test_a_cached_count_follows_a_write_made_by_another_process(client):
    """A bulk insert leaves no history row; it raises the highest key of the table."""
    OutletFactory()
    assert client.get("/api/v1/outlets/").json()["count"] == 1
    outlet = OutletFactory.build(slug="autre", name="Autre")
    type(outlet).objects.bulk_create([outlet])
    assert client.get("/api/v1/outlets/").json()["count"] == 2


def test_a_request_reads_the_version_once_for_all_its_aggregates(seed, client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/officials/abdellatif-hammouchi/").status_code == 200
    marker = VERSION_FUNCTION if connection.vendor == "postgresql" else version_sql()
    assert sum(marker in query["sql"] for query in queries.captured_queries) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a function on PostgreSQL only")
def test_on_postgresql_the_version_is_a_function_rewritten_by_migrate():
    with connection.cursor() as cursor:
        cursor.execute(f"DROP FUNCTION {VERSION_FUNCTION}()")
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {VERSION_FUNCTION}()")
        (version,) = cursor.fetchone()
    # One value per subquery of the SQL version, in the same order.
    assert version.count(",") == version_sql().count("(SELECT MAX(") - 1
