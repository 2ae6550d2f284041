"""Articles in chunks: each tells the story of a visit, a meeting, an event or an official."""

import datetime
import random
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.utils.text import slugify

from newsroom.corpus import draws, text
from newsroom.corpus.draws import LAST_DAY, chance
from newsroom.corpus.people import BATCH, Directory, Person
from newsroom.corpus.records import Counterpart, Gathering, Talk, Trip, status
from newsroom.corpus.slots import month_year, story_slots
from newsroom.corpus.vocabulary import AUTHORS, COUNTRIES, TOPICS, Country
from newsroom.models import (
    Article,
    ArticleCountry,
    ArticleEvent,
    ArticleMeeting,
    ArticleOfficial,
    ArticleOrganization,
    ArticleVisit,
    Outlet,
    content_hash,
)
from visits.dates import DatePrecision
from visits.models import Topic

CHUNK = 2000
LINK_MODELS = {
    "official": ArticleOfficial,
    "organization": ArticleOrganization,
    "event": ArticleEvent,
    "visit": ArticleVisit,
    "meeting": ArticleMeeting,
}
STORY_WEIGHTS = {"visit": 40, "meeting": 25, "event": 15, "official": 20}


@dataclass
class World:
    """The records articles report, and the outlets and topics they are filed under."""

    directory: Directory
    gatherings: list[Gathering]
    trips: list[Trip]
    talks: list[Talk]
    topics: list[Topic]
    outlets: dict[str, list[Outlet]]


@dataclass
class Story:
    """What one article tells: who, with whom, where, when, and the records it reports."""

    kind: str
    lead: Person
    counterpart: Person | Counterpart
    host: Country
    partner: Country
    city: tuple[str, str]
    day: datetime.date
    precision: str
    primary: tuple[str, object]
    gathering: Gathering | None = None
    visit_kind: int = 0
    related: list[tuple[str, object, str]] = field(default_factory=list)


@dataclass
class Draft:
    """An article before it is saved, with its links, countries and topics."""

    article: Article
    links: list[tuple[str, object, str]]
    countries: list[tuple[str, str, str]]
    topics: list[Topic]


def _someone(rng: random.Random, directory: Directory, country: Country) -> Person | Counterpart:
    """A named official of the country when there is one, else an unnamed counterpart."""
    known = directory.of(country)
    return known.pick(rng) if known and chance(rng, 0.8) else Counterpart.draw(rng, country)


def _visit_story(rng: random.Random, world: World) -> Story:
    trip = rng.choice(world.trips)
    talk = rng.choice(trip.meetings) if trip.meetings else None
    story = Story(
        kind="visit",
        lead=trip.visitor,
        counterpart=talk.participants[1] if talk else _someone(rng, world.directory, trip.host),
        host=trip.host,
        partner=trip.visitor.country,
        city=trip.city,
        day=trip.visit.start,
        precision=trip.visit.precision,
        primary=("visit", trip.visit),
        gathering=trip.gathering,
        visit_kind=trip.kind,
    )
    story.related.append(("official", trip.visitor.official, "lead"))
    if trip.gathering:
        story.related.append(("event", trip.gathering.event, "event"))
    if talk:
        story.related.append(("meeting", talk.meeting, "meeting"))
    return story


def _meeting_story(rng: random.Random, world: World) -> Story:
    talk = rng.choice(world.talks)
    lead, counterpart, trip = talk.participants[0], talk.participants[1], talk.trip
    partner = lead.country if lead.country is not talk.country else counterpart.country
    if partner is talk.country:
        partner = rng.choice([c for c in COUNTRIES if c is not talk.country])
    story = Story(
        kind="meeting",
        lead=lead,
        counterpart=counterpart,
        host=talk.country,
        partner=partner,
        city=talk.city,
        day=talk.meeting.date,
        precision=talk.meeting.precision,
        primary=("meeting", talk.meeting),
        gathering=trip.gathering if trip else None,
        visit_kind=trip.kind if trip else 0,
    )
    story.related.append(("official", lead.official, "lead"))
    if trip:
        story.related.append(("visit", trip.visit, "visit"))
        if trip.gathering:
            story.related.append(("event", trip.gathering.event, "event"))
    return story


def _event_story(rng: random.Random, world: World) -> Story:
    gathering = rng.choice(world.gatherings)
    host, directory = gathering.country, world.directory
    if gathering.trips:
        lead = rng.choice(gathering.trips).visitor
    else:
        lead = directory.everyone.pick(rng)
        if lead.country is host and directory.foreign:
            lead = directory.foreign.pick(rng)
    partner = lead.country if lead.country is not host else rng.choice(COUNTRIES[1:])
    story = Story(
        kind="event",
        lead=lead,
        counterpart=_someone(rng, directory, host),
        host=host,
        partner=partner,
        city=gathering.city,
        day=gathering.event.start,
        precision=gathering.event.precision,
        primary=("event", gathering.event),
        gathering=gathering,
    )
    story.related.append(("official", lead.official, "lead"))
    return story


def _official_story(rng: random.Random, world: World) -> Story:
    lead = world.directory.everyone.pick(rng)
    partner = rng.choice([c for c in COUNTRIES if c is not lead.country])
    start, _, precision = draws.date_range(rng)
    return Story(
        kind="official",
        lead=lead,
        counterpart=_someone(rng, world.directory, partner),
        host=lead.country,
        partner=partner,
        city=rng.choice(lead.country.cities),
        day=start,
        precision=precision,
        primary=("official", lead.official),
    )


STORIES = {
    "visit": _visit_story,
    "meeting": _meeting_story,
    "event": _event_story,
    "official": _official_story,
}


def _links(rng: random.Random, story: Story) -> list[tuple[str, object, str]]:
    """One to three records the article reports: the story's own, and some related ones."""
    wanted = rng.choices([1, 2, 3], weights=[30, 45, 25])[0]
    pool = list(story.related)
    if isinstance(story.counterpart, Person):
        pool.append(("official", story.counterpart.official, "counterpart"))
    return [(*story.primary, "lead"), *rng.sample(pool, min(wanted - 1, len(pool)))]


def _publication(rng: random.Random, story: Story) -> tuple[datetime.date | None, str]:
    """A few days after the story at day precision, within its month or year otherwise."""
    day = story.day
    if story.precision == DatePrecision.MONTH:
        day = day.replace(day=rng.randint(1, 28))
    elif story.precision == DatePrecision.YEAR:
        day = draws.day_between(rng, day, day.replace(month=12, day=31))
    day = min(day + datetime.timedelta(days=rng.randint(0, 6)), LAST_DAY)
    roll = rng.random()
    if roll < 0.01:
        return None, DatePrecision.DAY
    if roll < 0.04:
        return day.replace(day=1), DatePrecision.MONTH
    return day, DatePrecision.DAY


class Writer:
    """Drafts articles one after another, keeping titles, slugs and texts unique."""

    def __init__(self, rng: random.Random, world: World, marker: str):
        self.rng, self.world, self.marker = rng, world, marker
        self.kinds = [
            kind
            for kind, records in [
                ("visit", world.trips),
                ("meeting", world.talks),
                ("event", world.gatherings),
                ("official", [True]),
            ]
            if records
        ]
        self.weights = [STORY_WEIGHTS[kind] for kind in self.kinds]
        self.titles: set[str] = set()
        self.slugs: set[str] = set()
        self.hashes: set[str] = set()

    def _title(self, language: str, story: Story, slots: dict[str, str]) -> str:
        """A title no other article of the corpus has."""
        for _ in range(12):
            title = text.title(self.rng, language, story.kind, slots)
            if title not in self.titles:
                break
            slots["official"] = story.lead.spelling(self.rng)
        if title in self.titles:
            title = f"{title} ({month_year(story.day, language)})"
        suffix = 1
        base = title
        while title in self.titles:
            suffix += 1
            title = f"{base} ({suffix})"
        self.titles.add(title)
        return title

    def _slug(self, title: str) -> str:
        base = slugify(title)[:200].rstrip("-")
        slug, suffix = base, 1
        while slug in self.slugs:
            suffix += 1
            slug = f"{base}-{suffix}"
        self.slugs.add(slug)
        return f"{slug}-{self.marker}"

    def draft(self) -> Draft:
        rng = self.rng
        story = STORIES[rng.choices(self.kinds, weights=self.weights)[0]](rng, self.world)
        language = "fr" if chance(rng, 0.7) else "en"
        chosen = rng.sample(range(len(TOPICS)), rng.choices([0, 1, 2, 3], [10, 40, 35, 15])[0])
        slots, third = story_slots(rng, story, language, [TOPICS[i] for i in chosen])
        links = _links(rng, story)
        mentions = [mention for _, _, mention in links if mention != "lead"] + ["host", "origin"]
        if chance(rng, 0.25):
            mentions.append("third")
        if chance(rng, 0.3):
            mentions.append("org")
            links.append(("organization", story.lead.body.organization, "org"))
        mentions = list(dict.fromkeys(mentions))
        body, quotes = text.write(rng, language, story.kind, slots, mentions)
        while content_hash(body) in self.hashes:
            body, quotes = text.write(rng, language, story.kind, slots, mentions)
        digest = content_hash(body)
        self.hashes.add(digest)
        title = self._title(language, story, slots)
        slug = self._slug(title)
        published_on, precision = _publication(rng, story)
        created = draws.moment(rng, published_on or story.day)
        outlet = rng.choice(self.world.outlets[language])
        when = f"{published_on:%Y/%m}" if published_on else "archives"
        article = Article(
            title=title,
            slug=slug,
            outlet=outlet,
            url=f"https://{outlet.slug.removesuffix('-' + self.marker)}.example/{when}/{slug}/",
            author=rng.choice(AUTHORS) if chance(rng, 0.7) else "",
            published_on=published_on,
            published_precision=precision,
            language=language,
            body=body,
            summary=quotes["lead"],
            content_hash=digest,
            status=status(rng),
            created_at=created,
            updated_at=created + datetime.timedelta(hours=rng.randint(0, 72)),
        )
        partner_role = (
            ArticleCountry.Role.ORIGIN
            if story.partner is story.lead.country
            else ArticleCountry.Role.MENTIONED
        )
        countries = [
            (story.host.code, ArticleCountry.Role.HOST, quotes["host"]),
            (story.partner.code, partner_role, quotes["origin"]),
        ]
        if "third" in quotes:
            countries.append((third.code, ArticleCountry.Role.MENTIONED, quotes["third"]))
        links = [(name, target, quotes[mention]) for name, target, mention in links]
        return Draft(article, links, countries, [self.world.topics[i] for i in sorted(chosen)])


@contextmanager
def _timestamps_as_given() -> Iterator[None]:
    """Keep the drafted created_at and updated_at: bulk_create would stamp them with now()."""
    fields = [Article._meta.get_field(name) for name in ("created_at", "updated_at")]
    flags = [(f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, (auto_now, auto_now_add) in zip(fields, flags, strict=True):
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _save(drafts: list[Draft], counts: Counter) -> None:
    """One chunk of articles, then their links, countries and topics."""
    with _timestamps_as_given():
        Article.objects.bulk_create([d.article for d in drafts], batch_size=BATCH)
    links: dict[str, list] = {name: [] for name in LINK_MODELS}
    for draft in drafts:
        for name, target, quote in draft.links:
            links[name].append(
                LINK_MODELS[name](article=draft.article, quote=quote, **{name: target})
            )
    for name, rows in links.items():
        LINK_MODELS[name].objects.bulk_create(rows, batch_size=BATCH)
        counts[f"article_{name}_links"] += len(rows)
    countries = [
        ArticleCountry(article=d.article, country=code, role=role, quote=quote)
        for d in drafts
        for code, role, quote in d.countries
    ]
    ArticleCountry.objects.bulk_create(countries, batch_size=BATCH)
    through = Article.topics.through
    tags = [through(article_id=d.article.pk, topic_id=t.pk) for d in drafts for t in d.topics]
    through.objects.bulk_create(tags, batch_size=BATCH)
    counts["articles"] += len(drafts)
    counts["drafts"] += sum(d.article.status == "draft" for d in drafts)
    counts["country_links"] += len(countries)
    counts["topic_links"] += len(tags)


def make_articles(
    rng: random.Random,
    count: int,
    world: World,
    marker: str,
    progress: Callable[[int], None] | None = None,
) -> Counter:
    """`count` articles, drafted and saved `CHUNK` at a time so memory stays bounded."""
    writer, counts, drafts = Writer(rng, world, marker), Counter(), []
    for index in range(count):
        drafts.append(writer.draft())
        if len(drafts) == CHUNK or index == count - 1:
            _save(drafts, counts)
            drafts = []
            if progress:
                progress(index + 1)
    return counts
