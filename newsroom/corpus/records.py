"""Event series and editions, visits, and meetings with their participants."""

import datetime
import math
import random
from dataclasses import dataclass, field

from django.utils.text import slugify

from newsroom.corpus import draws
from newsroom.corpus.draws import chance
from newsroom.corpus.people import BATCH, Body, Directory, Person
from newsroom.corpus.vocabulary import (
    COUNTERPART_ROLES,
    COUNTRIES,
    EVENT_THEMES,
    MOROCCO,
    VISIT_KINDS,
    Country,
)
from visits import dates
from visits.dates import DatePrecision
from visits.models import (
    Event,
    EventSeries,
    Meeting,
    MeetingParticipant,
    Status,
    Topic,
    Visit,
)

EDITIONS_PER_SERIES = 5
STOPWORDS = {"de", "la", "le", "les", "des", "du", "sur", "à", "et"}


def status(rng: random.Random) -> str:
    """About nine records in ten published, the rest drafts and a few in review."""
    roll = rng.random()
    if roll < 0.9:
        return Status.PUBLISHED
    return Status.REVIEW if roll < 0.92 else Status.DRAFT


def of_city(city: str) -> str:
    """French "of" before a city: "de Dakar", "d'Abidjan", "du Caire"."""
    if city.startswith("Le "):
        return "du " + city[3:]
    return ("d'" if city[0].lower() in "aeiouyéèî" else "de ") + city


def at_city(city: str) -> str:
    """French "in" before a city: "à Dakar", "au Caire"."""
    return "au " + city[3:] if city.startswith("Le ") else "à " + city


@dataclass
class Gathering:
    """An event edition and what sentences say of it."""

    event: Event
    country: Country
    city: tuple[str, str]
    of_fr: str
    name_en: str
    year: int
    trips: list["Trip"] = field(default_factory=list)


@dataclass
class Counterpart:
    """An unnamed participant: a country and a role."""

    country: Country
    role: tuple[str, str]

    @classmethod
    def draw(cls, rng: random.Random, country: Country) -> "Counterpart":
        french, english = rng.choice(COUNTERPART_ROLES)
        french = french.format(adj_m=country.adj_m, adj_f=country.adj_f)
        return cls(country, (french, english.format(adj=country.adj_en)))


@dataclass
class Trip:
    """A visit and what sentences say of it."""

    visit: Visit
    visitor: Person
    host: Country
    city: tuple[str, str]
    kind: int
    gathering: Gathering | None
    meetings: list["Talk"] = field(default_factory=list)


@dataclass
class Talk:
    """A meeting, its place and participants, the first of whom leads the story."""

    meeting: Meeting
    trip: Trip | None
    country: Country
    city: tuple[str, str]
    participants: list[Person | Counterpart]


def of_name(of: str, name: str) -> str:
    """French "of" joined to a name: "du Salon", "de l'Assemblée"."""
    return f"{of}{name}" if of.endswith("'") else f"{of} {name}"


def _acronym(name: str) -> str:
    return "".join(word[0].upper() for word in name.split() if word not in STOPWORDS)


def make_gatherings(
    rng: random.Random, count: int, bodies: dict[str, list[Body]], marker: str
) -> list[Gathering]:
    """`count` editions in series of about five, each series held in one city of one country."""
    themes = [(theme, country) for theme in EVENT_THEMES for country in COUNTRIES]
    rng.shuffle(themes)
    # Morocco hosts more than its share, as in the press this corpus imitates.
    promoted = [pair for pair in themes if pair[1] is MOROCCO and chance(rng, 0.5)]
    themes = promoted + [pair for pair in themes if pair not in promoted]
    series_count = math.ceil(count / EDITIONS_PER_SERIES)
    gatherings = []
    all_series = []
    for index in range(series_count):
        (kind, theme, of_theme, theme_en), country = themes[index % len(themes)]
        city = rng.choice(country.cities)
        rerun = f" {index // len(themes) + 1}" if index >= len(themes) else ""
        name = f"{theme} {of_city(city[0])}{rerun}"
        acronym = _acronym(theme) + rerun.strip()
        host = bodies[country.code][0].organization
        series = EventSeries(
            name=name, slug=f"{slugify(name)}-{marker}", acronym=acronym, kind=kind, organizer=host
        )
        all_series.append(series)
        editions = min(EDITIONS_PER_SERIES, count - index * EDITIONS_PER_SERIES)
        step = 2 if editions * 2 <= 13 and chance(rng, 0.25) else 1
        first_year = rng.randrange(2015, 2028 - (editions - 1) * step)
        number = rng.randrange(1, 20)
        of_fr = of_name(of_theme, name)
        for edition in range(editions):
            year = first_year + edition * step
            start, end, precision = draws.date_range(
                rng, datetime.date(year, 1, 1), datetime.date(year, 12, 27)
            )
            event = Event(
                name=f"{acronym} {city[0]} {year}",
                slug=f"{slugify(name)}-{year}-{marker}",
                series=series,
                edition=str(number + edition),
                kind=kind,
                city=city[0],
                country=country.code,
                organizer=host if chance(rng, 0.7) else rng.choice(bodies[""]).organization,
                start=start,
                end=end,
                precision=precision,
                summary=f"{number + edition}e édition {of_fr}.",
                status=status(rng),
            )
            gatherings.append(
                Gathering(event, country, city, of_fr, f"the {city[1]} {theme_en}", year)
            )
    EventSeries.objects.bulk_create(all_series, batch_size=BATCH)
    Event.objects.bulk_create([g.event for g in gatherings], batch_size=BATCH)
    return gatherings


def make_trips(
    rng: random.Random,
    count: int,
    directory: Directory,
    gatherings: list[Gathering],
    bodies: dict[str, list[Body]],
) -> list[Trip]:
    """`count` visits: Moroccan officials abroad, mostly where known counterparts are, and
    foreign officials mostly to Morocco; some made for an event of the host country."""
    held_in: dict[str, list[Gathering]] = {}
    for gathering in gatherings:
        held_in.setdefault(gathering.country.code, []).append(gathering)
    trips, delegations = [], []
    for _ in range(count):
        visitor = directory.everyone.pick(rng)
        origin = visitor.country
        if origin is MOROCCO and directory.foreign and chance(rng, 0.7):
            host = directory.foreign.pick(rng).country
        elif origin is MOROCCO:
            host = rng.choice(COUNTRIES[1:])
        else:
            host = MOROCCO if chance(rng, 0.75) else rng.choice(COUNTRIES)
            host = MOROCCO if host is origin else host
        gathering = None
        if held_in.get(host.code) and chance(rng, 0.3):
            gathering = rng.choice(held_in[host.code])
        if gathering:
            event = gathering.event
            start, end, precision, city = event.start, event.end, event.precision, gathering.city
        else:
            start, end, precision = draws.date_range(rng)
            city = rng.choice(host.cities)
        kind = rng.choices(range(len(VISIT_KINDS)), weights=[50, 30, 5, 15])[0]
        inviting = bodies[host.code][0] if chance(rng, 0.3) else None
        visit = Visit(
            uid=draws.uid(rng),
            visitor=visitor.official,
            origin_country=origin.code,
            host_country=host.code,
            city=city[0],
            kind=VISIT_KINDS[kind][0],
            event=gathering.event if gathering else None,
            invited_by=f"les autorités {host.adj_fp}" if chance(rng, 0.5) else "",
            inviting_organization=inviting.organization if inviting else None,
            start=start,
            end=end,
            precision=precision,
            summary=(
                f"Visite {VISIT_KINDS[kind][1]} de {visitor.official.name} {host.in_fr}, "
                f"{at_city(city[0])}."
            ),
            status=status(rng),
        )
        trips.append(Trip(visit, visitor, host, city, kind, gathering))
        if gathering:
            gathering.trips.append(trips[-1])
        if chance(rng, 0.35):
            members = {directory.of(origin).pick(rng).official for _ in range(rng.randint(1, 2))}
            members.discard(visitor.official)
            delegations += [(visit, member) for member in sorted(members, key=lambda o: o.slug)]
    Visit.objects.bulk_create([trip.visit for trip in trips], batch_size=BATCH)
    Visit.delegation.through.objects.bulk_create(
        [
            Visit.delegation.through(visit_id=visit.pk, official_id=member.pk)
            for visit, member in delegations
        ],
        batch_size=BATCH,
    )
    return trips


def _meeting_date(rng: random.Random, trip: Trip | None) -> tuple[datetime.date, str]:
    """A day of the visit when its dates are days, else its month or year; any date alone."""
    if trip is None:
        start, _, precision = draws.date_range(rng)
        return start, precision
    visit = trip.visit
    if visit.precision != DatePrecision.DAY:
        return visit.start, visit.precision
    return draws.day_between(rng, visit.start, visit.end or visit.start), DatePrecision.DAY


def _participants(
    rng: random.Random, directory: Directory, trip: Trip | None
) -> tuple[Country, tuple[str, str], list[Person | Counterpart]]:
    """Where a meeting is held and who takes part, the lead first; two to four in all."""
    if trip is not None:
        country, city, lead = trip.host, trip.city, trip.visitor
    else:
        at_home = chance(rng, 0.65)
        country = MOROCCO if at_home else rng.choice(COUNTRIES[1:])
        city = MOROCCO.cities[0] if at_home and chance(rng, 0.5) else rng.choice(country.cities)
        lead = directory.of(MOROCCO).pick(rng)
    if country is lead.country:
        hosts, other_side = directory.foreign, rng.choice(COUNTRIES[1:])
    else:
        hosts, other_side = directory.of(country), country
    people: list[Person | Counterpart] = [lead]
    wanted = 2 + rng.choices([0, 1, 2], weights=[50, 30, 20])[0]
    while len(people) < wanted:
        if hosts and chance(rng, 0.8):
            person = hosts.pick(rng)
            if all(person is not other for other in people):
                people.append(person)
                continue
        people.append(Counterpart.draw(rng, other_side))
    return country, city, people


def make_talks(
    rng: random.Random, count: int, directory: Directory, trips: list[Trip], topics: list[Topic]
) -> list[Talk]:
    """`count` meetings, about half during a visit, with their participants and topics."""
    talks, participants, tagged = [], [], []
    for _ in range(count):
        trip = rng.choice(trips) if trips and chance(rng, 0.5) else None
        country, city, people = _participants(rng, directory, trip)
        day, precision = _meeting_date(rng, trip)
        meeting = Meeting(
            uid=draws.uid(rng),
            visit=trip.visit if trip else None,
            date=dates.truncate(day, precision),
            precision=precision,
            city=city[0],
            country=country.code,
            summary=f"Entretien {at_city(city[0])} sur la coopération sécuritaire.",
            status=status(rng),
        )
        talk = Talk(meeting, trip, country, city, people)
        talks.append(talk)
        if trip:
            trip.meetings.append(talk)
        tagged += [(meeting, topic) for topic in rng.sample(topics, rng.randint(0, 2))]
        for person in people:
            if isinstance(person, Person):
                participant = MeetingParticipant(
                    official=person.official,
                    organization=person.body.organization,
                    title=person.title[0],
                )
            else:
                participant = MeetingParticipant(country=person.country.code, role=person.role[0])
            participant.uid, participant.meeting = draws.uid(rng), meeting
            participants.append(participant)
    Meeting.objects.bulk_create([talk.meeting for talk in talks], batch_size=BATCH)
    MeetingParticipant.objects.bulk_create(participants, batch_size=BATCH)
    Meeting.topics.through.objects.bulk_create(
        [Meeting.topics.through(meeting_id=m.pk, topic_id=t.pk) for m, t in tagged],
        batch_size=BATCH,
    )
    return talks
