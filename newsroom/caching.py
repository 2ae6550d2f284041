"""The cache that all workers of one machine share when there is no Redis: a database's table.

Its table lives in the "cache" database (a SQLite file of the machine's own by default), so
that the cache neither waits for the records' writers nor counts among a page's queries.
"""

import base64
import pickle
from pathlib import Path

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.utils import timezone

CACHE_APP_LABEL = "django_cache"
CACHE_DATABASE = "cache"


class SharedDatabaseCache(DatabaseCache):
    """Django's database cache with an `incr` that no two workers can interleave.

    Django's reads the value, then writes it: two workers counting the same hit at once
    would count it once. Here the row is locked for the read and the write (SELECT … FOR
    UPDATE; on SQLite, the IMMEDIATE transaction holds the database's write lock), and the
    entry keeps its expiry, as Redis's INCR does.
    """

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT value FROM {table} WHERE cache_key = %s AND expires >= %s{lock}",
                [key, now],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found.")
            stored = connection.ops.process_clob(row[0])
            value = pickle.loads(base64.b64decode(stored.encode())) + delta
            pickled = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET value = %s WHERE cache_key = %s", [pickled, key])
        return value


class CacheRouter:
    """The cache's table in the "cache" database when there is one, and nothing else there."""

    def _cache_database(self):
        # Read each time: the test suite's settings have no cache database.
        return CACHE_DATABASE if CACHE_DATABASE in settings.DATABASES else None

    def db_for_read(self, model, **hints):
        if model._meta.app_label == CACHE_APP_LABEL:
            return self._cache_database()
        return None

    db_for_write = db_for_read

    def allow_migrate(self, db, app_label, **hints):
        if self._cache_database() is None:
            return None
        return (app_label == CACHE_APP_LABEL) == (db == CACHE_DATABASE)


def create_cache_table(*, using: str, verbosity: int = 1, **kwargs) -> None:
    """After the records' migrate, the cache's table in its database (once it exists)."""
    if using != DEFAULT_DB_ALIAS or CACHE_DATABASE not in settings.DATABASES:
        return
    database = settings.DATABASES[CACHE_DATABASE]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    call_command("createcachetable", database=CACHE_DATABASE, verbosity=verbosity)
