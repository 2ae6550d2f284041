"""Health checks, and what readers and clients get when the database is unreachable."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom.local_files import local_secret_key

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.django_db
def test_healthz_says_every_part_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


UNREACHABLE = """
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for path in ["/", "/en/visits/", "/api/v1/visits/", "/healthz"]:
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    answers[path] = [response.status_code, response["Content-Type"],
                     response.get("Retry-After"), response.content.decode()]
print(json.dumps(answers))
"""


@pytest.fixture(scope="module")
def unreachable(tmp_path_factory):
    """Answers of a production server whose PostgreSQL does not answer (nothing on port 9)."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "0",
        "SECRET_KEY": "a-test-key-" + "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/newsroom",
        "NEWSROOM_LOCAL_DIR": str(tmp_path_factory.mktemp("var")),
    }
    environment.pop("REDIS_URL", None)
    # As `make serve` does: with DEBUG off, pages name their static files from the manifest.
    for command in (["createcachetable", "--database", "cache"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "--verbosity", "0"],
            cwd=ROOT,
            env=environment,
            check=True,
            timeout=120,
        )
    result = subprocess.run(
        [sys.executable, "-c", UNREACHABLE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_pages_answer_a_503_page_in_the_readers_language(unreachable):
    status, content_type, retry_after, body = unreachable["/"]
    assert (status, retry_after) == (503, "30")
    assert content_type.startswith("text/html")
    assert "Service indisponible" in body and 'lang="fr"' in body
    status, _type, _retry, body = unreachable["/en/visits/"]
    assert status == 503 and "Service unavailable" in body and 'lang="en"' in body


def test_the_api_answers_a_json_503(unreachable):
    status, content_type, retry_after, body = unreachable["/api/v1/visits/"]
    assert (status, content_type, retry_after) == (503, "application/json", "30")
    assert json.loads(body) == {
        "detail": "Le service est momentanément indisponible. Veuillez réessayer dans une minute."
    }


def test_healthz_names_the_part_that_does_not_answer(unreachable):
    status, _type, _retry, body = unreachable["/healthz"]
    assert status == 503
    assert json.loads(body) == {"status": "unavailable", "database": "unavailable", "cache": "ok"}


def test_a_secret_key_is_created_once_readable_by_its_owner(tmp_path, capsys):
    path = tmp_path / "var" / "secret_key"
    key = local_secret_key(path)
    assert len(key) >= 50
    assert "A secret key was created" in capsys.readouterr().err
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert local_secret_key(path) == key
    assert capsys.readouterr().err == ""
    assert list(path.parent.iterdir()) == [path]


def test_production_settings_create_the_key_when_asked(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(
        DEBUG="0", SECRET_KEY_CREATE="1", NEWSROOM_LOCAL_DIR=str(tmp_path), ALLOWED_HOSTS="x"
    )
    environment["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    code = (
        "import django; django.setup(); "
        "from django.conf import settings; print(settings.SECRET_KEY)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (tmp_path / "secret_key").read_text().strip()
