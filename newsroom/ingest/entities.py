"""Organizations and events named in the text, with acronyms, editions, places and dates."""

import re
from dataclasses import dataclass, field

from newsroom.ingest import gazetteers as gz
from newsroom.ingest.dates import DateRange
from newsroom.ingest.gazetteers import EventRef, Gazetteer, Match, SeriesRef
from newsroom.ingest.tokens import fold
from visits.names import normalize_name

_ORG_HEADS = (
    r"Direction|Directorate|Département|Department|Ministère|Ministry|Police|Gendarmerie"
    r"|Agence|Agency|Office|Bureau|Service|Garde|Guard|Institut|Institute|Centre|Center"
    r"|Organisation|Organization|Commandement|Command|Unité|Unit|Brigade|Division|Conseil"
    r"|Council|Sûreté|Secrétariat|Secretariat|Administration|Autorité|Authority"
)
_ACRONYM_IN_PARENS = re.compile(r"\(([A-Z][A-Z0-9&\-]{1,11})\)")
_ORG_BEFORE = re.compile(r"(?:^|[\s'’(])((?:" + _ORG_HEADS + r")\b[^(),;:.]{2,120}?)\s*$")
_MINISTRY = re.compile(
    r"\b(minist[eè]re|ministry)\s+(?:(\w+)\s+)?(?:de\s+l['’]|de\s+la\s+|des\s+|du\s+|of\s+(?:the\s+)?)"
    r"([A-ZÉ][\w-]+(?:\s+(?:et|and)\s+(?:de\s+la\s+|des\s+|of\s+)?[A-ZÉ][\w-]+)?)"
    r"(?:\s+(\w+))?",
    re.I,
)
_NATIONAL_POLICE = re.compile(
    r"\b(?:(police\s+(?:nationale|fédérale|federale)|gendarmerie\s+nationale)\s+(\w+)"
    r"|([A-Z]\w+)\s+((?:Federal|National)\s+Police|Police))\b"
)
_ORDINAL_BEFORE = re.compile(
    r"(\d{1,3})\s*(?:e|è|ème|eme|er|ère|re|st|nd|rd|th)\s+(?:(?:session|édition|edition)\s+"
    r"(?:de\s+l['’]|de\s+la\s+|du\s+|of\s+the\s+|of\s+)?)?$",
    re.I,
)
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d{2})\s+$")
_YEAR_AFTER = re.compile(
    r"^(?:\s+(?:de|d['’]|of|in)\s*)?(?:\s*([A-Z][\w-]+))?\s*((?:19|20)\d{2})\b"
)
_ACRONYM_YEAR = re.compile(r"\b([A-Z]{3,10})(?:(\d{2})|\s?((?:19|20)\d{2}))\b")
_NOT_EVENT_ACRONYMS = {"COVID", "SARS", "CEDEAO", "ECOWAS"}


@dataclass
class Organization:
    name: str
    acronym: str
    country: str
    kind: str = "other"
    slug: str = ""
    start: int = 0
    end: int = 0
    evidence: str = ""

    @property
    def key(self) -> str:
        return self.slug or normalize_name(self.acronym or self.name)


@dataclass
class Event:
    name: str
    series: str
    series_key: str
    edition: str
    start: int
    end: int
    ref: EventRef | None = None
    kind: str = "other"
    city: str = ""
    country: str = ""
    dates: DateRange | None = None
    evidence: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        if self.dates and self.dates.year:
            return self.dates.year
        if len(self.edition) == 4 and self.edition.isdigit():
            return int(self.edition)
        return None

    @property
    def key(self) -> tuple[str, str]:
        return (self.series_key or normalize_name(self.name), self.edition)


def find_organizations(body: str, matches: list[Match], gazetteer: Gazetteer) -> list[Organization]:
    """Organization mentions in text order: known names and acronyms, then patterns."""
    found: list[Organization] = []
    for match in matches:
        if match.entry.kind == gz.ORGANIZATION:
            ref = match.entry.value
            found.append(
                Organization(
                    ref.name,
                    ref.acronym,
                    ref.country,
                    ref.kind,
                    ref.slug,
                    match.char_start,
                    match.char_end,
                )
            )
    taken = [(o.start, o.end) for o in found]

    def free(start, end):
        return not any(s < end and start < e for s, e in taken)

    for match in _ACRONYM_IN_PARENS.finditer(body):
        acronym = match.group(1)
        known = next((o for o in found if o.acronym == acronym), None)
        before = _ORG_BEFORE.search(body[max(0, match.start() - 130) : match.start()])
        if before is None:
            continue
        name = before.group(1).strip()
        start = (
            match.start() - len(body[max(0, match.start() - 130) : match.start()]) + before.start(1)
        )
        if known or _ACRONYM_YEAR.fullmatch(acronym):
            continue
        country = _country_in(fold(name), gazetteer)
        found.append(Organization(name, acronym, country, "other", "", start, match.end()))
        taken.append((start, match.end()))
    for match in _MINISTRY.finditer(body):
        demonym = _demonym(match.group(2), gazetteer) or _demonym(match.group(4), gazetteer)
        end = match.end() if _demonym(match.group(4), gazetteer) else match.end(3)
        if free(match.start(), end):
            name = body[match.start() : end]
            found.append(Organization(name, "", demonym, "ministry", "", match.start(), end))
            taken.append((match.start(), end))
    for match in _NATIONAL_POLICE.finditer(body):
        word = match.group(2) or match.group(3)
        country = _demonym(word, gazetteer)
        if country and free(match.start(), match.end()):
            name = body[match.start() : match.end()]
            found.append(Organization(name, "", country, "police", "", match.start(), match.end()))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda o: o.start)


def _demonym(word: str | None, gazetteer: Gazetteer) -> str:
    if not word:
        return ""
    for entry in gazetteer.entries(gz.fold_words(word)):
        if entry.kind in {gz.DEMONYM, gz.COUNTRY}:
            return str(entry.value)
    return ""


def _country_in(folded: str, gazetteer: Gazetteer) -> str:
    words = folded.split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            key = tuple(re.findall(r"\w+", " ".join(words[i : i + size])))
            for entry in gazetteer.entries(key):
                if entry.kind in {gz.DEMONYM, gz.COUNTRY}:
                    return str(entry.value)
    return ""


def merge_organizations(mentions: list[Organization], sentences) -> list[Organization]:
    merged: dict[str, Organization] = {}
    for mention in mentions:
        key = mention.key
        if key in merged:
            continue
        sentence = next((s for s in sentences if s.start <= mention.start < s.end + 1), None)
        mention.evidence = sentence.text if sentence else ""
        merged[key] = mention
    return list(merged.values())


def _series_key(ref: SeriesRef, gazetteer: Gazetteer) -> tuple[str, SeriesRef]:
    known = gazetteer.series_by_key.get(normalize_name(ref.name))
    if known:
        return known.slug, known
    return normalize_name(ref.name), ref


def _edition_year(text: str) -> str:
    return str(2000 + int(text)) if len(text) == 2 else text


def find_events(body: str, matches: list[Match], gazetteer: Gazetteer) -> list[Event]:
    """Event mentions: a series with its edition (year or ordinal), or a known event's name."""
    found: list[Event] = []
    for match in matches:
        kind = match.entry.kind
        if kind == gz.EVENT:
            ref: EventRef = match.entry.value
            year = re.search(r"\b((?:19|20)\d{2})\b", body[match.char_start : match.char_end])
            edition = ref.edition or (year.group(1) if year else "")
            event = Event(ref.name, "", ref.series or normalize_name(ref.name), edition,
                          match.char_start, match.char_end, ref)  # fmt: skip
            event.spans.append((match.char_start, match.char_end))
            found.append(event)
        elif kind == gz.SERIES:
            found.append(_series_event(body, match, gazetteer))
    taken = [(e.start, e.end) for e in found]
    for match in _ACRONYM_YEAR.finditer(body):
        acronym = match.group(1)
        if acronym in _NOT_EVENT_ACRONYMS or any(s <= match.start() < e for s, e in taken):
            continue
        series_entry = next(
            (e for e in gazetteer.entries((acronym.lower(),)) if e.kind == gz.SERIES), None
        )
        if series_entry is None:
            if match.group(2) or any(
                e.kind in {gz.ORGANIZATION, gz.COUNTRY}
                for e in gazetteer.entries((acronym.lower(),))
            ):
                continue
            series = SeriesRef(acronym, acronym, "other")
        else:
            series = series_entry.value
        edition = _edition_year(match.group(2) or match.group(3))
        key, series = _series_key(series, gazetteer)
        event = Event(f"{series.acronym or acronym} {edition}", series.name, key, edition,
                      match.start(), match.end(), kind=series.kind)  # fmt: skip
        event.spans.append((match.start(), match.end()))
        found.append(event)
    for event in found:
        if event.ref is None:
            event.ref = gazetteer.events_by_edition.get((event.series_key, event.edition))
        if event.ref is not None:
            event.name = event.ref.name
        event.country = event.country or _country_in(fold(body[event.start : event.end]), gazetteer)
    return sorted(found, key=lambda e: e.start)


def _series_event(body: str, match: Match, gazetteer: Gazetteer) -> Event:
    series: SeriesRef = match.entry.value
    key, known = _series_key(series, gazetteer)
    start, end = match.char_start, match.char_end
    edition = ""
    before = body[max(0, start - 60) : start]
    ordinal = _ORDINAL_BEFORE.search(before)
    year_before = _YEAR_BEFORE.search(before)
    if ordinal:
        edition, start = ordinal.group(1), start - (len(before) - ordinal.start())
    elif year_before:
        edition, start = year_before.group(1), start - (len(before) - year_before.start())
    after = _YEAR_AFTER.match(body[end : end + 40])
    paren = re.match(r"\s*\(\s*([A-Z]{2,10})\s?-?(\d{2}|\d{4})\s*\)", body[end : end + 30])
    if after and not edition:
        edition, end = after.group(2), end + after.end()
    elif paren and not edition:
        edition, end = _edition_year(paren.group(2)), end + paren.end()
    text = body[start:end].strip()
    name = f"{known.acronym} {edition}" if known.acronym and len(edition) == 4 else text
    event = Event(name, known.name, key, edition, start, end, kind=known.kind)
    event.spans.append((start, end))
    return event


def merge_events(mentions: list[Event]) -> list[Event]:
    """One event per series and edition; a series named without edition joins its one edition."""
    merged: list[Event] = []
    for mention in mentions:
        same = [e for e in merged if e.key == mention.key]
        if not same and not mention.edition:
            same = [e for e in merged if e.series_key == mention.series_key and e.edition]
            if len(same) > 1:
                same = []
        if not same and mention.edition:
            bare = [e for e in merged if e.series_key == mention.series_key and not e.edition]
            if len(bare) == 1:
                bare[0].edition, bare[0].name, bare[0].ref = (
                    mention.edition,
                    mention.name,
                    mention.ref or bare[0].ref,
                )
                same = bare
        if same:
            same[0].spans.extend(mention.spans)
            same[0].country = same[0].country or mention.country
            continue
        merged.append(mention)
    return merged
