"""`manage.py backup` and `restore`: every record and history entry, across both databases."""

import gzip
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token

from newsroom.load import fresh_database
from tests.factories import StaffFactory
from visits.models import Official

ROOT = Path(__file__).resolve().parents[1]
SCRATCH_POSTGRES = "postgres://postgres@127.0.0.1:5432/newsroom_load_backup"

pytestmark = pytest.mark.django_db


def postgres_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 5432), 2).close()
    except OSError:
        return False
    return True


def manage(database_url: str, local_dir: Path, *args: str) -> str:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": database_url,
        "NEWSROOM_LOCAL_DIR": str(local_dir),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def records(path: Path) -> list[str]:
    with gzip.open(path, "rt") as file:
        return sorted(json.dumps(record, sort_keys=True) for record in json.load(file))


@pytest.fixture
def newsroom(seed):
    """The seed, an edit kept in the history, an editor with a token in a group of their own."""
    official = Official.objects.get(slug="abdellatif-hammouchi")
    official.summary = "Directeur général de la DGSN et de la DGST."
    official.save()
    editor = StaffFactory(username="redactrice")
    editor.groups.add(Group.objects.create(name="Desk Afrique"))
    Token.objects.create(user=editor)


def test_a_round_trip_through_both_databases_restores_everything(newsroom, tmp_path):
    original = tmp_path / "original.json.gz"
    call_command("backup", str(original))
    kinds = {json.loads(record)["model"] for record in records(original)}
    assert {
        "newsroom.article",
        "visits.historicalofficial",
        "auth.user",
        "auth.group",
        "authtoken.token",
    } <= kinds
    edits = [
        json.loads(record)["fields"]
        for record in records(original)
        if json.loads(record)["model"] == "visits.historicalofficial"
    ]
    assert [edit["summary"] for edit in edits] == ["Directeur général de la DGSN et de la DGST."]

    targets = [f"sqlite:///{tmp_path / 'first.sqlite3'}"]
    if postgres_answers():
        targets.append(SCRATCH_POSTGRES)
    targets.append(f"sqlite:///{tmp_path / 'last.sqlite3'}")
    backup = original
    for number, target in enumerate(targets):
        fresh_database(target)
        manage(target, tmp_path / f"var-{number}", "restore", str(backup))
        backup = tmp_path / f"after-{number}.json.gz"
        manage(target, tmp_path / f"var-{number}", "backup", str(backup))
        assert records(backup) == records(original), target


def test_a_restore_into_a_database_with_records_is_refused(seed, tmp_path):
    path = tmp_path / "backup.json.gz"
    call_command("backup", str(path))
    with pytest.raises(CommandError, match="already holds records"):
        call_command("restore", str(path))


def test_a_missing_backup_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="There is no backup file"):
        call_command("restore", str(tmp_path / "none.json.gz"))
