"""Run `make serve` on a scratch database and put it under a bounded load from loopback."""

import sys

from django.core.management.base import BaseCommand, CommandError

from newsroom.load import HEADER, ScratchServer, scenarios


class Command(BaseCommand):
    help = (
        "Start `make serve` on a scratch database (SQLite, or --database-url "
        "postgres://…/newsroom_load…) and a free loopback port, run the read, write and mixed "
        "scenarios, print requests, statuses, p50 and p99, and stop the server."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database-url", default="", help="A newsroom_load… database.")
        parser.add_argument("--redis-url", default="", help="Serve with this Redis.")
        parser.add_argument("--workers", type=int, default=4)
        parser.add_argument("--reads", type=int, default=400)
        parser.add_argument("--writes", type=int, default=150)
        parser.add_argument("--patches", type=int, default=24)

    def handle(self, *args, database_url, redis_url, workers, reads, writes, patches, **options):
        if min(reads, writes, patches) < 1 or max(reads, writes, patches) > 5000:
            raise CommandError("Each count must be between 1 and 5000.")
        try:
            with ScratchServer(database_url, redis_url, workers) as server:
                engine = server.database_url.split(":", 1)[0]
                self.stdout.write(
                    f"make serve on {server.base}, {workers} workers, {engine}"
                    f"{', Redis' if redis_url else ', cache database'}"
                )
                outcomes = scenarios(
                    server.base, server.token, reads=reads, writes=writes, patches=patches
                )
        except (ValueError, RuntimeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(HEADER)
        for outcome in outcomes:
            self.stdout.write(outcome.row())
        if any(outcome.server_errors for outcome in outcomes):
            sys.exit(1)
