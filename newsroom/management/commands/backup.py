"""Write every record, its history, the users, groups and tokens to one file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import newsroom_backup


class Command(BaseCommand):
    help = (
        "Back up the whole database to PATH as JSON with natural keys (compressed if PATH ends "
        "in .gz, .bz2 or .xz). `manage.py restore PATH` loads it into a new database."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        if path.is_dir():
            raise CommandError(f"{path} is a folder: give the backup file's name.")
        if not path.parent.is_dir():
            raise CommandError(f"There is no folder {path.parent}.")
        newsroom_backup(path=path)
        self.stdout.write(f"Backed up to {path} ({path.stat().st_size:,} bytes).")
