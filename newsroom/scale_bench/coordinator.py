"""The coordinator's side: one worker process per corpus, asked for every row in turn.

A worker is `manage.py bench_scale --worker` with the corpus's DATABASE_URL, DEBUG off and the
benchmark's settings. It reads a row name per line and answers one JSON line.
"""

import contextlib
import json
import math
import os
import queue
import secrets
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings

from newsroom.scale_bench.corpora import BENCH_DIR, Corpus
from newsroom.scale_bench.probe import SLOW_REPEAT

WORKER_SETTINGS = "newsroom.scale_bench.settings"
# Seconds a worker may take to start and resolve its rows (a few aggregates at 100k articles).
START_SECONDS = 600


class HarnessError(Exception):
    """The benchmark itself failed: a worker could not start or restart."""


class WorkerTimeout(Exception):
    pass


class WorkerGone(Exception):
    pass


@dataclass
class Measurement:
    """What the runs of one row on one corpus gave."""

    url: str = ""
    samples: list[dict] = field(default_factory=list)
    warmups: list[dict] = field(default_factory=list)
    peak_bytes: int | None = None
    slow: bool = False
    # How many counted requests the row gets; set from its warm-ups.
    target: int = 0
    missing: str = ""
    failure: str = ""

    @property
    def finished(self) -> bool:
        return bool(self.missing or self.failure) or (
            self.target > 0 and len(self.samples) >= self.target
        )


class Worker:
    """A worker process for one corpus, with a thread that collects its answers."""

    def __init__(self, corpus: Corpus, *, timeout: float):
        self.corpus = corpus
        self.timeout = timeout
        self.process = None
        self.hello: dict = {}
        self.log_path = BENCH_DIR / f"worker-{corpus.name}.log"
        # A run's log starts empty; a restarted worker adds to it.
        self.log_mode = "w"

    def start(self) -> dict:
        env = {
            **os.environ,
            "DATABASE_URL": self.corpus.url,
            "DJANGO_SETTINGS_MODULE": WORKER_SETTINGS,
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            # The production cache (the machine's cache database), one for each corpus.
            "NEWSROOM_LOCAL_DIR": str(BENCH_DIR / f"var-{self.corpus.name}"),
        }
        env.pop("REDIS_URL", None)
        if self.corpus.database == "postgres":
            # The server stops a query the coordinator has given up on.
            env["PGOPTIONS"] = f"-c statement_timeout={int(self.timeout * 1000)}"
        # The process keeps its own copy of the log's descriptor.
        with open(self.log_path, self.log_mode) as log:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "bench_scale", "--worker"],
                cwd=settings.BASE_DIR,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        self.log_mode = "a"
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, args=(self.process, self.lines), daemon=True).start()
        try:
            self.hello = self._receive(max(self.timeout, START_SECONDS))
        except (WorkerTimeout, WorkerGone) as error:
            self.stop()
            raise HarnessError(
                f"the worker for {self.corpus.name} did not start ({type(error).__name__}); "
                f"see {self.log_path}"
            ) from None
        if "error" in self.hello:
            self.stop()
            raise HarnessError(f"the worker for {self.corpus.name}: {self.hello['error']}")
        return self.hello

    @staticmethod
    def _read(process, lines) -> None:
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    def _receive(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise WorkerTimeout from None
            if line is None:
                raise WorkerGone
            if line.startswith("{"):
                return json.loads(line)

    def ask(self, name: str) -> dict:
        try:
            self.process.stdin.write(f"{name}\n")
            self.process.stdin.flush()
        except OSError:
            raise WorkerGone from None
        return self._receive(self.timeout)

    def stop(self) -> None:
        """End the process: EOF on its input, then a kill if it lingers."""
        if self.process is None:
            return
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()


def target_repeat(warmups: list[dict], *, slow: bool, repeat: int, budget: float) -> int:
    """How many counted requests a row gets: fewer when one takes long, at least SLOW_REPEAT."""
    if slow:
        return min(repeat, SLOW_REPEAT)
    seconds = min(sample["seconds"] for sample in warmups)
    if seconds * repeat <= budget:
        return repeat
    return max(SLOW_REPEAT, min(repeat, math.floor(budget / seconds)))


def measure(
    workers: list[Worker], names: list[str], *, repeat: int, budget: float, progress
) -> dict[tuple[str, str], Measurement]:
    """Every row from every worker, round after round, interleaving corpora in time."""
    results = {
        (worker.corpus.name, name): Measurement(url=worker.hello["urls"].get(name, ""))
        for worker in workers
        for name in names
    }
    for round_number in range(1, repeat + 1):
        started, asked = time.monotonic(), 0
        for name in names:
            for worker in workers:
                measurement = results[worker.corpus.name, name]
                if measurement.finished:
                    continue
                asked += 1
                ask(worker, name, measurement, repeat=repeat, budget=budget)
        progress(
            f"round {round_number}/{repeat}: {asked} requests in {time.monotonic() - started:.0f} s"
        )
        if all(measurement.finished for measurement in results.values()):
            break
    return results


def ask(worker: Worker, name: str, measurement: Measurement, *, repeat: int, budget: float):
    """One answer of a row into its measurement; a hung or dead worker is replaced."""
    try:
        answer = worker.ask(name)
    except WorkerTimeout:
        measurement.failure = f"TIMEOUT (no answer in {worker.timeout:.0f} s)"
        worker.restart()
        return
    except WorkerGone:
        measurement.failure = "the worker died on this row"
        worker.restart()
        return
    if "missing" in answer:
        measurement.missing = answer["missing"]
        return
    first = answer.get("first")
    if first and not measurement.warmups:
        measurement.warmups = first["warmups"]
        measurement.slow = first["slow"]
        measurement.peak_bytes = first["peak_bytes"]
        measurement.target = target_repeat(
            first["warmups"], slow=first["slow"], repeat=repeat, budget=budget
        )
    measurement.samples.append(answer["sample"])
