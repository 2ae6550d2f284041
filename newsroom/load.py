"""A bounded load against `make serve` on loopback: mixed reads, then concurrent writes.

The server runs on a scratch database made for the run (a SQLite file in a temporary
directory, or a PostgreSQL database whose name starts with `newsroom_load`), with the seed
records and an editor's API token; it is stopped when the run ends, whatever happens.
Every request has a timeout and every scenario a fixed number of requests.
"""

import http.client
import ipaddress
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import psycopg

ROOT = Path(__file__).resolve().parent.parent
LOAD_DATABASE_PREFIX = "newsroom_load"
REQUEST_TIMEOUT = 60
START_TIMEOUT = 180
READ_PATHS = [
    "/",
    "/articles/",
    "/articles/?q=s%C3%A9curit%C3%A9",
    "/visits/",
    "/officials/",
    "/officials/abdellatif-hammouchi/",
    "/countries/",
    "/events/",
    "/timeline/",
    "/feeds/articles/",
    "/events.ics",
    "/api/v1/articles/",
    "/api/v1/visits/",
    "/api/v1/meetings/",
    "/api/v1/officials/",
    "/api/v1/events/",
    "/healthz",
]


@dataclass
class Outcome:
    """What one scenario got: statuses and times (ms) of its answers."""

    name: str
    concurrency: int
    statuses: Counter = field(default_factory=Counter)
    times: list[float] = field(default_factory=list)
    wall: float = 0.0

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    def row(self) -> str:
        statuses = ", ".join(f"{status}: {n}" for status, n in sorted(self.statuses.items()))
        return (
            f"| {self.name} | {self.concurrency} | {sum(self.statuses.values())} | {statuses} "
            f"| {self.server_errors} | {statistics.median(self.times):.0f} "
            f"| {self.percentile(0.99):.0f} | {self.wall:.1f} |"
        )


HEADER = (
    "| scenario | concurrency | requests | statuses | 5xx | p50 ms | p99 ms | wall s |\n"
    "|---|--:|--:|---|--:|--:|--:|--:|"
)


def require_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    address = socket.gethostbyname(host) if host else ""
    if not address or not ipaddress.ip_address(address).is_loopback:
        raise ValueError(f"The load only ever targets loopback, not {host!r}.")


def request(base: str, method: str, path: str, body=None, token: str = "") -> tuple[int, float]:
    """One request on a connection of its own: (status, ms); status 0 if it got no answer."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=REQUEST_TIMEOUT)
    headers = {"Accept-Language": "fr"}
    if token:
        headers["Authorization"] = f"Token {token}"
    payload = None
    if body is not None:
        payload = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    try:
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = 0
    finally:
        connection.close()
    return status, (time.perf_counter() - started) * 1000


def run(name: str, calls: list, concurrency: int) -> Outcome:
    outcome = Outcome(name, concurrency)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for status, ms in pool.map(lambda call: request(*call), calls):
            outcome.statuses[status] += 1
            outcome.times.append(ms)
    outcome.wall = time.perf_counter() - started
    return outcome


def new_visit(number: int) -> dict:
    day = 1 + number % 28
    return {
        "visitor": "abdellatif-hammouchi",
        "origin_country": "MA",
        "host_country": "ES",
        "city": f"Madrid {number}",
        "start": {"value": f"2026-03-{day:02d}", "precision": "day"},
        "summary": f"Visite de travail n° {number}, écrite par la charge.",
    }


def scenarios(base: str, token: str, *, reads: int, writes: int, patches: int) -> list[Outcome]:
    read_calls = [(base, "GET", READ_PATHS[i % len(READ_PATHS)]) for i in range(reads)]
    write_calls = [(base, "POST", "/api/v1/visits/", new_visit(i), token) for i in range(writes)]
    patch_calls = [
        (
            base,
            "PATCH",
            "/api/v1/officials/abdellatif-hammouchi/",
            {"summary": f"Résumé révisé {i}."},
            token,
        )
        for i in range(patches)
    ]
    mixed = [*read_calls[: reads // 2]]
    for i, write in enumerate(write_calls[: writes // 3]):
        mixed.insert(i * 3, write)
    return [
        run("read", read_calls, 16),
        run("write: POST visits", write_calls, 48),
        run("write: PATCH one official", patch_calls, 24),
        run("mixed: reads and POSTs", mixed, 32),
    ]


def fresh_database(url: str) -> None:
    """Make a scratch PostgreSQL database anew (named newsroom_load…, on loopback only)."""
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        return
    name = config["NAME"]
    if not name.startswith(LOAD_DATABASE_PREFIX):
        raise ValueError(f"A scratch database must be named {LOAD_DATABASE_PREFIX}…")
    require_loopback(f"//{config['HOST'] or 'localhost'}")

    server = dict(host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"])
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


class ScratchServer:
    """`make serve` on a scratch database and a free loopback port, stopped on exit."""

    def __init__(self, database_url: str, redis_url: str, workers: int, **environment: str):
        self.scratch = tempfile.TemporaryDirectory(prefix="newsroom-load-")
        directory = Path(self.scratch.name)
        self.database_url = database_url or f"sqlite:///{directory / 'load.sqlite3'}"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DATABASE_URL": self.database_url,
            "NEWSROOM_LOCAL_DIR": str(directory / "var"),
            "PORT": str(self.port),
            "WORKERS": str(workers),
            # The load measures the server, not the throttle.
            "API_THROTTLE_ANON": "1000000/minute",
            "API_THROTTLE_USER": "1000000/minute",
            "CACHE_KEY_PREFIX": f"newsroom-load-{self.port}",
        }
        self.environment.pop("REDIS_URL", None)
        if redis_url:
            self.environment["REDIS_URL"] = redis_url
        self.environment.update(environment)
        self.process = None
        self.log = directory / "serve.log"

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT,
            check=True,
        )
        return result.stdout.strip()

    def __enter__(self):
        fresh_database(self.database_url)
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("loaddata", "seed", "--verbosity", "0")
        self.token = self.manage("create_api_token", "load-editor", "--create-user", "--editor")
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=ROOT,
            env=self.environment,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while request(self.base, "GET", "/healthz")[0] != 200:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"The server did not start: see {self.log}")
            time.sleep(0.5)
        return self

    def __exit__(self, *exc):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.scratch.cleanup()
