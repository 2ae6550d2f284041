"""Meetings: who met whom, named or as an unnamed counterpart, when and where."""

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsroom.ingest import gazetteers as gz
from newsroom.ingest import lexicon
from newsroom.ingest.dates import DateRange
from newsroom.ingest.segments import Sentence

if TYPE_CHECKING:
    from newsroom.ingest.visits import Visit

MEETING_VERB = re.compile(
    r"\b(?:a rencontre|rencontre|ont rencontre|rencontre avec|entretenue?s?|s'entretient"
    r"|se sont entretenus|entretiens? avec|eu des entretiens|eu un entretien|a echange|echange"
    r"|s'est reunie?|se sont reunis|a tenu (?:une|des) (?:reunion|seance)s?|reunion avec"
    r"|a discute|a recu|recu|recoit|a accueilli|accueille|met|meets|met with|meeting with"
    r"|held talks|holds talks|talks with|received|receives|hosted|hosts|welcomed|welcomes"
    r"|sat down with|conferred with)\b"
)
_PASSIVE = re.compile(
    r"\b(?:a ete|ont ete|avait ete|sera|seront|fut|was|were|has been|had been|will be)\s+"
    r"(?:\w+\s+){0,2}?(?:recue?s?|accueillie?s?|received|welcomed|hosted)\b"
)
_AGENT = re.compile(r"\b(?:par|by)\b")
_SYMMETRIC = re.compile(
    r"\b(?:se sont (?:entretenus|rencontres|reunis)|met|have met|held talks"
    r"|ont eu des entretiens)\b"
)
_PARTICIPATION = re.compile(
    r"\b(?:a pris part|ont pris part|a assiste|a participe|took part|attended|joined"
    r"|was present|etait present)\w*\s+(?:a\s+|in\s+|aux?\s+)?(?:cette|cet|ces|la|les|the|this"
    r"|these)\s+(?:reunions?|entretiens?|rencontres?|meetings?|talks)\b"
)
INVITATION = re.compile(
    r"\b(?:invitation|instructions?|selon|according|sous la presidence|presidee?)\b[^,.;]*$"
)
_HOST = re.compile(r"\b(?:son|sa|ses|his|her|their) (?:hote|hotes|host|hosts)\b")
_PRESENCE = re.compile(r"\b(?:en presence de|in the presence of)\b")
_HEAD_OF_DELEGATIONS = re.compile(
    r"\b(?:chefs? de (?:la )?delegations?|heads? of (?:the )?(?:[\w-]+ )?delegations?)\b"
)
_COUNTERPART = re.compile(r"\b(?:homologues?|counterparts?)\b")


@dataclass(frozen=True)
class Counterpart:
    """An unnamed participant known by country and role, e.g. the head of a delegation."""

    country: str
    role: str


@dataclass
class Meeting:
    participants: list  # Person or Counterpart
    sentence: int
    dates: DateRange | None = None
    city: str = ""
    country: str = ""
    visit: "Visit | None" = None


class MeetingReading:
    """The meeting side of the reader: verbs of meeting, their subjects and objects."""

    def counterparts(self, sentence: Sentence, start: int, end: int, named) -> list:
        """Unnamed participants after a meeting verb: "les chefs de délégations de X, de Y"."""
        found: list[tuple[int, Counterpart]] = []
        text = self.folded[start:end]
        named_spans = [(m.start, m.end) for m, _ in named]
        for head in re.finditer(r"\b[\w-]+\b", text):
            word = head.group()
            if word not in lexicon.TITLE_HEADS or word in {"adjoint", "vice", "deputy"}:
                continue
            phrase_start = start + head.start()
            if any(s <= phrase_start < e for s, e in self.excluded_titles):
                continue
            if found and phrase_start < found[-1][0]:
                continue
            stop = re.search(
                r"[,;.]|\s(?:et|and|ainsi|qui|who|with|avec|sur|on|pour|for)\s",
                self.folded[phrase_start:end],
            )
            phrase_end = phrase_start + (stop.start() if stop else end - phrase_start)
            # A title followed by ", Name" belongs to that name.
            tail = self.folded[phrase_end : phrase_end + 40]
            if re.match(
                r"\s*,\s*(?:(?:le|la|the|m|mr|mme|ms)\.?\s+)?(?:\w+\s+){0,2}", tail
            ) and any(phrase_end <= s <= phrase_end + 40 for s, _ in named_spans):
                continue
            if any(phrase_start <= s < phrase_end for s, _ in named_spans):
                continue
            extended = phrase_end
            listing = re.compile(
                r"(?:\s*,\s*|\s+(?:et|and)\s+)(?:(?:de|d'|du|des|of)\s*)?(?:l'|la\s+|the\s+)?"
            )
            while True:
                more = listing.match(self.folded, extended)
                if not more:
                    break
                nxt = self.places_in(
                    more.end(), more.end() + 40, (gz.COUNTRY, gz.DEMONYM), anywhere=True
                )
                if not nxt or nxt[0].char_start != more.end():
                    break
                extended = nxt[0].char_end
            countries = []
            kinds = (gz.COUNTRY, gz.DEMONYM, gz.CITY)
            for place in self.places_in(phrase_start, extended, kinds, anywhere=True):
                code = self.country_of(place)
                if code not in countries:
                    countries.append(code)
            if not countries:
                for organization in self.organizations:
                    if phrase_start <= organization.start < extended and organization.country:
                        countries.append(organization.country)
                        break
            if not countries:
                continue
            phrase = self.body[phrase_start:phrase_end].strip()
            if _HEAD_OF_DELEGATIONS.search(self.folded[phrase_start:extended]):
                role = "chef de délégation"
            elif _COUNTERPART.match(word):
                role = "homologue"
            else:
                role = phrase
            for code in countries:
                found.append((phrase_start, Counterpart(code, role)))
        return [c for _, c in found]

    def read_meetings(self, sentence: Sentence) -> None:
        folded = self.folded[sentence.start : sentence.end]
        for match in _PARTICIPATION.finditer(folded):
            start = sentence.start + match.start()
            person = self.subject(sentence, start)
            if person and self.meetings and person not in self.meetings[-1].participants:
                self.meetings[-1].participants.append(person)
            return
        triggers = [m for m in MEETING_VERB.finditer(folded) if self._is_meeting_word(sentence, m)]
        for position, match in enumerate(triggers):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            window_end = (
                sentence.start + triggers[position + 1].start()
                if position + 1 < len(triggers) else sentence.end
            )  # fmt: skip
            passive = _PASSIVE.search(self.folded[max(sentence.start, start - 20) : end])
            objects_start = end
            if passive:
                agent = _AGENT.search(self.folded, end, window_end)
                if not agent:
                    continue
                objects_start = agent.end()
            named = [
                (m, p) for m, p in self.people_in(objects_start, window_end)
                if not INVITATION.search(self.folded[objects_start : m.start])
            ]  # fmt: skip
            subject = self.subject(sentence, start)
            if passive and subject is not None:
                self.received_abroad(sentence, subject, start, objects_start)
            others: list = []
            for _, person in named:
                if person is not subject and person not in others:
                    others.append(person)
            others += self.counterparts(sentence, objects_start, window_end, named)
            host = _HOST.search(self.folded, objects_start, window_end)
            inviter = self.current.inviter if host and self.current is not None else None
            if inviter is not None and inviter not in others:
                others.append(inviter)  # "avec son hôte": who invited
            if not others and _SYMMETRIC.search(match.group()):
                before = self.people_in(sentence.start, start)
                if len(before) >= 2:
                    gap = self.folded[before[-2][0].end : before[-1][0].start]
                    if re.search(r"\b(?:et|and)\b", gap):
                        subject, others = before[-2][1], [before[-1][1]]
            if subject is None or not others:
                continue
            self.last_subject = subject
            for other in others:
                self.meetings.append(self.meeting(sentence, start, [subject, other]))
            presence = _PRESENCE.search(self.folded, end, sentence.end)
            if presence:
                for _, person in self.people_in(sentence.start + presence.end(), sentence.end):
                    for meeting in self.meetings:
                        if (
                            meeting.sentence == sentence.index
                            and person not in meeting.participants
                        ):
                            meeting.participants.append(person)

    def _is_meeting_word(self, sentence: Sentence, match: re.Match) -> bool:
        word = match.group()
        text = self.body[sentence.start + match.start() : sentence.start + match.end()]
        if word in {"rencontre", "echange"} and not text.endswith("é"):
            # The nouns "la rencontre", "l'échange" are no meeting unless "avec" follows.
            return bool(re.match(r"\s+avec\b", self.folded[sentence.start + match.end() :]))
        return True

    def meeting(self, sentence: Sentence, trigger: int, participants: list) -> Meeting:
        meeting = Meeting(participants=participants, sentence=sentence.index)
        dated = self.sentence_dates(sentence)
        days = [d for d in dated if not d[1].end]
        if days:
            meeting.dates = min(days, key=lambda d: abs(d[0].start - trigger))[1]
        elif dated:
            meeting.dates = month_of(dated[0][1])
        cities = self.places_in(sentence.start, sentence.end, (gz.CITY,))
        if cities:
            meeting.city = self.body[cities[0].char_start : cities[0].char_end]
            meeting.country = self.country_of(cities[0])
        visit = self.current
        if visit is not None and (
            visit.visitor in participants or meeting.country in ("", visit.host)
        ):
            meeting.visit = visit
            meeting.country = meeting.country or visit.host
            meeting.city = meeting.city or visit.city
            if meeting.dates is None and visit.dates is not None:
                meeting.dates = visit.dates if not visit.dates.end else month_of(visit.dates)
        return meeting


def month_of(dates: DateRange) -> DateRange | None:
    if dates.first is None:
        return None
    if dates.last and (dates.last.year, dates.last.month) != (dates.first.year, dates.first.month):
        return None
    first = dates.first.replace(day=1)
    return DateRange(first.strftime("%Y-%m"), None, "month", first, first)
