"""`make serve` holds a team: concurrent writes, rates across workers, a shared cache.

Each server here is the real one (`make serve`: gunicorn, several workers, DEBUG off) on a
scratch database, reached over loopback; the cache is the machine's cache database, or
Redis when one answers on 127.0.0.1:6379.
"""

import os
import socket
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import dj_database_url
import pytest

from newsroom.load import ScratchServer, new_visit, request

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = "redis://127.0.0.1:6379/0"
ANON_RATE = 60


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), 2).close()
    except OSError:
        return False
    return True


def scratch_database_url() -> str:
    """The suite's PostgreSQL server when it runs on one, else a SQLite file (the default)."""
    config = dj_database_url.config()
    if config.get("ENGINE") != "django.db.backends.postgresql":
        return ""
    return (
        f"postgres://{config['USER']}@{config['HOST']}:{config['PORT'] or 5432}/newsroom_load_tests"
    )


CACHES = [
    pytest.param("", id="cache-database"),
    pytest.param(
        REDIS_URL,
        id="redis",
        marks=pytest.mark.skipif(not answers(6379), reason="no Redis on 127.0.0.1:6379"),
    ),
]


@pytest.fixture(scope="module", params=CACHES)
def server(request):
    with ScratchServer(
        scratch_database_url(),
        request.param,
        workers=4,
        API_THROTTLE_ANON=f"{ANON_RATE}/minute",
    ) as running:
        yield running


def concurrently(calls, workers):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return Counter(status for status, _ms in pool.map(lambda call: request(*call), calls))


def test_serve_answers_pages_static_files_and_health(server):
    for path in ["/", "/en/visits/", "/static/css/site.css", "/healthz"]:
        assert request(server.base, "GET", path)[0] == 200, path


def test_the_anonymous_rate_holds_across_workers(server):
    statuses = concurrently([(server.base, "GET", "/api/v1/topics/")] * 90, workers=12)
    assert set(statuses) == {200, 429}
    assert abs(statuses[200] - ANON_RATE) <= ANON_RATE // 10, statuses


def test_concurrent_writes_all_succeed(server):
    posts = [
        (server.base, "POST", "/api/v1/visits/", new_visit(i), server.token) for i in range(60)
    ]
    statuses = concurrently(posts, workers=48)
    assert statuses == {201: 60}
    patch = {"summary": "Directeur général de la DGSN et de la DGST."}
    patches = [
        (server.base, "PATCH", "/api/v1/officials/abdellatif-hammouchi/", patch, server.token)
    ] * 24
    assert concurrently(patches, workers=24) == {200: 24}


def incr_in_processes(environment: dict, processes: int = 4, each: int = 50) -> int:
    code = (
        "import django; django.setup(); from django.core.cache import cache; "
        f"[cache.incr('hits') for _ in range({each})]"
    )
    env = {**os.environ, **environment, "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    setup = "import django; django.setup(); from django.core.cache import cache; "
    subprocess.run(
        [sys.executable, "-c", setup + "cache.set('hits', 0, 60)"], cwd=ROOT, env=env, check=True
    )
    running = [
        subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env) for _ in range(processes)
    ]
    assert all(process.wait(timeout=120) == 0 for process in running)
    result = subprocess.run(
        [sys.executable, "-c", setup + "print(cache.get('hits'))"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout)


def test_the_cache_database_counts_every_hit_of_every_process(tmp_path):
    """Four processes incrementing one counter at once: no increment is lost."""
    environment = {"NEWSROOM_LOCAL_DIR": str(tmp_path)}
    subprocess.run(
        [sys.executable, "manage.py", "createcachetable", "--database", "cache"],
        cwd=ROOT,
        env={**os.environ, **environment, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        check=True,
    )
    assert incr_in_processes(environment) == 200
