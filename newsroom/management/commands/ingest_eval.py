"""python manage.py ingest_eval [DIRECTORY]: extraction scored against labelled articles."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.ingest import evaluation, gazetteers, pipeline
from newsroom.ingest.reading import read


class Command(BaseCommand):
    help = "Score extraction on fixtures/eval/: precision, recall and F1 per field."

    def add_arguments(self, parser):
        parser.add_argument(
            "directory", nargs="?", default=str(settings.BASE_DIR / "fixtures/eval")
        )
        parser.add_argument("--verbose-misses", action="store_true", help="List every miss.")

    def handle(self, *args, **options):
        articles = evaluation.labelled_articles(Path(options["directory"]))
        if not articles:
            raise CommandError(
                f"No labelled articles (NAME.txt with NAME.json) in {options['directory']}."
            )
        gazetteer = gazetteers.build()
        pairs = [
            (
                path.stem,
                expected,
                pipeline.extract(read(path.read_bytes()), gazetteer=gazetteer).to_dict(),
            )
            for path, expected in articles
        ]
        scores = evaluation.score(pairs)
        self.stdout.write(f"{len(pairs)} labelled articles in {options['directory']}")
        self.stdout.write(
            f"{'field':<18}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"
        )
        for name, score in scores.items():
            self.stdout.write(
                f"{name:<18}{score.precision:>10.2f}{score.recall:>10.2f}{score.f1:>8.2f}"
                f"{score.true_positives:>6}{score.false_positives:>6}{score.false_negatives:>6}"
            )
        if options["verbose_misses"]:
            for name, score in scores.items():
                for miss in score.misses:
                    self.stdout.write(f"  {name}: {miss}")
