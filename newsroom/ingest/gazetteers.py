"""Gazetteers: the names ingestion looks for, from the database and the static lexicon."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils import translation
from django_countries import countries as all_countries

from newsroom.ingest import lexicon
from newsroom.ingest.tokens import Token, fold_words
from visits.names import normalize_name

COUNTRY = "country"
DEMONYM = "demonym"
CITY = "city"
HOME = "home"
ORGANIZATION = "organization"
SERIES = "series"
EVENT = "event"
OFFICIAL = "official"

# A joint between two words of one name: spaces, a hyphen, an apostrophe or an initial's dot.
_JOINT = re.compile(r"^(?:[ \t\u00a0\u202f]*[-'’.]?[ \t\u00a0\u202f]*)$")


@dataclass(frozen=True, slots=True)
class OfficialRef:
    slug: str
    name: str
    country: str


@dataclass(frozen=True, slots=True)
class OrganizationRef:
    name: str
    acronym: str
    country: str
    kind: str
    slug: str = ""


@dataclass(frozen=True, slots=True)
class EventRef:
    slug: str
    name: str
    series: str
    edition: str
    year: int | None
    city: str
    country: str


@dataclass(frozen=True, slots=True)
class SeriesRef:
    name: str
    acronym: str
    kind: str
    slug: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    value: object  # a country code, or one of the references above
    case: str  # "upper": as an acronym; "title": capitalized; "any"


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token indexes
    end: int
    entry: Entry
    char_start: int
    char_end: int


def _case_of(form: str) -> str:
    letters = [c for c in form if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    return "title" if form[:1].isupper() else "any"


def _french_plurals(masculine: str, feminine: str) -> list[str]:
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    return [masculine, feminine, plural, feminine + "s"]


@dataclass
class Gazetteer:
    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    longest: int = 1
    officials: dict[str, OfficialRef] = field(default_factory=dict)
    surnames: dict[str, list[OfficialRef]] = field(default_factory=lambda: defaultdict(list))
    series_by_key: dict[str, SeriesRef] = field(default_factory=dict)
    events_by_edition: dict[tuple[str, str], EventRef] = field(default_factory=dict)
    events_by_name: dict[str, EventRef] = field(default_factory=dict)
    base: "Gazetteer | None" = None  # the static lexicon, shared by every build

    def __post_init__(self):
        if self.base is not None:
            self.longest = max(self.longest, self.base.longest)

    def entries(self, key: tuple[str, ...]) -> list[Entry]:
        found = self.index.get(key, [])
        if self.base is not None:
            found = found + self.base.index.get(key, [])
        return found

    def add(self, form: str, kind: str, value: object, case: str | None = None) -> None:
        key = fold_words(form)
        if not key:
            return
        entry = Entry(kind, value, case or _case_of(form))
        if entry not in self.index[key]:
            self.index[key].append(entry)
        self.longest = max(self.longest, len(key), self.base.longest if self.base else 1)

    def add_official(self, ref: OfficialRef, name: str) -> None:
        self.officials[normalize_name(name)] = ref
        self.add(name, OFFICIAL, ref, "title")
        words = fold_words(name)
        if len(words) > 1 and ref not in self.surnames[words[-1]]:
            self.surnames[words[-1]].append(ref)

    def official(self, name: str) -> OfficialRef | None:
        return self.officials.get(normalize_name(name))

    def find(self, tokens: list[Token], text: str) -> list[Match]:
        """Longest gazetteer matches over `tokens`, left to right, never across punctuation."""
        joins = [
            _JOINT.match(text[tokens[i].end : tokens[i + 1].start]) is not None
            for i in range(len(tokens) - 1)
        ]
        matches: list[Match] = []
        i = 0
        while i < len(tokens):
            found = None
            limit = 1
            while limit < self.longest and i + limit < len(tokens) and joins[i + limit - 1]:
                limit += 1
            for length in range(limit, 0, -1):
                entries = self.entries(tuple(t.folded for t in tokens[i : i + length]))
                if not entries:
                    continue
                span = tokens[i : i + length]
                fitting = [e for e in entries if _fits(e.case, span)]
                if fitting:
                    found = [Match(i, i + length, e, span[0].start, span[-1].end) for e in fitting]
                    break
            if found:
                matches.extend(found)
                i = found[0].end
            else:
                i += 1
        return matches


def _fits(case: str, span: list[Token]) -> bool:
    if case == "upper":
        return all(t.text.isupper() or t.text.isdigit() for t in span)
    if case == "title":
        return span[0].text[:1].isupper()
    return True


def static_entries() -> list[tuple[str, str, object, str | None]]:
    """The lexicon's names as (form, kind, value, case)."""
    entries: list[tuple[str, str, object, str | None]] = []
    for language in ("fr", "en"):
        with translation.override(language):
            for country in all_countries:
                name = re.sub(r"\s*\(.*?\)|,.*$", "", str(country.name)).strip()
                entries.append((name, COUNTRY, country.code, "title"))
                if language == "en" and name.startswith("United States"):
                    entries.append(("United States", COUNTRY, country.code, "title"))
    for code, aliases in lexicon.COUNTRY_ALIASES.items():
        entries.extend((alias, COUNTRY, code, None) for alias in aliases)
    entries.extend((alias, HOME, lexicon.HOME_COUNTRY, "title") for alias in lexicon.HOME_ALIASES)
    for line in lexicon.DEMONYMS.strip().splitlines():
        code, rest = line.split(":", 1)
        french, english = (part.strip() for part in rest.split(";"))
        masculine, feminine = french.split("/")
        entries.extend(
            (form, DEMONYM, code, "any") for form in _french_plurals(masculine, feminine)
        )
        entries.append((english, DEMONYM, code, "title"))
    for line in lexicon.CITIES.strip().splitlines():
        code, names = line.split(":", 1)
        entries.extend((name.strip(), CITY, code, "title") for name in names.split(","))
    for names, acronym, country, kind in lexicon.ORGANIZATIONS:
        ref = OrganizationRef(names[0], acronym, country, kind)
        entries.extend((name, ORGANIZATION, ref, None) for name in names)
        if acronym:
            entries.append((acronym, ORGANIZATION, ref, "upper"))
    for names, acronym, kind in lexicon.EVENT_SERIES:
        ref = SeriesRef(names[0], acronym, kind)
        entries.extend((name, SERIES, ref, None) for name in names)
        if acronym:
            entries.append((acronym, SERIES, ref, "upper"))
    return entries


@lru_cache(maxsize=1)
def static_gazetteer() -> Gazetteer:
    """The static lexicon's gazetteer, built once per process."""
    gazetteer = Gazetteer()
    for form, kind, value, case in static_entries():
        gazetteer.add(form, kind, value, case)
    return gazetteer


def build() -> Gazetteer:
    """The static lexicon and the database's officials, organizations and events."""
    from visits.models import Event, EventSeries, Official, OfficialName, Organization

    gazetteer = Gazetteer(base=static_gazetteer())

    refs = {}
    for slug, name, country in Official.objects.values_list("slug", "name", "country"):
        refs[slug] = OfficialRef(slug, name, country or "")
        gazetteer.add_official(refs[slug], name)
    for slug, name in OfficialName.objects.values_list("official__slug", "name"):
        gazetteer.add_official(refs[slug], name)

    for row in Organization.objects.values("slug", "name", "acronym", "country", "kind"):
        ref = OrganizationRef(row["name"], row["acronym"], row["country"] or "", row["kind"])
        ref = OrganizationRef(ref.name, ref.acronym, ref.country, ref.kind, row["slug"])
        gazetteer.add(row["name"], ORGANIZATION, ref)
        if row["acronym"] and len(row["acronym"]) > 1:
            gazetteer.add(row["acronym"], ORGANIZATION, ref, "upper")

    series_refs = {}
    for row in EventSeries.objects.values("slug", "name", "acronym", "kind"):
        ref = SeriesRef(row["name"], row["acronym"], row["kind"], row["slug"])
        series_refs[row["slug"]] = ref
        gazetteer.add(row["name"], SERIES, ref)
        if row["acronym"]:
            gazetteer.add(row["acronym"], SERIES, ref, "upper")
    for key, ref in _series_keys(gazetteer, series_refs.values()):
        gazetteer.series_by_key[key] = ref

    events = Event.objects.values(
        "slug", "name", "series__slug", "edition", "start", "city", "country"
    )
    for row in events:
        ref = EventRef(
            row["slug"],
            row["name"],
            row["series__slug"] or "",
            row["edition"] or "",
            row["start"].year if row["start"] else None,
            row["city"] or "",
            row["country"] or "",
        )
        gazetteer.events_by_name[normalize_name(row["name"])] = ref
        gazetteer.add(row["name"], EVENT, ref)
        _index_static_series(gazetteer, ref)
        if ref.series:
            if ref.edition:
                gazetteer.events_by_edition[(ref.series, ref.edition)] = ref
            if ref.year:
                gazetteer.events_by_edition.setdefault((ref.series, str(ref.year)), ref)
    return gazetteer


def _index_static_series(gazetteer: Gazetteer, ref: EventRef) -> None:
    """ "Coupe du monde 2030" in the database is also the "2030 World Cup" of an English text."""
    year = re.search(r"\b((?:19|20)\d{2})\b", ref.name)
    if not year:
        return
    words = " " + " ".join(fold_words(ref.name)) + " "
    for names, _acronym, _kind in lexicon.EVENT_SERIES:
        if any(" " + " ".join(fold_words(name)) + " " in words for name in names):
            key = (normalize_name(names[0]), year.group(1))
            gazetteer.events_by_edition.setdefault(key, ref)


def _series_keys(gazetteer: Gazetteer, database_series):
    """Static series known to the database under another name share its slug."""
    for ref in database_series:
        yield normalize_name(ref.name), ref
        if ref.acronym:
            yield normalize_name(ref.acronym), ref
    for names, acronym, _kind in lexicon.EVENT_SERIES:
        for ref in database_series:
            same = normalize_name(ref.name) in {normalize_name(n) for n in names}
            if same or (acronym and normalize_name(acronym) == normalize_name(ref.acronym)):
                for name in names:
                    yield normalize_name(name), ref
