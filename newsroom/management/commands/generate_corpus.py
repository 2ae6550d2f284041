"""python manage.py generate_corpus --articles N [--seed S] [--force]"""

import argparse

from django.core.management.base import BaseCommand, CommandError

from newsroom.corpus import CorpusError, corpus_generate


def positive_integer(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value!r}")
    return number


def natural_integer(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be a non-negative integer, not {value!r}")
    return number


class Command(BaseCommand):
    help = (
        "Generate a synthetic corpus (articles, officials, events, visits, meetings) for scale "
        "benchmarks; the same seed and count give the same corpus."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=positive_integer, required=True, help="Number of articles."
        )
        parser.add_argument(
            "--seed", type=natural_integer, default=1, help="Random seed (default 1)."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add to a database that already holds articles besides the seed fixture's.",
        )

    def handle(self, *args, **options):
        def progress(done: int) -> None:
            if options["verbosity"] >= 1 and (done % 10_000 == 0 or done == options["articles"]):
                self.stdout.write(f"{done} articles written…")

        try:
            summary = corpus_generate(
                articles=options["articles"],
                seed=options["seed"],
                force=options["force"],
                progress=progress,
            )
        except CorpusError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(str(summary)))
