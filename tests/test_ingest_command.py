"""python manage.py ingest PATH... [--dry-run] [--json]"""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsroom.models import Article, Proposal
from tests.ingest_support import EVAL, SEED_2024
from visits.models import Status

pytestmark = pytest.mark.django_db

ARTICLE = EVAL / "03-rabat-reception.txt"


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("ingest", *args, stdout=out)
    return out.getvalue()


def test_creates_a_draft_article_with_one_proposal_per_item():
    output = json.loads(run(str(ARTICLE), "--json"))
    article = Article.objects.get()
    assert output["status"] == "new"
    assert article.status == Status.DRAFT
    assert article.title == "Le DG de la police turque reçu à Rabat par Abdellatif Hammouchi"
    assert article.outlet.name == "Le Courrier de Rabat"
    assert article.published_iso == "2024-03-14"
    assert article.content_hash == output["article"]["content_hash"]
    counts = {
        kind: len(output[name])
        for kind, name in [("person", "people"), ("visit", "visits"), ("meeting", "meetings")]
    }
    for kind, count in counts.items():
        assert article.proposals.filter(kind=kind).count() == count
    visit = article.proposals.get(kind="visit")
    assert visit.data == output["visits"][0]
    assert "Mahmoud Demirtas" in visit.evidence


def test_json_form_has_every_key():
    output = json.loads(run(str(ARTICLE), "--json", "--dry-run"))
    assert set(output) == {
        "path", "status", "error", "article", "people", "organizations", "countries",
        "events", "visits", "meetings",
    }  # fmt: skip
    assert set(output["article"]) == {
        "title", "published_on", "language", "outlet", "source_url", "content_hash",
    }  # fmt: skip
    assert set(output["people"][0]) == {
        "name", "official", "title", "organization", "country", "role", "evidence",
    }  # fmt: skip
    assert set(output["visits"][0]) == {
        "visitor", "host_country", "city", "start", "end", "precision", "kind", "event",
        "evidence",
    }  # fmt: skip
    assert set(output["meetings"][0]) == {"participants", "date", "city", "country", "evidence"}


def test_dry_run_writes_nothing():
    output = json.loads(run(str(ARTICLE), "--json", "--dry-run"))
    assert output["status"] == "new"
    assert not Article.objects.exists()
    assert not Proposal.objects.exists()


def test_same_text_twice_reports_exists_and_creates_nothing_new():
    run(str(ARTICLE))
    proposals = Proposal.objects.count()
    output = json.loads(run(str(ARTICLE), "--json"))
    assert output["status"] == "exists"
    assert Article.objects.count() == 1
    assert Proposal.objects.count() == proposals


def test_seed_text_is_recognized_without_its_date_header(seed):
    output = json.loads(run(str(SEED_2024), "--json"))
    assert output["status"] == "exists"
    assert Article.objects.count() == 2


def test_several_inputs_give_an_array_and_an_error_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Visite à Ankara".encode("utf-16"))
    with pytest.raises(CommandError):
        call_command("ingest", str(bad), str(ARTICLE), "--json", stdout=(out := _Capture()))
    results = json.loads(out.text)
    assert [r["status"] for r in results] == ["error", "new"]
    assert results[0]["error"]
    assert Article.objects.count() == 1


def test_missing_file_is_an_error_naming_the_path(tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(CommandError):
        call_command("ingest", str(missing), stdout=(out := _Capture()))
    assert str(missing) in out.text


class _Capture:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass
