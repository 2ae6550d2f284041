"""Organizations and invented officials, with their other names and positions."""

import datetime
import random
from dataclasses import dataclass, field

from django.utils.text import slugify

from newsroom.corpus import draws, spellings
from newsroom.corpus.draws import Zipf, chance
from newsroom.corpus.vocabulary import (
    COUNTRIES,
    INTERNATIONAL_ORGANIZATIONS,
    MOROCCAN_ORGANIZATIONS,
    MOROCCO,
    NAME_POOLS,
    NATIONAL_ORGANIZATIONS,
    TITLES,
    Country,
)
from visits.dates import DatePrecision
from visits.models import Official, OfficialName, Organization, Position
from visits.names import normalize_name

BATCH = 1000
# Countries whose intelligence service is a record too (Morocco's always is).
INTELLIGENCE_COUNTRIES = {"TR", "ES", "FR", "US", "EG"}
KIND_WEIGHTS = {"police": 6, "intelligence": 2, "ministry": 2, "military": 1, "international": 0}


@dataclass
class Body:
    """An organization as sentences name it: "de la Police nationale turque", "the Turkish ..."."""

    organization: Organization
    kind: str
    of_fr: str
    name_en: str


@dataclass
class Person:
    """An official with the country, spellings, title and body that sentences about them use."""

    official: Official
    country: Country
    other_names: list[tuple[str, str]]
    title: tuple[str, str]
    body: Body
    spellings: list[str] = field(init=False)

    def __post_init__(self):
        self.spellings = [self.official.name, *(name for name, _ in self.other_names)]

    def spelling(self, rng: random.Random) -> str:
        """The canonical name most of the time, else one of the other names."""
        if len(self.spellings) == 1 or chance(rng, 0.7):
            return self.spellings[0]
        return rng.choice(self.spellings[1:])


def _of(article: str, name: str) -> str:
    """French "of" before a name: "de la Police…", "du Ministère…", "de l'Office…"."""
    return {"le ": "du ", "la ": "de la ", "l'": "de l'"}[article] + name


def make_bodies(marker: str) -> dict[str, list[Body]]:
    """Morocco's security bodies under their pole, two or three per other country, and
    international organizations (under the empty country code)."""
    pole = Organization(
        name="Pôle DGSN-DGST",
        slug=f"pole-dgsn-dgst-{marker}",
        acronym="DGSN-DGST",
        kind=Organization.Kind.OTHER,
        country=MOROCCO.code,
    )
    Organization.objects.bulk_create([pole])
    bodies: dict[str, list[Body]] = {}

    def add(code, name, acronym, kind, article, name_en, parent=None):
        organization = Organization(
            name=name,
            slug=f"{slugify(name)}-{marker}",
            acronym=acronym,
            kind=kind,
            country=code,
            parent=parent,
        )
        bodies.setdefault(code, []).append(Body(organization, kind, _of(article, name), name_en))

    for name, acronym, kind, article, name_en in MOROCCAN_ORGANIZATIONS:
        add(MOROCCO.code, name, acronym, kind, article, name_en, pole if acronym else None)
    for country in COUNTRIES[1:]:
        for kind, name, article, name_en in NATIONAL_ORGANIZATIONS:
            if kind == "intelligence" and country.code not in INTELLIGENCE_COUNTRIES:
                continue
            label = name.format(adj_m=country.adj_m, adj_f=country.adj_f)
            english = name_en.format(adj=country.adj_en)
            add(country.code, label, "", kind, article, english)
    for name, acronym, kind, article, name_en in INTERNATIONAL_ORGANIZATIONS:
        add("", name, acronym, kind, article, name_en)
    Organization.objects.bulk_create(
        [body.organization for group in bodies.values() for body in group], batch_size=BATCH
    )
    return bodies


def _unique_name(rng: random.Random, country: Country, taken: set[str]) -> tuple[str, str]:
    """A first and last name no other official has, whatever the accents."""
    firsts, lasts = NAME_POOLS[country.culture]
    for attempt in range(40):
        first = rng.choice(firsts)
        if attempt >= 10:
            first = f"{first} {rng.choice(firsts)}"
        last = rng.choice(lasts)
        if attempt >= 25:
            last = f"{last}-{rng.choice(lasts)}"
        if normalize_name(f"{first} {last}") not in taken:
            taken.add(normalize_name(f"{first} {last}"))
            return first, last
    raise RuntimeError(f"No free name left for {country.name_en}.")


def _positions(rng: random.Random, person: Person, former: Body | None) -> list[Position]:
    """The current post, since a partial date, and sometimes a former one, years only."""
    start, _, precision = draws.date_range(
        rng, datetime.date(2009, 1, 1), datetime.date(2022, 12, 31)
    )
    current = Position(
        uid=draws.uid(rng),
        official=person.official,
        organization=person.body.organization,
        title=person.title[0],
        start=start,
        precision=precision,
    )
    if former is None:
        return [current]
    began = rng.randrange(2000, start.year - 1)
    return [
        Position(
            uid=draws.uid(rng),
            official=person.official,
            organization=former.organization,
            title=rng.choice(TITLES[former.kind])[0],
            start=datetime.date(began, 1, 1),
            end=datetime.date(rng.randrange(began + 1, start.year + 1), 1, 1),
            precision=DatePrecision.YEAR,
        ),
        current,
    ]


def make_people(
    rng: random.Random, count: int, bodies: dict[str, list[Body]], marker: str
) -> tuple[list[Person], int]:
    """`count` officials, the first Moroccan, each with one to three other names and one or two
    posts; and the number of posts."""
    taken: set[str] = set()
    people = []
    others = COUNTRIES[1:]
    for rank in range(count):
        country = MOROCCO if rank == 0 or chance(rng, 0.3) else rng.choice(others)
        first, last = _unique_name(rng, country, taken)
        name = f"{first} {last}"
        choices = bodies[country.code]
        body = rng.choices(choices, weights=[KIND_WEIGHTS[b.kind] for b in choices])[0]
        title = rng.choice(TITLES[body.kind])
        official = Official(
            name=name,
            slug=f"{slugify(name)}-{marker}",
            name_normalized=normalize_name(name),
            country=country.code,
            summary=f"{title[0][0].upper()}{title[0][1:]}, {body.organization.name}.",
        )
        other_names = spellings.other_names(rng, first, last)
        people.append(Person(official, country, other_names, title, body))
    Official.objects.bulk_create([p.official for p in people], batch_size=BATCH)
    OfficialName.objects.bulk_create(
        [
            OfficialName(official=p.official, name=name, kind=kind, normalized=normalize_name(name))
            for p in people
            for name, kind in p.other_names
        ],
        batch_size=BATCH,
    )
    positions = []
    for person in people:
        choices = bodies[person.country.code]
        former = rng.choice(choices) if chance(rng, 0.3) else None
        positions += _positions(rng, person, former)
    Position.objects.bulk_create(positions, batch_size=BATCH)
    return people, len(positions)


class Directory:
    """Officials ranked as the press names them, overall, by country and abroad."""

    def __init__(self, people: list[Person]):
        self.everyone = Zipf(people)
        self.foreign = Zipf([p for p in people if p.country is not MOROCCO])
        grouped: dict[str, list[Person]] = {}
        for person in people:
            grouped.setdefault(person.country.code, []).append(person)
        self.by_country = {code: Zipf(group) for code, group in grouped.items()}

    def of(self, country: Country) -> Zipf:
        return self.by_country.get(country.code) or Zipf([])
