"""The benchmark's corpora: one database per (engine, size), built once and reused.

A corpus is `migrate`, `loaddata seed`, `generate_corpus --articles N --seed 1` and the staff
user. Its stamp (a hash of the corpus generator, the migrations and the seed) is stored in the
database once the build has finished; a different stamp, or none, means building it again.
"""

import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.conf import settings
from psycopg import sql

BENCH_DIR = settings.BASE_DIR / ".bench"
POSTGRES_HOST, POSTGRES_PORT = "127.0.0.1", 5432
POSTGRES_SERVER = f"postgres://postgres@{POSTGRES_HOST}:{POSTGRES_PORT}"
STAMP_TABLE = "scale_bench_stamp"
# Files whose change makes a corpus different; the recipe number stands for the steps below.
STAMPED = [
    "newsroom/corpus*.py",
    "newsroom/corpus/**/*.py",
    "newsroom/management/commands/generate_corpus.py",
    "*/migrations/*.py",
    "fixtures/seed.json",
]
RECIPE = "1"
SEED = 1


class BuildError(Exception):
    """A build step failed; its log says why."""


@dataclass(frozen=True)
class Corpus:
    database: str  # "sqlite" or "postgres"
    size: int

    @property
    def name(self) -> str:
        return f"{self.database}-{self.size}"

    @property
    def path(self) -> Path:
        return BENCH_DIR / f"sqlite-{self.size}.sqlite3"

    @property
    def database_name(self) -> str:
        return f"newsroom_bench_{self.size}"

    @property
    def url(self) -> str:
        """The DATABASE_URL of the corpus."""
        if self.database == "sqlite":
            return f"sqlite:///{self.path}"
        return f"{POSTGRES_SERVER}/{self.database_name}"


def postgres_answers() -> bool:
    """Whether a PostgreSQL server listens on 127.0.0.1:5432."""
    try:
        with socket.create_connection((POSTGRES_HOST, POSTGRES_PORT), timeout=1):
            return True
    except OSError:
        return False


def current_stamp() -> str:
    """A hash of the files that make a corpus what it is."""
    digest = hashlib.sha256(RECIPE.encode())
    base = settings.BASE_DIR
    files = sorted({path for pattern in STAMPED for path in base.glob(pattern)})
    for path in files:
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def stored_stamp(corpus: Corpus) -> str | None:
    """The stamp of a finished build of the corpus, or None when there is none."""
    query = f"SELECT stamp FROM {STAMP_TABLE}"
    if corpus.database == "sqlite":
        if not corpus.path.exists():
            return None
        try:
            with sqlite3.connect(f"file:{corpus.path}?mode=ro", uri=True) as connection:
                row = connection.execute(query).fetchone()
        except sqlite3.Error:
            return None
    else:
        try:
            with psycopg.connect(corpus.url, connect_timeout=5) as connection:
                row = connection.execute(query).fetchone()
        except psycopg.Error:
            return None
    return row[0] if row else None


def store_stamp(corpus: Corpus, stamp: str) -> None:
    statements = [
        f"CREATE TABLE IF NOT EXISTS {STAMP_TABLE} (stamp VARCHAR(64) NOT NULL)",
        f"DELETE FROM {STAMP_TABLE}",
    ]
    if corpus.database == "sqlite":
        with sqlite3.connect(corpus.path) as connection:
            for statement in statements:
                connection.execute(statement)
            connection.execute(f"INSERT INTO {STAMP_TABLE} VALUES (?)", [stamp])
    else:
        with psycopg.connect(corpus.url) as connection:
            for statement in statements:
                connection.execute(statement)
            connection.execute(f"INSERT INTO {STAMP_TABLE} VALUES (%s)", [stamp])


def reset(corpus: Corpus) -> None:
    """An empty database for the corpus, whatever was there."""
    if corpus.database == "sqlite":
        BENCH_DIR.mkdir(exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{corpus.path}{suffix}").unlink(missing_ok=True)
        return
    name = sql.Identifier(corpus.database_name)
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))


def manage(*args: str, database_url: str, log) -> None:
    """Run `manage.py args` against the corpus's database, its output in the log."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    log.write(f"$ manage.py {' '.join(args)}\n")
    log.flush()
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        check=False,
    )
    if done.returncode:
        raise BuildError(f"manage.py {' '.join(args)} failed (exit {done.returncode})")


def build(corpus: Corpus, stamp: str) -> float:
    """Build the corpus from scratch; the seconds it took."""
    started = time.monotonic()
    log_path = BENCH_DIR / f"build-{corpus.name}.log"
    reset(corpus)
    with open(log_path, "w") as log:
        try:
            manage("migrate", "--noinput", database_url=corpus.url, log=log)
            manage("loaddata", "seed", database_url=corpus.url, log=log)
            manage(
                "generate_corpus",
                "--articles",
                str(corpus.size),
                "--seed",
                str(SEED),
                database_url=corpus.url,
                log=log,
            )
            manage("bench_scale", "--prepare", database_url=corpus.url, log=log)
        except BuildError as error:
            raise BuildError(f"{corpus.name}: {error}; see {log_path}") from None
    store_stamp(corpus, stamp)
    return time.monotonic() - started


def refresh(corpus: Corpus) -> None:
    """`migrate` on a corpus kept as it is: a no-op for its tables, but what post_migrate
    writes (the PostgreSQL function of the tables' version) follows the code."""
    log_path = BENCH_DIR / f"refresh-{corpus.name}.log"
    with open(log_path, "w") as log:
        try:
            manage("migrate", "--noinput", database_url=corpus.url, log=log)
        except BuildError as error:
            raise BuildError(f"{corpus.name}: {error}; see {log_path}") from None
