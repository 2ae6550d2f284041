"""A whole newsroom as one file: every record, its history, the users, groups and tokens.

Records are written with natural keys where they have them (content types, permissions,
users by name), so that a backup restores into any new database, SQLite or PostgreSQL,
whatever ids its migrations gave to content types and permissions.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from newsroom.models import Article
from visits.models import Official, Visit

# Made again by `migrate`, or of no use in another database.
LEFT_OUT = ["contenttypes", "auth.permission", "sessions"]


class RestoreRefused(Exception):
    """The database already holds records: a restore would mix two newsrooms."""


def newsroom_backup(*, path: Path) -> None:
    """Write the backup to `path` (compressed when it ends in .gz, .bz2, .xz or .lzma).

    Read in one transaction, so that the file is one moment of the database even while
    editors write: a snapshot on PostgreSQL (REPEATABLE READ); on SQLite, a read
    transaction, which in WAL mode neither waits for writers nor holds them back.
    """
    outermost = not connection.in_atomic_block
    mode = getattr(connection, "transaction_mode", None)
    if connection.vendor == "sqlite":
        connection.transaction_mode = None  # DEFERRED: reading takes no write lock.
    try:
        with transaction.atomic():
            if outermost and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            call_command(
                "dumpdata",
                natural_foreign=True,
                natural_primary=True,
                exclude=LEFT_OUT,
                output=str(path),
                verbosity=0,
            )
    finally:
        if connection.vendor == "sqlite":
            connection.transaction_mode = mode


def newsroom_restore(*, path: Path) -> None:
    """Load a backup into a migrated database that holds no records yet, in one transaction."""
    if any(model.objects.exists() for model in (Article, Official, Visit, get_user_model())):
        raise RestoreRefused()
    # The backup holds every history entry: loading records must not add any (Django sends
    # m2m_changed for a fixture's many-to-many fields, and the history would record them).
    with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic():
        call_command("loaddata", str(path), verbosity=0)
