"""Visits, meetings and roles: who travelled where, whom they met, and who is only mentioned."""

import bisect
import re
from dataclasses import dataclass, field

from newsroom.ingest import gazetteers as gz
from newsroom.ingest import lexicon
from newsroom.ingest.dates import DateRange
from newsroom.ingest.entities import Event
from newsroom.ingest.gazetteers import Match
from newsroom.ingest.meetings import (
    INVITATION,
    MEETING_VERB,
    Meeting,
    MeetingReading,
    month_of,
)
from newsroom.ingest.people import Person, PersonMention
from newsroom.ingest.segments import Sentence

VISITOR, DELEGATION, MET, MENTIONED = "visitor", "delegation", "met", "mentioned"

_VISIT_NOUN = re.compile(
    r"\b(?:visites?|visits?|deplacement|tournee|sejour|trip|mission)\b"
    r"(?:\s+(?:officielle|de travail(?: et d'amitie)?|d'etat|d'amitie|de deux jours))?"
)
_VISIT_VERB = re.compile(
    r"\b(?:s'est rendue?|se rend|se rendra|s'est deplacee?|travell?ed to|arrived in|arrives in"
    r"|travels to|travel to|travell?ing to|will visit|is visiting|arrive in|arriving in"
    r"|flew to|a conduit la delegation|conduit la delegation|conduira la delegation"
    r"|led (?:the|a) (?:\w+ )?delegation|a pris part|prend part|prendra part|a participe"
    r"|participe|took part|takes part|attended|attends|will attend|is attending|visited"
    r"|(?:a|avait|a aussi|a egalement|a ensuite) visitee?)\b"
)
_ANAPHORA = re.compile(r"\b(?:cette|cet|ce|sa|son|ses|la|this|the|his|her|its|that)\s+(?:\w+\s+)?$")
_TRAVEL_PREPOSITION = re.compile(
    r"(?:\b(?:en|au|aux|a|dans|vers|in|to|at)\s+(?:the\s+|la\s+|l')?)$"
)
_KINDS = [
    (re.compile(r"\b(?:officielle|official)\b"), "official"),
    (re.compile(r"\b(?:de travail|working)\b"), "working"),
    (re.compile(r"\b(?:d'etat|state)\b"), "state"),
]
_EVENT_CUE = re.compile(
    r"(?:dans le cadre d|au salon|au forum|participation|pris part|prend part|took part|attend"
    r"|s'est rendue? au|a l'occasion d|en marge d|on the sidelines of|for the|to the|a la|au)"
    r"[^.;]{0,25}$"
)
_DELEGATION = re.compile(
    r"\b(?:delegation\s+(?:\w+\s+){0,4}?(?:comprenant|composee|compose|comprenait|comprising"
    r"|including|included|includes|dont faisaient partie|formee)"
    r"|accompagnee?s? (?:de|du|des|d'|par)|accompanied by|aux cotes d)"
)
_COMPANION = re.compile(r"\b(?:accompagnee?s? (?:de|du|des|d'|par)|accompanied by|aux cotes d)")


@dataclass
class Visit:
    visitor: Person
    host: str
    city: str = ""
    dates: DateRange | None = None
    kind: str | None = None
    event: Event | None = None
    sentences: list[int] = field(default_factory=list)
    delegation: list[Person] = field(default_factory=list)
    inviter: Person | None = None

    @property
    def origin(self) -> str:
        if self.visitor.country and self.visitor.country != self.host:
            return self.visitor.country
        return lexicon.HOME_COUNTRY if self.host != lexicon.HOME_COUNTRY else ""


@dataclass
class Relations:
    visits: list[Visit]
    meetings: list[Meeting]
    roles: dict[int, str]  # id(person) -> role


class Reader(MeetingReading):
    """Reads visits and meetings sentence by sentence, keeping track of the current visit."""

    def __init__(self, *, body, folded, sentences, persons, places, events, dates, organizations):
        self.body: str = body
        self.folded: str = folded
        self.sentences: list[Sentence] = sentences
        self.persons: list[Person] = persons
        self.places: list[Match] = places
        self.events: list[Event] = events
        self.dates = dates  # sentence index -> [(DateMention, DateRange | None, Event | None)]
        self.organizations = organizations
        self.excluded_titles = [p.title_span for p in persons if p.title_span]
        # Places inside a title, an organization's or an event's name are not where one goes.
        self.excluded = (
            self.excluded_titles
            + [(o.start, o.end) for o in organizations]
            + [span for e in events for span in e.spans]
        )
        self.visits: list[Visit] = []
        self.meetings: list[Meeting] = []
        self.current: Visit | None = None
        self.last_subject: Person | None = None
        self.mentions: list[tuple[PersonMention, Person]] = sorted(
            ((m, p) for p in persons for m in p.mentions), key=lambda pair: pair[0].start
        )
        self.mention_starts = [m.start for m, _ in self.mentions]

    # -- lookups ---------------------------------------------------------------------------
    def people_in(self, start: int, end: int) -> list[tuple[PersonMention, Person]]:
        first = bisect.bisect_left(self.mention_starts, start)
        last = bisect.bisect_left(self.mention_starts, end)
        return [(m, p) for m, p in self.mentions[first:last] if m.end <= end]

    def places_in(
        self, start: int, end: int, kinds=(gz.COUNTRY, gz.CITY, gz.HOME), *, anywhere=False
    ) -> list[Match]:
        return [
            m for m in self.places
            if start <= m.char_start and m.char_end <= end and m.entry.kind in kinds
            and (anywhere or not self.inside_excluded(m))
        ]  # fmt: skip

    def inside_excluded(self, match: Match) -> bool:
        return any(s <= match.char_start and match.char_end <= e for s, e in self.excluded)

    def country_of(self, match: Match) -> str:
        return str(match.entry.value)

    def events_in(self, sentence: Sentence) -> list[Event]:
        return [
            e for e in self.events
            if any(sentence.start <= s and en <= sentence.end + 1 for s, en in e.spans)
        ]  # fmt: skip

    def actor(self, sentence: Sentence, before: int) -> Person | None:
        """Who a descriptor such as "le responsable turc" or "he" stands for."""
        descriptor = self.places_in(sentence.start, before, (gz.DEMONYM,))
        if descriptor:
            country = self.country_of(descriptor[0])
            visit = self.current
            if visit is not None and country in (visit.visitor.country, visit.origin):
                return visit.visitor
            known = [p for m, p in self.mentions if m.start < sentence.end and p.country == country]
            if known:
                return known[-1]
        if self.current is not None:
            return self.current.visitor
        if self.last_subject is not None:
            return self.last_subject
        officials = [p for p in self.persons if p.official]
        return officials[0] if officials else (self.persons[0] if self.persons else None)

    def subject(self, sentence: Sentence, start: int, avoid_country: str = "") -> Person | None:
        """The person a trigger at `start` is said of: the nearest one named before it."""
        before = self.people_in(sentence.start, start)
        for index in range(len(before) - 1, -1, -1):
            mention, person = before[index]
            if INVITATION.search(self.folded[sentence.start : mention.start]):
                continue
            previous_end = before[index - 1][0].end if index else sentence.start
            if _COMPANION.search(self.folded[previous_end : mention.start]):
                continue  # "X, accompagné du directeur ..., Y, s'est entretenu": X speaks
            if avoid_country and person.country == avoid_country:
                continue
            return person
        return self.actor(sentence, start)

    # -- visits ----------------------------------------------------------------------------
    def host_near(self, sentence: Sentence, start: int, end: int) -> list[Match]:
        after = self.places_in(end, min(sentence.end, end + 100))
        before = self.places_in(max(sentence.start, start - 70), start)
        ranked = [
            m
            for m in after
            if _TRAVEL_PREPOSITION.search(self.folded[max(0, m.char_start - 14) : m.char_start])
        ]
        ranked += [
            m
            for m in reversed(before)
            if _TRAVEL_PREPOSITION.search(self.folded[max(0, m.char_start - 14) : m.char_start])
        ]
        return ranked

    def visitor_after(self, sentence: Sentence, end: int) -> Person | None:
        """ "la visite à Rabat, le mois dernier, du général X": the visitor named after "de"."""
        following = self.people_in(end, sentence.end)
        if not following:
            return None
        mention, person = following[0]
        gap = self.folded[end : mention.start]
        if len(gap) > 70 or re.search(r"\b(?:invitation|avec|with|par|et|and)\b", gap):
            return None
        if re.search(
            r"(?:\b(?:du|de|d'|des|by)\s*)(?:(?:la|le|l'|the)\s+)?(?:[\w-]+\s+){0,3}$", gap
        ):
            return person
        return None

    def sentence_dates(self, sentence: Sentence, unattached: bool = True):
        return [
            (mention, resolved) for mention, resolved, event in self.dates.get(sentence.index, [])
            if resolved is not None and (event is None or not unattached)
        ]  # fmt: skip

    def read_visit(self, sentence: Sentence, match: re.Match) -> None:
        start, end = sentence.start + match.start(), sentence.start + match.end()
        folded_before = self.folded[max(sentence.start, start - 30) : start]
        text = self.body[start:end]
        verb = bool(_VISIT_VERB.fullmatch(match.group()))
        if not verb and re.match(r"visit[ée]e?\b", text) and "é" in text[:7]:
            return  # "visité" is the verb, read by the verb pattern
        hosts = self.host_near(sentence, start, end)
        events = self.events_in(sentence)
        taking_part = verb and re.search(r"part|particip|attend|conduit|led", match.group())
        if taking_part and not hosts and not any(e.country for e in events):
            return
        if verb and "visit" in match.group() and not hosts:
            return  # "a visité l'Institut royal de police": a place within a visit
        visitor = self.visitor_after(sentence, end)
        anaphoric = bool(_ANAPHORA.search(folded_before)) and not hosts and visitor is None
        if anaphoric or (not hosts and not events and self.current is not None):
            if self.current is not None:
                self.attach(self.current, sentence)
                self.read_kind(self.current, sentence, start, end)
            return
        host = self.country_of(hosts[0]) if hosts else ""
        if visitor is None:
            visitor = self.subject(sentence, start, avoid_country=host)
        if visitor is None:
            return
        for other in hosts[1:]:
            if host != visitor.country:
                break
            host = self.country_of(other)
        if not host:
            compatible = [e for e in events if e.country]
            if not compatible:
                return
            host = compatible[0].country
        if host == visitor.country:
            return
        visit = next((v for v in self.visits if v.visitor is visitor and v.host == host), None)
        if visit is None:
            visit = Visit(visitor=visitor, host=host)
            self.visits.append(visit)
        self.read_kind(visit, sentence, start, end)
        dated = self.sentence_dates(sentence)
        if dated and visit.dates is None:
            ranges = [d for d in dated if d[1].end]
            chosen = min(ranges or dated, key=lambda d: abs(d[0].start - start))
            visit.dates = chosen[1]
        invitation = re.search(r"\binvitation\b", self.folded[end : sentence.end])
        if invitation and visit.inviter is None:
            invited_by = self.people_in(end + invitation.end(), sentence.end)
            if invited_by:
                visit.inviter = invited_by[0][1]
        self.attach(visit, sentence)
        self.current = visit
        self.last_subject = visitor

    def read_kind(self, visit: Visit, sentence: Sentence, start: int, end: int) -> None:
        window = self.folded[max(sentence.start, start - 12) : min(sentence.end, end + 30)]
        for pattern, kind in _KINDS:
            if visit.kind is None and pattern.search(window):
                visit.kind = kind

    def attach(self, visit: Visit, sentence: Sentence) -> None:
        """A sentence that tells of `visit`: its event and city fill what the visit lacks."""
        if sentence.index not in visit.sentences:
            visit.sentences.append(sentence.index)
        if visit.event is None:
            for event in self.events_in(sentence):
                if self.compatible(visit, event) and (
                    event.country == visit.host or self.cued(event, sentence)
                ):
                    visit.event = event
                    break
        if not visit.city:
            for city in self.places_in(sentence.start, sentence.end, (gz.CITY,)):
                if self.country_of(city) == visit.host:
                    visit.city = self.body[city.char_start : city.char_end]
                    break

    def cued(self, event: Event, sentence: Sentence) -> bool:
        """Whether the words before an event say the visit was made for it."""
        for start, _ in event.spans:
            if sentence.start <= start <= sentence.end:
                before = self.folded[max(sentence.start, start - 50) : start]
                if _EVENT_CUE.search(before):
                    return True
        return False

    def compatible(self, visit: Visit, event: Event) -> bool:
        if event.country and event.country != visit.host:
            return False
        visit_year = visit.dates.year if visit.dates else None
        return not (visit_year and event.year and visit_year != event.year)

    def finish_visit(self, visit: Visit) -> None:
        first = min(visit.sentences)
        if visit.event is None and first > 0 and self.sentences[first - 1].is_narrative:
            # "... au salon Milipol Qatar 2022. Hammouchi effectue une visite ... à cette occasion"
            for event in self.events_in(self.sentences[first - 1]):
                if event.country and self.compatible(visit, event):
                    visit.event = event
                    break
        if visit.event is not None:
            if visit.dates is None and visit.event.dates is not None:
                visit.dates = visit.event.dates
            if not visit.city and visit.event.city and visit.event.country in ("", visit.host):
                visit.city = visit.event.city
        near = [
            m for m in self.meetings
            if visit.visitor in m.participants and m.country in ("", visit.host)
            and abs(m.sentence - first) <= 2
        ]  # fmt: skip
        for meeting in near:
            meeting.visit = meeting.visit or visit
        if visit.dates is None:
            days = [m.dates for m in near if m.dates is not None and m.dates.precision == "day"]
            if days:
                visit.dates = days[0]  # "received on Wednesday ... who is on a visit"
        if not visit.city:
            for meeting in self.meetings:
                if meeting.visit is visit and meeting.city:
                    visit.city = meeting.city
                    break

    def received_abroad(self, sentence: Sentence, subject: Person, start: int, end: int) -> None:
        """ "X a été reçu à Madrid par ...": X is visiting the place he was received in."""
        places = [
            p for p in self.places_in(start, end, (gz.CITY, gz.COUNTRY))
            if self.country_of(p) != (subject.country or lexicon.HOME_COUNTRY)
        ]  # fmt: skip
        if not places:
            return
        host = self.country_of(places[0])
        visit = next((v for v in self.visits if v.visitor is subject and v.host == host), None)
        if visit is None:
            visit = Visit(visitor=subject, host=host)
            self.visits.append(visit)
            dated = self.sentence_dates(sentence)
            if dated:
                visit.dates = min(dated, key=lambda d: abs(d[0].start - start))[1]
        self.attach(visit, sentence)
        self.current = visit

    # -- delegation ------------------------------------------------------------------------
    def read_delegation(self, sentence: Sentence) -> None:
        match = _DELEGATION.search(self.folded, sentence.start, sentence.end)
        if not match or self.current is None:
            return
        # The members are named before the next verb of meeting: "..., s'est entretenu avec".
        verb = MEETING_VERB.search(self.folded, match.end(), sentence.end)
        for _, person in self.people_in(match.end(), verb.start() if verb else sentence.end):
            visit = self.current
            if person is not visit.visitor and person not in visit.delegation:
                visit.delegation.append(person)

    # -- the whole text --------------------------------------------------------------------
    def read(self) -> Relations:
        for sentence in self.sentences:
            if not sentence.is_narrative:
                continue
            folded = self.folded[sentence.start : sentence.end]
            triggers = sorted(
                list(_VISIT_NOUN.finditer(folded)) + list(_VISIT_VERB.finditer(folded)),
                key=lambda m: m.start(),
            )
            for match in triggers:
                self.read_visit(sentence, match)
            self.read_delegation(sentence)
            self.read_meetings(sentence)
        for visit in self.visits:
            self.finish_visit(visit)
        for meeting in self.meetings:
            visit = meeting.visit
            if visit is not None and meeting.dates is None and visit.dates is not None:
                meeting.dates = visit.dates if not visit.dates.end else month_of(visit.dates)
            if visit is not None and not meeting.city:
                meeting.city = visit.city
        return Relations(self.visits, self.meetings, self.roles())

    def roles(self) -> dict[int, str]:
        roles = {id(p): MENTIONED for p in self.persons}
        for meeting in self.meetings:
            for participant in meeting.participants:
                if isinstance(participant, Person):
                    roles[id(participant)] = MET
        for visit in self.visits:
            for person in visit.delegation:
                roles[id(person)] = DELEGATION
        for visit in self.visits:
            roles[id(visit.visitor)] = VISITOR
        return roles
