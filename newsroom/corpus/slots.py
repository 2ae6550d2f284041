"""The values a story gives the templates: names, places, dates and topics, in one language."""

import datetime
import random
from typing import TYPE_CHECKING

from newsroom.corpus.people import Person
from newsroom.corpus.records import Counterpart, at_city
from newsroom.corpus.vocabulary import COUNTRIES, MONTHS_EN, MONTHS_FR, TOPICS, VISIT_KINDS, Country
from newsroom.corpus.vocabulary import Topic as TopicWords
from visits.dates import DatePrecision

if TYPE_CHECKING:
    from newsroom.corpus.articles import Story


def month_year(day: datetime.date, language: str) -> str:
    """ "mars 2021", "March 2021"."""
    months = MONTHS_FR if language == "fr" else MONTHS_EN
    return f"{months[day.month - 1]} {day.year}"


def spoken_date(day: datetime.date, precision: str, language: str) -> str:
    """ "le 12 mars 2021", "en mars 2021", "in 2021", "on 1 May 2019"."""
    months = MONTHS_FR if language == "fr" else MONTHS_EN
    if precision == DatePrecision.YEAR:
        return f"en {day.year}" if language == "fr" else f"in {day.year}"
    if precision == DatePrecision.MONTH:
        return ("en " if language == "fr" else "in ") + month_year(day, language)
    if language == "fr":
        return f"le {'1er' if day.day == 1 else day.day} {months[day.month - 1]} {day.year}"
    return f"on {day.day} {months[day.month - 1]} {day.year}"


def _to(definite: str) -> str:
    """French "à" before a noun with its article: "à la", "au", "aux"."""
    for article, contracted in (("le ", "au "), ("les ", "aux ")):
        if definite.startswith(article):
            return contracted + definite[len(article) :]
    return "à " + definite


def _capital(value: str) -> str:
    return value[:1].upper() + value[1:]


def _unnamed(counterpart: Counterpart, language: str) -> str:
    """ "le chef de la délégation jordanienne", "l'ambassadeur turc", "the Turkish ambassador"."""
    if language == "en":
        return f"the {counterpart.role[1]}"
    role = counterpart.role[0]
    return ("l'" if role[0] in "aeiouéèh" else "le ") + role


def _topics(
    rng: random.Random, chosen: list[TopicWords]
) -> tuple[TopicWords, TopicWords, TopicWords, TopicWords]:
    """Two topics and two threats, the article's own first."""
    others = rng.sample(TOPICS, len(TOPICS))
    ranked = chosen + [t for t in others if t not in chosen]
    threats = [t for t in ranked if t.threat]
    return ranked[0], ranked[1], threats[0], threats[1]


def story_slots(
    rng: random.Random, story: "Story", language: str, chosen: list[TopicWords]
) -> tuple[dict[str, str], Country]:
    """The slots of `language` for one story, and the third country its text may mention."""
    french = language == "fr"
    lead, other, host, partner = story.lead, story.counterpart, story.host, story.partner
    topic, topic2, threat, threat2 = _topics(rng, chosen)
    if isinstance(other, Person):
        short = other.spelling(rng)
        long = f"{short}, {other.title[0 if french else 1]}"
    else:
        short = long = _unnamed(other, language)
    third = rng.choice([c for c in COUNTRIES if c is not host and c is not partner])
    gathering = story.gathering
    visit = VISIT_KINDS[story.visit_kind]
    date = spoken_date(story.day, story.precision, language)
    slots = {
        "official": lead.spelling(rng),
        "title": lead.title[0 if french else 1],
        "counterpart": long,
        "counterpart_short": short,
        "Counterpart_short": _capital(short),
        "date": date,
        "Date": _capital(date),
        "year": str(gathering.year if gathering else story.day.year),
        "next_year": str(story.day.year + 1),
        "event": gathering.event.name if gathering else "",
        "n": str(rng.randint(3, 40)),
        "m": str(rng.randint(120, 2500)),
        "pct": str(rng.randint(5, 45)),
        "tonnes": str(rng.randint(4, 90)),
    }
    if french:
        return slots | {
            "of_org": lead.body.of_fr,
            "host": host.name_fr,
            "Host": _capital(host.name_fr),
            "host_in": host.in_fr,
            "host_adj_mp": host.adj_mp,
            "host_adj_fp": host.adj_fp,
            "origin": partner.name_fr,
            "origin_adj_f": partner.adj_f,
            "origin_adj_mp": partner.adj_mp,
            "origin_adj_fp": partner.adj_fp,
            "third_in": third.in_fr,
            "from_third": third.of_fr,
            "city": story.city[0],
            "at_city": at_city(story.city[0]),
            "of_event": gathering.of_fr if gathering else "",
            "visit": f"visite {visit[1]}",
            "a_visit": f"une visite {visit[1]}",
            "topic": topic.name,
            "Topic": _capital(topic.name),
            "topic2": topic2.name,
            "topic_def": topic.definite,
            "to_topic": _to(topic.definite),
            "threat": threat.definite,
            "threat2": threat2.definite,
            "to_threat": _to(threat.definite),
            "to_threat2": _to(threat2.definite),
        }, third
    article = "an" if visit[2][0] in "aeiou" else "a"
    return slots | {
        "org": lead.body.name_en,
        "host": host.name_en,
        "Host": _capital(host.name_en),
        "host_adj": host.adj_en,
        "origin": partner.name_en,
        "origin_adj": partner.adj_en,
        "third": third.name_en,
        "city": story.city[1],
        "at_city": f"in {story.city[1]}",
        "event_long": gathering.name_en if gathering else "",
        "visit": f"{visit[2]} visit",
        "a_visit": f"{article} {visit[2]} visit",
        "topic": topic.english,
        "Topic": _capital(topic.english),
        "topic2": topic2.english,
        "threat": threat.english,
        "threat2": threat2.english,
    }, third
