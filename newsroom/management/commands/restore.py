"""Load a backup made by `manage.py backup` into a new, migrated database."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import RestoreRefused, newsroom_restore


class Command(BaseCommand):
    help = (
        "Migrate the database, then load PATH, a file made by `manage.py backup`, in one "
        "transaction. Refused if the database already holds records or users."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        if not path.is_file():
            raise CommandError(f"There is no backup file {path}.")
        call_command("migrate", interactive=False, verbosity=0)
        try:
            newsroom_restore(path=path)
        except RestoreRefused:
            raise CommandError(
                "The database already holds records or users: restore into a new database "
                "(an empty DATABASE_URL)."
            ) from None
        self.stdout.write(f"Restored {path}.")
