"""From an article's text to what ingestion reads in it: the JSON items of an IngestResult."""

import re

from newsroom.ingest import dates as date_reading
from newsroom.ingest import entities, people, segments, titles
from newsroom.ingest import gazetteers as gz
from newsroom.ingest.dates import DateRange
from newsroom.ingest.gazetteers import Gazetteer
from newsroom.ingest.meetings import Counterpart
from newsroom.ingest.reading import Source
from newsroom.ingest.result import IngestResult
from newsroom.ingest.tokens import fold, tokenize
from newsroom.ingest.visits import MENTIONED, Reader
from newsroom.models import Language, content_hash

_LINKING = re.compile(
    r"^\W*(?:organise|organisee|prevue?|tenue?|held|organi[sz]ed|scheduled|hosted|qui se tien)"
)
_CITY_PREPOSITION = re.compile(r"\b(?:a|in|at|de|d')\s*$")
_LANGUAGES = {
    "fr": Language.FRENCH,
    "francais": Language.FRENCH,
    "french": Language.FRENCH,
    "en": Language.ENGLISH,
    "anglais": Language.ENGLISH,
    "english": Language.ENGLISH,
    "ar": Language.ARABIC,
    "es": Language.SPANISH,
}
_FRENCH_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "et",
        "du",
        "une",
        "est",
        "dans",
        "pour",
        "avec",
        "qui",
        "au",
        "aux",
        "sur",
    ]
)
_ENGLISH_WORDS = frozenset(
    ["the", "and", "of", "to", "in", "with", "on", "for", "was", "is", "who", "his", "at", "by"]
)


def language_of(source: Source, folded: str) -> str:
    declared = _LANGUAGES.get(fold(source.headers.get("language", "")).strip())
    if declared:
        return declared
    words = folded.split()[:400]
    french = sum(word in _FRENCH_WORDS for word in words)
    english = sum(word in _ENGLISH_WORDS for word in words)
    return Language.ENGLISH if english > french else Language.FRENCH


def _title(source: Source, sentences) -> str:
    if source.headers.get("title"):
        return source.headers["title"][:300]
    heading = next((s for s in sentences if s.kind == segments.HEADING), None)
    first = heading or next((s for s in sentences if s.is_narrative), None)
    # A text that is only a teaser keeps none of its sentences: its first line is the title.
    first_text = first.text if first else (sentences[0].text if sentences else source.body)
    text = re.sub(r"\s+", " ", first_text).strip()
    return text if len(text) <= 120 else text[:117].rsplit(" ", 1)[0] + "…"


def _home_alias_fits(body: str, match: gz.Match) -> bool:
    """A bare "Royaume" is Morocco, not the "Royaume d'Espagne" or the "Royaume-Uni"."""
    after = fold(body[match.char_end : match.char_end + 6])
    return not re.match(r"(?:\s*-|\s+(?:du|de|d'|des|of|uni))", after)


def extract(source: Source, *, gazetteer: Gazetteer, use_model: bool = True) -> IngestResult:
    """Everything ingestion reads in one article's text, before anything is stored."""
    sentences = segments.split(source.body)
    if not sentences:
        sentences = [segments.Sentence(0, len(source.body), source.body, segments.BODY, 0, 0)]
    published = date_reading.parse_publication(source.headers.get("date", ""))
    published = published or date_reading.find_publication(fold(source.body))
    # Teasers and page furniture are blanked out: what they name is not reported here.
    body = segments.visible(source.body, sentences)
    sentences = [
        segments.Sentence(s.start, s.end, s.text, s.kind, s.paragraph, i)
        for i, s in enumerate(s for s in sentences if s.kind != segments.TEASER)
    ]
    folded = fold(body)
    tokens = tokenize(body, folded)
    reference, reference_is_day = (
        (published[0], published[1] == "day") if published else (None, False)
    )

    matches = [
        m for m in gazetteer.find(tokens, body)
        if m.entry.kind != gz.HOME or _home_alias_fits(body, m)
    ]  # fmt: skip
    organization_mentions = entities.find_organizations(body, matches, gazetteer)
    events = entities.merge_events(entities.find_events(body, matches, gazetteer))
    dated = _read_dates(folded, sentences, events, reference, reference_is_day)
    _place_events(body, folded, sentences, events, matches)

    context = people.Context(body, tokens, sentences, matches, gazetteer)
    mentions = people.find_mentions(context, use_model=use_model)
    persons = people.cluster(mentions, gazetteer)
    people.rescan(context, persons, mentions)
    titles.describe(context, persons, matches, organization_mentions)

    places = [m for m in matches if m.entry.kind in {gz.COUNTRY, gz.CITY, gz.HOME, gz.DEMONYM}]
    relations = Reader(
        body=body, folded=folded, sentences=sentences, persons=persons, places=places,
        events=events, dates=dated, organizations=organization_mentions,
    ).read()  # fmt: skip

    result = IngestResult()
    result.article = {
        "title": _title(source, sentences),
        "published_on": None if published is None else _iso(published[0], published[1]),
        "language": str(language_of(source, folded)),
        "outlet": source.headers.get("outlet") or None,
        "source_url": source.headers.get("source") or None,
        "content_hash": content_hash(source.body),
    }
    result.people = [
        {
            "name": person.name,
            "official": (
                {"slug": person.official.slug, "name": person.official.name}
                if person.official else None
            ),
            "title": person.title or None,
            "organization": person.organization or None,
            "country": person.country or None,
            "role": relations.roles.get(id(person), MENTIONED),
            "evidence": person.evidence,
        }
        for person in persons
    ]  # fmt: skip
    result.organizations = [
        {
            "name": organization.name,
            "acronym": organization.acronym or None,
            "country": organization.country or None,
            "evidence": organization.evidence,
        }
        for organization in entities.merge_organizations(organization_mentions, sentences)
    ]
    result.events = [_event_item(event, sentences) for event in events]
    result.visits = [
        {
            "visitor": visit.visitor.name,
            "host_country": visit.host or None,
            "city": visit.city or None,
            **_range(visit.dates),
            "kind": visit.kind,
            "event": visit.event.name if visit.event else None,
            "evidence": " ".join(sentences[i].text for i in sorted(visit.sentences)[:2]),
        }
        for visit in relations.visits
    ]
    result.meetings = [
        {
            "participants": [
                {"country": p.country, "role": p.role} if isinstance(p, Counterpart) else p.name
                for p in meeting.participants
            ],
            "date": meeting.dates.start if meeting.dates else None,
            "city": meeting.city or None,
            "country": meeting.country or None,
            "evidence": sentences[meeting.sentence].text,
        }
        for meeting in relations.meetings
    ]
    result.countries = _countries(relations, places, sentences)
    for position, country in enumerate(result.countries):
        result.passages[("country", position)] = _passage(
            country["code"], relations, places, sentences
        )
    return result


def _passage(code: str, relations, places, sentences) -> str:
    """The sentence that names a country: a visit's for its host, else the first naming it."""
    for visit in relations.visits:
        if visit.host == code and visit.sentences:
            return sentences[min(visit.sentences)].text
    for place in places:
        if str(place.entry.value) == code:
            sentence = next((s for s in sentences if s.start <= place.char_start < s.end), None)
            if sentence is not None:
                return sentence.text
    return ""


def _iso(value, precision) -> str:
    from visits.dates import to_iso

    return to_iso(value, precision)


def _range(dates: DateRange | None) -> dict:
    if dates is None:
        return {"start": None, "end": None, "precision": None}
    return {"start": dates.start, "end": dates.end, "precision": str(dates.precision)}


def _event_item(event: entities.Event, sentences) -> dict:
    dates = event.dates
    if dates is None and event.year:
        dates = DateRange(str(event.year), None, "year")
    first = min(start for start, _ in event.spans)
    sentence = next((s for s in sentences if s.start <= first <= s.end), None)
    return {
        "name": event.name,
        "series": event.series or None,
        **_range(dates),
        "city": event.city or None,
        "country": event.country or None,
        "event": {"slug": event.ref.slug, "name": event.ref.name} if event.ref else None,
        "evidence": sentence.text if sentence else "",
    }


def _read_dates(folded, sentences, events, reference, reference_is_day):
    """Each sentence's dates, resolved, and the event each one belongs to, if any."""
    found = []
    for sentence in sentences:
        if sentence.kind == segments.BOILERPLATE:
            continue
        for mention in date_reading.find(folded, sentence.start, sentence.end):
            found.append(
                (sentence, mention, _event_of(folded, sentence, mention, events, sentences))
            )
    running = None
    resolved = {}
    for _sentence, mention, event in found:
        hint = event.year if event and event.year else None
        if mention.has_year:
            running = mention.year1 or mention.year2
            hint = None
        resolved[id(mention)] = date_reading.resolve(
            mention,
            reference=reference,
            reference_is_day=reference_is_day,
            year_hint=hint or running,
        )
    if reference is None:
        anchor = next((r.first for r in resolved.values() if r and r.first), None)
        for _sentence, mention, _event in found:
            current = resolved[id(mention)]
            if anchor and (current is None or current.first is None):
                resolved[id(mention)] = date_reading.resolve(mention, reference=anchor)
    dated: dict[int, list] = {}
    for sentence, mention, event in found:
        value = resolved[id(mention)]
        dated.setdefault(sentence.index, []).append((mention, value, event))
        if event is not None and event.dates is None and value is not None:
            event.dates = value
    return dated


def _event_of(folded, sentence, mention, events, sentences):
    """The event a date belongs to: named just before it, or before an "Organisé à ..." sentence."""
    best = None
    for event in events:
        for start, end in event.spans:
            if sentence.start <= start and end <= mention.start and mention.start - end <= 90:
                gap = folded[end : mention.start]
                linked = not re.search(r"[.;]|\b(?:visite|visit|rencontre|met)\b", gap)
                if linked and (best is None or end > best[0]):
                    best = (end, event)
    if best:
        return best[1]
    if _LINKING.match(folded[sentence.start : mention.start]) and sentence.index > 0:
        previous = sentences[sentence.index - 1]
        candidates = [
            (end, e) for e in events for start, end in e.spans
            if previous.start <= start and end <= previous.end + 1
        ]  # fmt: skip
        if candidates:
            return max(candidates, key=lambda pair: pair[0])[1]
    return None


def _place_events(body, folded, sentences, events, matches):
    """An event's city: "organisé à Ankara", "held in Marrakech", "Jeux olympiques de Paris"."""
    cities = [m for m in matches if m.entry.kind == gz.CITY]
    for event in events:
        for start, end in event.spans:
            sentence = next((s for s in sentences if s.start <= start <= s.end), None)
            if sentence is None:
                continue
            limit = min(sentence.end, end + 90)
            following = [
                e for e in events if e is not event for s, _ in e.spans if end <= s < limit
            ]
            limit = min([limit, *(s for e in following for s, _ in e.spans if end <= s)])
            window = [(m, True) for m in cities if start <= m.char_start and m.char_end <= limit]
            if sentence.index + 1 < len(sentences):
                nxt = sentences[sentence.index + 1]
                if _LINKING.match(folded[nxt.start : nxt.end]):
                    window += [
                        (m, True) for m in cities if nxt.start <= m.char_start < nxt.start + 60
                    ]
            for city, _ in window:
                if city.char_start >= end and not _CITY_PREPOSITION.search(
                    folded[max(0, city.char_start - 6) : city.char_start]
                ):
                    continue
                event.city = event.city or body[city.char_start : city.char_end]
                event.country = event.country or str(city.entry.value)
                break
            if event.city:
                break


def _countries(relations, places, sentences) -> list[dict]:
    roles: dict[str, str] = {}
    for visit in relations.visits:
        if visit.host:
            roles[visit.host] = "host"
    for visit in relations.visits:
        if visit.origin and visit.origin not in roles:
            roles[visit.origin] = "origin"
    spans = [(s.start, s.end) for s in sentences]
    for place in places:
        if not any(start <= place.char_start < end for start, end in spans):
            continue
        code = str(place.entry.value)
        roles.setdefault(code, "mentioned")
    return [{"code": code, "role": role} for code, role in roles.items()]
