"""POST /api/v1/ingest/: editors send a text and get the proposals back, as the command prints."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newsroom.models import Article, Proposal

pytest_plugins = ["tests.api_support"]

URL = "/api/v1/ingest/"
SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "articles"

LISBON = """title: Hammouchi à Lisbonne
date: 2026-02-10

Le directeur général de la Sûreté nationale et de la Surveillance du territoire, Abdellatif
Hammouchi, a effectué du 9 au 11 février une visite de travail au Portugal, où il s'est
entretenu avec le directeur national de la Police de sécurité publique, José Barros Correia.
"""


def written():
    return Article.objects.count(), Proposal.objects.count()


def test_an_editor_ingests_a_text_into_a_draft_with_its_proposals(seed, editor):
    before = written()
    response = editor.post(URL, {"text": LISBON}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "new"
    assert [visit["host_country"] for visit in body["visits"]] == ["PT"]
    assert body["visits"][0]["start"] == "2026-02-09"
    hammouchi = next(p for p in body["people"] if p["role"] == "visitor")
    assert hammouchi["official"]["slug"] == "abdellatif-hammouchi"
    assert written()[0] == before[0] + 1
    article = Article.objects.get(content_hash=body["article"]["content_hash"])
    assert article.status == "draft"
    assert article.proposals.count() == written()[1] - before[1] > 0


def test_the_same_text_again_reports_exists_and_writes_nothing(seed, editor):
    editor.post(URL, {"text": LISBON}, format="json")
    before = written()
    response = editor.post(URL, {"text": LISBON}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "exists"
    assert written() == before


def test_a_seed_file_upload_exists_already(seed, editor):
    upload = SimpleUploadedFile("igef-2024.txt", (SEEDS / "igef-2024.txt").read_bytes())
    before = written()
    response = editor.post(URL, {"file": upload}, format="multipart")
    assert response.status_code == 200
    assert response.json()["status"] == "exists"
    assert response.json()["path"] == "igef-2024.txt"
    assert written() == before


def test_dry_run_reports_without_writing(seed, editor):
    before = written()
    response = editor.post(f"{URL}?dry_run=1", {"text": LISBON}, format="json")
    assert response.status_code == 201
    assert response.json()["visits"]
    assert written() == before


@pytest.mark.parametrize(
    "payload",
    [
        {"text": ""},
        {"text": "   \n  "},
        {"file": SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
        {"file": SimpleUploadedFile("latin1.txt", "Sûreté nationale à Rabat".encode("latin-1"))},
        {"file": SimpleUploadedFile("big.txt", b"a" * (1024 * 1024 + 10))},
        {},
    ],
    ids=["empty", "blank", "binary", "latin-1", "over-1-MB", "nothing"],
)
def test_bad_input_is_a_400_with_a_message_and_writes_nothing(seed, editor, payload):
    before = written()
    response = editor.post(URL, payload, format="multipart")
    assert response.status_code == 400
    assert response.json()
    assert written() == before


@pytest.mark.parametrize("client_name", ["anonymous", "reader"])
def test_only_editors_may_ingest(seed, request, client_name):
    client = request.getfixturevalue(client_name)
    before = written()
    response = client.post(URL, {"text": LISBON}, format="json")
    assert response.status_code in {401, 403}
    assert written() == before
