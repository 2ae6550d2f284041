"""The benchmark's report: one table of every row on every database, then the checks."""

import math
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsroom.scale_bench.rows import (
    ANON,
    DEEP,
    FLOOR_ENDPOINTS,
    SEARCH,
    SQL,
    STAFF,
    floor_name,
    row_by_key,
    split_name,
)

MB = 1024 * 1024
# The rules of the issue "every public page, feed, API list and admin list stays fast".
SIZE_RATIO = 1.5
STAFF_RATIO = 1.5
DEEP_RATIO = 2.0
SEARCH_RATIO = 3.0
# A body this much larger at the large size shows more rows: the small corpus fills less
# than a page (5 events at 1k); its time is not that of the same page.
LARGER_PAGE = 1.5
# Beyond this, a larger body is a list that grows with the table, never set aside.
UNBOUNDED_PAGE = 25.0
FLOOR_RATIO = 3.0
POSTGRES_LIMIT = 0.250
MEMORY_LIMIT = 200 * MB


def p50(measurement) -> float | None:
    seconds = [sample["seconds"] for sample in measurement.samples]
    return statistics.median(seconds) if seconds else None


def p95(measurement) -> float | None:
    """The nearest-rank 95th percentile: the 19th of 20 samples."""
    seconds = sorted(sample["seconds"] for sample in measurement.samples)
    return seconds[math.ceil(0.95 * len(seconds)) - 1] if seconds else None


def query_count(measurement) -> int | None:
    counts = [sample["queries"] for sample in measurement.samples]
    return max(counts) if counts else None


def body_size(measurement) -> int:
    return max((sample.get("size", 0) for sample in measurement.samples), default=0)


def shapes(measurement) -> dict[str, int] | None:
    """The shapes of the queries of the row's first request (probe.query_shape)."""
    return measurement.warmups[0].get("shapes") if measurement.warmups else None


def table_of(shape: str) -> str:
    found = re.search(r'\bFROM\s+"(\w+)"', shape)
    return found.group(1) if found else shape[:40]


def different_kinds(small, large) -> str | None:
    """Where two sizes run different queries only because one runs a kind of query the other
    does not (Django skips a prefetch when no row of the page has the relation: a page of
    visits none of which has an event reads no event), the kinds, named by their table; None
    where a kind of query runs more often at one size, or the shapes are unknown."""
    before, after = shapes(small), shapes(large)
    if before is None or after is None:
        return None
    if any(before[shape] != after[shape] for shape in before.keys() & after.keys()):
        return None
    only = [
        f"{label} {', '.join(sorted(table_of(shape) for shape in side))}"
        for label, side in (
            ("only at the small size:", before.keys() - after.keys()),
            ("only at the large size:", after.keys() - before.keys()),
        )
        if side
    ]
    return "; ".join(only)


def problems(measurement) -> list[str]:
    """What went wrong with the row: HTTP statuses other than 200, errors, a timeout."""
    found = [measurement.failure] if measurement.failure else []
    statuses = sorted({s["status"] for s in measurement.samples if s["status"] != 200})
    found += [f"HTTP {status}" if status else "exception" for status in statuses]
    errors = sorted({s["error"] for s in measurement.samples if s.get("error")})
    return found + errors[:1]


def measured(measurement) -> bool:
    """Measured, and every request answered 200."""
    return measurement is not None and bool(measurement.samples) and not problems(measurement)


def size_label(size: int) -> str:
    if size >= 1000 and size % 1000 == 0:
        return f"{size // 1000}k"
    return str(size)


def ms(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    value = seconds * 1000
    return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


@dataclass
class Check:
    code: str
    rule: str
    offenders: list[str] = field(default_factory=list)
    skipped: str = ""
    detail: str = ""
    # Rows the rule does not compare, each with the reason.
    set_aside: list[str] = field(default_factory=list)
    # Rows whose queries differ only by queries one size runs and the other does not.
    by_data: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.skipped:
            return "SKIP"
        return "FAIL" if self.offenders else "PASS"


class Report:
    """Measurements keyed by (corpus name, row name), for corpora of (database, size)."""

    def __init__(self, measurements: dict, corpora: Iterable, names: list[str], repeat: int):
        self.measurements = measurements
        corpora = list(corpora)
        self.databases = list(dict.fromkeys(corpus.database for corpus in corpora))
        self.sizes = sorted({corpus.size for corpus in corpora})
        self.small, self.large = self.sizes[0], self.sizes[-1]
        self.names = names
        self.repeat = repeat
        self.rows = row_by_key()

    def get(self, database: str, size: int, name: str):
        return self.measurements.get((f"{database}-{size}", name))

    def p50(self, database: str, name: str, size: int | None = None) -> float | None:
        """The row's p50 at `size` (the largest by default), if every request answered 200."""
        measurement = self.get(database, size or self.large, name)
        return p50(measurement) if measured(measurement) else None

    # --- Checks ---

    def checks(self) -> list[Check]:
        return [
            self.check_sizes(),
            self.check_staff(),
            self.check_role("c", DEEP, DEEP_RATIO, "page 500 and the last page ≤ {limit}× page 1"),
            self.check_role(
                "d", SEARCH, SEARCH_RATIO, "a text search ≤ {limit}× the unfiltered list"
            ),
            self.check_floors(),
            self.check_postgres(),
            self.check_memory(),
        ]

    def http_names(self) -> list[str]:
        return [name for name in self.names if split_name(name)[0] != SQL]

    def check_sizes(self) -> Check:
        check = Check(
            "a",
            f"p50 at {size_label(self.large)} ≤ {SIZE_RATIO}× p50 at {size_label(self.small)}, "
            "and the same number of queries",
        )
        if self.small == self.large:
            check.skipped = "one size only"
            return check
        for database in self.databases:
            for name in self.http_names():
                small = self.get(database, self.small, name)
                large = self.get(database, self.large, name)
                if not (measured(small) and measured(large)):
                    continue
                growth = ratio(p50(large), p50(small))
                queries = (query_count(small), query_count(large))
                reasons = []
                larger = ratio(body_size(large), body_size(small)) or 1.0
                slower = f"{ms(p50(small))} → {ms(p50(large))} ms ({growth:.1f}×)"
                if growth > SIZE_RATIO and LARGER_PAGE <= larger < UNBOUNDED_PAGE:
                    check.set_aside.append(
                        f"{database} {name}: {slower}, a page {larger:.1f}× as large"
                    )
                elif growth > SIZE_RATIO:
                    reasons.append(slower)
                if queries[0] != queries[1]:
                    kinds = different_kinds(small, large)
                    if kinds is None:
                        reasons.append(f"queries {queries[0]} → {queries[1]}")
                    else:
                        check.by_data.append(
                            f"{database} {name}: queries {queries[0]} → {queries[1]}, {kinds}"
                        )
                if reasons:
                    check.offenders.append(f"{database} {name}: {'; '.join(reasons)}")
        return check

    def check_staff(self) -> Check:
        check = Check("b", f"anonymous ≤ {STAFF_RATIO}× staff, same page")
        keys = [key for audience, key in map(split_name, self.names) if audience == ANON]
        for database in self.databases:
            for key in keys:
                anon = self.p50(database, f"{ANON}:{key}")
                staff = self.p50(database, f"{STAFF}:{key}")
                slower = ratio(anon, staff)
                if slower is not None and slower > STAFF_RATIO:
                    check.offenders.append(
                        f"{database} {key}: anon {ms(anon)} ms, staff {ms(staff)} ms "
                        f"({slower:.1f}×)"
                    )
        return check

    def check_role(self, code: str, role: str, limit: float, rule: str) -> Check:
        check = Check(code, rule.format(limit=limit))
        for database in self.databases:
            for name in self.http_names():
                audience, key = split_name(name)
                row = self.rows.get(key)
                if row is None or row.role != role:
                    continue
                value = self.p50(database, name)
                base = self.p50(database, f"{audience}:{row.base}")
                slower = ratio(value, base)
                if slower is not None and slower > limit:
                    check.offenders.append(
                        f"{database} {name}: {ms(value)} ms vs {ms(base)} ms for "
                        f"{row.base} ({slower:.1f}×)"
                    )
        return check

    def check_floors(self) -> Check:
        check = Check("e", f"an API list ≤ {FLOOR_RATIO}× its raw-SQL floor")
        for database in self.databases:
            for endpoint in FLOOR_ENDPOINTS:
                name = f"{ANON}:api.{endpoint}"
                api, floor = self.p50(database, name), self.p50(database, floor_name(endpoint))
                slower = ratio(api, floor)
                if slower is not None and slower > FLOOR_RATIO:
                    check.offenders.append(
                        f"{database} {name}: {ms(api)} ms vs {ms(floor)} ms ({slower:.1f}×)"
                    )
        return check

    def check_postgres(self) -> Check:
        check = Check("f", f"on PostgreSQL, no page or API list over {ms(POSTGRES_LIMIT)} ms p50")
        if "postgres" not in self.databases:
            check.skipped = "PostgreSQL was not measured"
            return check
        for name in self.http_names():
            value = self.p50("postgres", name)
            if value is not None and value > POSTGRES_LIMIT:
                check.offenders.append(f"postgres {name}: {ms(value)} ms")
        return check

    def check_memory(self) -> Check:
        check = Check("g", f"no request over {MEMORY_LIMIT // MB} MB of Python memory")
        peaks = [
            (measurement.peak_bytes, corpus, name)
            for (corpus, name), measurement in self.measurements.items()
            if measurement.peak_bytes is not None
        ]
        if not peaks:
            check.skipped = "nothing measured"
            return check
        for peak, corpus, name in sorted(peaks, reverse=True):
            if peak > MEMORY_LIMIT:
                check.offenders.append(f"{corpus} {name}: {peak / MB:.0f} MB")
        peak, corpus, name = max(peaks)
        check.detail = f"heaviest: {name} on {corpus}, {peak / MB:.1f} MB"
        return check

    # --- Table ---

    def notes(self, database: str, name: str) -> str:
        notes = []
        for size in self.sizes:
            measurement = self.get(database, size, name)
            if measurement is None:
                continue
            at = f"@{size_label(size)}"
            if measurement.missing:
                notes.append(f"not measured{at}: {measurement.missing}")
                continue
            if measurement.slow:
                notes.append(f"SLOW{at} (first warm-up over 10 s)")
            count = len(measurement.samples)
            if count and count < self.repeat:
                notes.append(f"n={count}{at}")
            notes += [f"{problem}{at}" for problem in problems(measurement)]
        return "; ".join(notes)

    def table(self) -> str:
        large = size_label(self.large)
        header = [
            "row",
            "db",
            *(f"queries {size_label(size)}" for size in self.sizes),
            *(f"p50 {size_label(size)} ms" for size in self.sizes),
            f"p95 {large} ms",
            f"1st {large} ms",
            f"{large}/{size_label(self.small)}",
            "/floor",
            f"MB {large}",
            "notes",
        ]
        lines = [
            "| " + " | ".join(header) + " |",
            "|" + "|".join("---" if i < 2 else "--:" for i in range(len(header) - 1)) + "|---|",
        ]
        for name in self.names:
            for database in self.databases:
                lines.append("| " + " | ".join(self.table_row(database, name)) + " |")
        return "\n".join(lines)

    def table_row(self, database: str, name: str) -> list[str]:
        measurements = {size: self.get(database, size, name) for size in self.sizes}
        queries = [str(query_count(m)) if m and m.samples else "–" for m in measurements.values()]
        medians = [ms(p50(m)) if m else "–" for m in measurements.values()]
        large = measurements[self.large]
        small = measurements[self.small]
        growth = ratio(p50(large), p50(small)) if large and small else None
        floor = None
        audience, key = split_name(name)
        if audience == ANON and key.removeprefix("api.") in FLOOR_ENDPOINTS:
            endpoint = key.removeprefix("api.")
            floor_measurement = self.get(database, self.large, floor_name(endpoint))
            if large and floor_measurement:
                floor = ratio(p50(large), p50(floor_measurement))
        peak = large.peak_bytes if large else None
        return [
            name,
            database,
            *queries,
            *medians,
            ms(p95(large)) if large else "–",
            ms(large.warmups[0]["seconds"]) if large and large.warmups else "–",
            f"{growth:.2f}" if growth is not None and self.small != self.large else "",
            f"{floor:.1f}" if floor is not None else "",
            f"{peak / MB:.1f}" if peak is not None else "",
            self.notes(database, name),
        ]

    def markdown(self, header: list[str]) -> str:
        """The header, the table, the checks, and the rows that could not be measured."""
        lines = [*header, "", "## Table", "", self.table(), "", "## Checks", ""]
        for check in self.checks():
            label = f"- **({check.code}) {check.verdict}** {check.rule}"
            if check.skipped:
                label += f" ({check.skipped})"
            elif check.offenders:
                label += f": {len(check.offenders)} offending"
            if check.detail:
                label += f"; {check.detail}"
            lines.append(label)
            lines += [f"    - {offender}" for offender in check.offenders]
            if check.set_aside:
                lines.append(
                    f"    - not compared, the page at {size_label(self.large)} showing more "
                    f"rows than the one at {size_label(self.small)} (a body ≥ {LARGER_PAGE}× "
                    f"as large): {len(check.set_aside)}"
                )
                lines += [f"        - {row}" for row in check.set_aside]
            if check.by_data:
                lines.append(
                    "    - not compared, the queries differing by a kind of query that the page's "
                    f"rows need at one size and not at the other: {len(check.by_data)}"
                )
                lines += [f"        - {row}" for row in check.by_data]
        troubled = [
            f"- {database} {name}: {self.notes(database, name)}"
            for name in self.names
            for database in self.databases
            if any(self.troubled(database, size, name) for size in self.sizes)
        ]
        if troubled:
            lines += ["", "## Rows not measured or not answering 200", "", *troubled]
        corpus = f"{self.databases[0]}-{self.large}"
        urls = [
            f"- `{name}`: `{measurement.url}`"
            for name in self.names
            if (measurement := self.measurements.get((corpus, name))) and measurement.url
        ]
        if urls:
            lines += ["", f"## URLs on {corpus}", "", *urls]
        return "\n".join(lines) + "\n"

    def troubled(self, database: str, size: int, name: str) -> bool:
        measurement = self.get(database, size, name)
        return measurement is not None and bool(measurement.missing or problems(measurement))
