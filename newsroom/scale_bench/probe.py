"""The worker's side: request a row in-process, as an anonymous or a staff reader, and time it."""

import re
import time
import tracemalloc
from collections import Counter
from dataclasses import asdict, dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.scale_bench.facts import Facts
from newsroom.scale_bench.floors import FLOORS
from newsroom.scale_bench.rows import ANON, SQL, STAFF, resolve_urls, split_name
from newsroom.scale_bench.urls import FLOOR_ROUTE

STAFF_USERNAME = "bench-editor"
EDITORS = "Editors"
# A row whose first warm-up takes longer is measured only SLOW_REPEAT times, and marked SLOW.
SLOW_SECONDS = 10.0
SLOW_REPEAT = 3


@dataclass
class Sample:
    seconds: float
    status: int
    queries: int
    error: str = ""
    # Bytes of the body: a page that shows more rows is larger.
    size: int = 0
    # {shape: how many times} of the queries (see query_shape); kept for the first warm-up.
    shapes: dict[str, int] | None = None


# Literals and lists of them, which differ from one page to the next.
LITERALS = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")
LISTS = re.compile(r"\((?:\s*\?\s*,)*\s*\?\s*\)")


def query_shape(sql: str) -> str:
    """The query with its values and IN lists as `?`: the same query for other rows."""
    shape = LISTS.sub("(?)", LITERALS.sub("?", sql))
    return " ".join(shape.split())


def shapes_of(queries) -> dict[str, int]:
    return dict(Counter(query_shape(query["sql"]) for query in queries.captured_queries))


def ensure_staff():
    """The editor the staff rows are read as: staff, in the Editors group (else a superuser)."""
    users = get_user_model().objects
    user, _created = users.get_or_create(username=STAFF_USERNAME, defaults={"is_staff": True})
    group = Group.objects.filter(name=EDITORS).first()
    if group is None:
        user.is_superuser = True
    else:
        user.groups.add(group)
    user.is_staff = True
    user.set_unusable_password()
    user.save()
    return user


class Probe:
    """Answers the rows of the corpus in the default database, one request at a time."""

    def __init__(self, facts: Facts, staff):
        self.facts = facts
        self.urls, self.missing = resolve_urls(facts)
        for endpoint in FLOORS:
            self.urls[f"{SQL}:api.{endpoint}"] = reverse(FLOOR_ROUTE, args=[endpoint])
        self.clients = {
            ANON: Client(raise_request_exception=False),
            STAFF: Client(raise_request_exception=False),
        }
        self.clients[STAFF].force_login(staff)
        self.seen: set[str] = set()

    def request(self, name: str, *, shapes: bool = False) -> Sample:
        """One timed request of the row, its body read to the end; with `shapes`, the shapes
        of its queries."""
        audience, _key = split_name(name)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            try:
                # A floor is requested as an anonymous reader requests its API list.
                client = self.clients[ANON if audience == SQL else audience]
                status, size = self.get(client, self.urls[name])
            except Exception as error:
                # A failing row is reported in the table; it does not stop the others.
                seconds = time.perf_counter() - started
                return Sample(seconds, 0, len(queries), f"{type(error).__name__}: {error}")
            seconds = time.perf_counter() - started
        sample = Sample(seconds, status, len(queries), size=size)
        if shapes:
            sample.shapes = shapes_of(queries)
        return sample

    @staticmethod
    def get(client: Client, url: str) -> tuple[int, int]:
        """The status and the body's size, the body read to the end."""
        response = client.get(url)
        if response.streaming:
            size = sum(len(chunk) for chunk in response.streaming_content)
        else:
            size = len(response.content)
        return response.status_code, size

    def peak_memory(self, name: str) -> int:
        """The most Python memory the row's request held at once, in bytes."""
        tracemalloc.start()
        try:
            self.request(name)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def answer(self, name: str) -> dict:
        """One measurement; the first time a row is asked, its warm-ups and memory first."""
        if name in self.missing:
            return {"row": name, "missing": self.missing[name]}
        if name not in self.urls:
            return {"row": name, "missing": "no such row"}
        answer = {"row": name}
        if name not in self.seen:
            self.seen.add(name)
            warmups = [self.request(name, shapes=True)]
            slow = warmups[0].seconds > SLOW_SECONDS
            if not slow:
                warmups.append(self.request(name))
            answer["first"] = {
                "warmups": [asdict(sample) for sample in warmups],
                "slow": slow,
                "peak_bytes": self.peak_memory(name),
            }
        answer["sample"] = asdict(self.request(name))
        return answer
