"""python manage.py ingest PATH... [--dry-run] [--json]"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.ingest.result import ERROR, IngestResult
from newsroom.services import ingest_text


class Command(BaseCommand):
    help = "Read article texts into draft articles with proposals; '-' reads standard input."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and report, write nothing."
        )
        parser.add_argument("--json", action="store_true", help="Print the results as JSON.")

    def handle(self, *args, **options):
        results = [self.ingest(path, dry_run=options["dry_run"]) for path in options["paths"]]
        if options["json"]:
            payload = results[0].to_dict() if len(results) == 1 else [r.to_dict() for r in results]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            for result in results:
                self.stdout.write(self.summary(result))
        failed = [r for r in results if r.status == ERROR]
        if failed:
            raise CommandError(f"{len(failed)} of {len(results)} input(s) could not be ingested.")

    def ingest(self, path: str, *, dry_run: bool) -> IngestResult:
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as error:
            return IngestResult.failed(path, f"Cannot read {path}: {error.strerror}.")
        return ingest_text(text=data, path=path, dry_run=dry_run)

    def summary(self, result) -> str:
        if result.status == ERROR:
            return self.style.ERROR(f"{result.path}: error: {result.error}")
        counts = ", ".join(
            f"{len(getattr(result, name))} {name}"
            for name in ("people", "organizations", "countries", "events", "visits", "meetings")
        )
        title = result.article["title"]
        return f"{result.path}: {result.status}: {title!r} ({counts})"
