"""python manage.py bench_scale: every page, feed, API list and admin list timed at each size.

The coordinator builds the corpora it lacks, starts one worker per corpus (`--worker`), asks
each for every row round after round, and writes the table and its checks to
.bench/scale-results.md. A failed check is a finding (exit 0); a broken harness exits 1.
"""

import datetime
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import asdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from newsroom.caching import create_cache_table
from newsroom.scale_bench import corpora
from newsroom.scale_bench.coordinator import HarnessError, Worker, measure
from newsroom.scale_bench.facts import resolve_facts
from newsroom.scale_bench.probe import (
    SLOW_REPEAT,
    SLOW_SECONDS,
    STAFF_USERNAME,
    Probe,
    ensure_staff,
)
from newsroom.scale_bench.report import Report
from newsroom.scale_bench.rows import ANON, STAFF, row_names

RESULTS = corpora.BENCH_DIR / "scale-results.md"
# Every sample, for comparing runs.
RAW_RESULTS = corpora.BENCH_DIR / "scale-results.json"
DATABASES = ("sqlite", "postgres")


def comma_list(convert):
    def parse(text):
        return [convert(item.strip()) for item in text.split(",") if item.strip()]

    return parse


class Command(BaseCommand):
    help = (
        "Time every public page, feed, API list and admin list at several corpus sizes, on "
        "SQLite and on PostgreSQL when one answers on 127.0.0.1:5432."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            type=comma_list(int),
            default=[1000, 100000],
            help="Articles per corpus, comma-separated (default 1000,100000).",
        )
        parser.add_argument(
            "--databases",
            type=comma_list(str),
            default=list(DATABASES),
            help="sqlite, postgres or both (default; postgres only if it answers).",
        )
        parser.add_argument("--repeat", type=int, default=20, help="Counted requests per row.")
        parser.add_argument("--only", default="", help="Rows whose name matches this regex.")
        parser.add_argument("--rebuild", action="store_true", help="Build every corpus anew.")
        parser.add_argument(
            "--budget",
            type=float,
            default=60.0,
            help="Seconds of counted requests per row and corpus; a slower row gets fewer.",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=600.0,
            help="Seconds a worker may take over one answer (a row's first has its warm-ups).",
        )
        parser.add_argument("--worker", action="store_true", help="Internal: answer rows.")
        parser.add_argument("--prepare", action="store_true", help="Internal: the staff user.")

    def handle(self, *args, **options):
        if options["prepare"]:
            self.stdout.write(f"staff user {ensure_staff().username} ready")
        elif options["worker"]:
            self.work()
        else:
            self.coordinate(options)

    # --- Worker ---

    def work(self):
        """Answer each row named on stdin with one JSON line; anything else goes to stderr."""
        protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", buffering=1)
        os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
        # The worker's cache starts empty, as a server's does after a deploy.
        create_cache_table(using=DEFAULT_DB_ALIAS, verbosity=0)
        cache.clear()

        def send(message):
            protocol.write(json.dumps(message) + "\n")

        try:
            staff = get_user_model().objects.filter(username=STAFF_USERNAME).first()
            if staff is None:
                raise CommandError(f"no user {STAFF_USERNAME!r}: build the corpus again")
            facts = resolve_facts()
            probe = Probe(facts, staff)
        except Exception as error:
            # The coordinator reports it and stops: without its rows a worker is no use.
            send({"error": f"{type(error).__name__}: {error}"})
            raise
        send({"facts": asdict(facts), "urls": probe.urls, "missing": probe.missing})
        for line in sys.stdin:
            if name := line.strip():
                send(probe.answer(name))

    # --- Coordinator ---

    def coordinate(self, options):
        started = time.monotonic()
        load_before = os.getloadavg()
        try:
            pattern = re.compile(options["only"])
        except re.error as error:
            raise CommandError(f"--only: {error}") from None
        names = [name for name in row_names() if pattern.search(name)]
        if not names:
            raise CommandError(f"no row matches {options['only']!r}")
        sizes = sorted(set(options["sizes"]))
        unknown = set(options["databases"]) - set(DATABASES)
        if not sizes or min(sizes) < 1 or unknown or options["repeat"] < 1:
            raise CommandError(f"--sizes, --repeat or --databases ({', '.join(DATABASES)}) wrong")
        databases = [db for db in DATABASES if db in options["databases"]]
        if "postgres" in databases and not corpora.postgres_answers():
            self.say("No PostgreSQL on 127.0.0.1:5432: SQLite only.")
            databases.remove("postgres")
        if not databases:
            raise CommandError("no database to measure")
        chosen = [corpora.Corpus(database, size) for database in databases for size in sizes]
        built = self.build(chosen, rebuild=options["rebuild"])

        workers = [Worker(corpus, timeout=options["timeout"]) for corpus in chosen]
        try:
            for worker in workers:
                self.say(f"Starting the worker for {worker.corpus.name}")
                worker.start()
            self.say(
                f"{len(names)} rows × {len(workers)} corpora × {options['repeat']} rounds "
                "(+ warm-ups), interleaved"
            )
            results = measure(
                workers,
                names,
                repeat=options["repeat"],
                budget=options["budget"],
                progress=self.say,
            )
        except HarnessError as error:
            raise CommandError(str(error)) from None
        finally:
            for worker in workers:
                worker.stop()

        header = self.header(options, workers, built, load_before, time.monotonic() - started)
        text = Report(results, chosen, names, options["repeat"]).markdown(header)
        RESULTS.write_text(text)
        raw = {f"{corpus} {name}": asdict(value) for (corpus, name), value in results.items()}
        RAW_RESULTS.write_text(json.dumps(raw))
        self.stdout.write(text)
        self.say(
            f"Written to {RESULTS.relative_to(settings.BASE_DIR)} "
            f"(every sample in {RAW_RESULTS.relative_to(settings.BASE_DIR)})"
        )

    def build(self, chosen, *, rebuild: bool) -> dict[str, float]:
        """Build the corpora whose stamp differs (all of them with `rebuild`)."""
        corpora.BENCH_DIR.mkdir(exist_ok=True)
        stamp = corpora.current_stamp()
        stale = [c for c in chosen if rebuild or corpora.stored_stamp(c) != stamp]
        if stale and "generate_corpus" not in get_commands():
            raise CommandError(
                "manage.py generate_corpus does not exist yet: the corpora cannot be built."
            )
        built = {}
        for corpus in stale:
            self.say(f"Building {corpus.name} (migrate, seed, generate_corpus, staff user)…")
            try:
                built[corpus.name] = corpora.build(corpus, stamp)
            except (corpora.BuildError, OSError) as error:
                raise CommandError(f"building {corpus.name}: {error}") from None
            self.say(f"Built {corpus.name} in {built[corpus.name]:.0f} s")
        for corpus in chosen:
            if corpus not in stale:
                # What migrate writes besides migrations (the version function) is current.
                try:
                    corpora.refresh(corpus)
                except corpora.BuildError as error:
                    raise CommandError(f"refreshing {corpus.name}: {error}") from None
        return built

    def header(self, options, workers, built, load_before, seconds) -> list[str]:
        load_after = os.getloadavg()
        now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        lines = [
            "# Scale benchmark",
            "",
            f"- {now}, code {git_description()}, {os.cpu_count()} CPUs, load average "
            f"{load_before[0]:.1f} at the start and {load_after[0]:.1f} at the end; "
            f"took {seconds / 60:.0f} min.",
            f"- {options['repeat']} counted requests per row and corpus, interleaved; before "
            "them 2 warm-ups and one request under tracemalloc (peak Python memory). A row "
            f"whose first warm-up takes over {SLOW_SECONDS:.0f} s is SLOW and measured "
            f"{SLOW_REPEAT} times; one whose requests would exceed {options['budget']:.0f} s in "
            f"all gets fewer (n=…, at least {SLOW_REPEAT}).",
            "- Times are wall-clock milliseconds around `django.test.Client.get` in the worker "
            "(DEBUG off, no throttling), body read; queries are counted per request. "
            "`1st` is the row's first request in its worker, before warm-ups; `sql:api.*` rows "
            "are the raw-SQL floors (one hand-written query and `json.dumps`, answered as an "
            "anonymous request through the same middleware as the API), and `/floor` is the "
            "anonymous API list's p50 over its floor's.",
        ]
        for worker in workers:
            facts = worker.hello.get("facts", {})
            counts = facts.get("counts", {})
            state = (
                f"built in {built[worker.corpus.name]:.0f} s"
                if worker.corpus.name in built
                else "reused"
            )
            lines.append(
                f"- {worker.corpus.name}: {counts.get(ANON, {}).get('articles', '?')} published "
                f"articles of {counts.get(STAFF, {}).get('articles', '?')}, "
                f"{counts.get(ANON, {}).get('visits', '?')} published visits ({state}); "
                f"official {facts.get('official')}, country {facts.get('host_country')}, "
                f"event {facts.get('event')}, words {facts.get('common_word')!r} / "
                f"{facts.get('rare_word')!r} / {facts.get('two_words')!r}."
            )
        return lines

    def say(self, message: str) -> None:
        self.stderr.write(message)
        self.stderr.flush()


def git_description() -> str:
    """The commit measured, and whether the working tree differs from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "(not a git checkout)"
    return f"{commit} with uncommitted changes" if changed else commit
