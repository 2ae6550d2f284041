"""Date expressions in French and English, read as ranges with a precision and a year inferred."""

import datetime
import re
from dataclasses import dataclass

from visits.dates import DatePrecision, parse_iso

DAY_NO_YEAR = "day-no-year"
MONTH_NO_YEAR = "month-no-year"

MONTHS = {
    "janvier": 1, "janv.": 1, "january": 1, "jan.": 1,
    "fevrier": 2, "fevr.": 2, "fev.": 2, "february": 2, "feb.": 2,
    "mars": 3, "march": 3, "mar.": 3,
    "avril": 4, "avr.": 4, "april": 4, "apr.": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun.": 6,
    "juillet": 7, "juil.": 7, "july": 7, "jul.": 7,
    "aout": 8, "august": 8, "aug.": 8,
    "septembre": 9, "sept.": 9, "september": 9, "sep.": 9,
    "octobre": 10, "oct.": 10, "october": 10,
    "novembre": 11, "nov.": 11, "november": 11,
    "decembre": 12, "dec.": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip

_M = "(" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + ")"
_W = "(?:" + "|".join(WEEKDAYS) + ")"
_WW = "(?:" + _W + r"(?:\s+(?:and|et)\s+" + _W + r")?,?\s+)?"
_D = r"(1er|1st|[0-3]?\d)(?:st|nd|rd|th|er|e)?"
_Y = r"((?:19|20)\d{2})"
_TO = r"(?:\s*-\s*|\s+(?:au|a|to|et|and|until|through|jusqu'au)\s+(?:le\s+)?(?:" + _W + r"\s+)?)"
_END = r"(?![\w])"

PATTERNS = [
    # du 19 au 21 septembre 2024, du 31 octobre au 2 novembre, les 5 et 6 mars, 19-21 septembre
    ("range", re.compile(
        r"\b(?:(?:du|entre le|entre|les|from|between|on)\s+)?" + _WW + _D
        + r"(?:\s+" + _M + r")?(?:\s+" + _Y + r")?" + _TO + _D + r"\s+" + _M
        + r"(?:,?\s+" + _Y + r")?" + _END)),
    # November 24 to 27, November 30 to December 2, 2025, May 14 and 15
    ("range_en", re.compile(
        r"\b(?:(?:from|between|on)\s+)?" + _WW + _M + r"\s+" + _D + r"(?:,?\s+"
        + _Y + r")?" + _TO + r"(?:" + _M + r"\s+)?" + _D + r"(?:,?\s+" + _Y + r")?" + _END)),
    # mercredi 10 août, le 10 octobre 2024, on 24 November
    ("day", re.compile(
        r"\b(?:(" + _W + r")\s+)?(?:le\s+|on\s+)?" + _D + r"\s+" + _M + r"(?:,?\s+" + _Y + r")?"
        + _END)),
    # November 24, 2025; Wednesday, August 10
    ("day_en", re.compile(
        r"\b(?:(" + _W + r"),?\s+)?" + _M + r"\s+" + _D + r"(?:,\s+" + _Y + r"|\s+" + _Y + r")?"
        + r"(?![\w:])")),
    # en novembre prochain, au mois de mars 2025, fin septembre, in November, next May
    ("month", re.compile(
        r"\b(?:en|in|au mois d'|au mois de|courant|debut|fin|mi-|early|late|mid-|next|last"
        r"|this|pour|for|d'ici)\s*" + _M + r"(?:\s+" + _Y + r")?(?:\s+(prochain|dernier))?"
        + _END)),
    ("month_year", re.compile(r"\b" + _M + r"\s+" + _Y + _END)),
    ("relative_month", re.compile(
        r"\b(le mois dernier|le mois passe|le mois prochain|last month|next month|ce mois-ci"
        r"|this month)\b")),
    ("weekday", re.compile(
        r"\b(?:(ce|le|on|last|next|this)\s+)?(" + _W + r")(?:\s+(dernier|prochain|passe))?\b")),
    ("year", re.compile(r"\b(?:en|in|depuis|since|d'ici)\s+" + _Y + r"\b")),
]  # fmt: skip

_FUTURE = re.compile(
    r"\b(?:prochain|prochaine|next|upcoming|prevue?s?|se tiendra|aura lieu|will|s'apprete"
    r"|accueillera|effectuera|attendue?s?|scheduled|expected)\b"
)
_PAST = re.compile(r"\b(?:dernier|derniere|last|passe)\b")
_PUBLISHED = re.compile(
    r"\b(?:publie|published|mis en ligne|posted)\s*(?:le|on)?\s*:?\s*"
    r"(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: str
    day1: int | None = None
    month1: int | None = None
    year1: int | None = None
    day2: int | None = None
    month2: int | None = None
    year2: int | None = None
    weekday: int | None = None
    offset: int = 0  # months from the reference, for "le mois dernier"
    direction: str = ""  # "past", "future" or "" as the words around say

    @property
    def has_year(self) -> bool:
        return bool(self.year1 or self.year2)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A resolved range: ISO strings by precision, and its dates once the year is known."""

    start: str | None
    end: str | None
    precision: str | None
    first: datetime.date | None = None
    last: datetime.date | None = None

    @property
    def year(self) -> int | None:
        return self.first.year if self.first else None


def _day(text: str | None) -> int | None:
    if not text:
        return None
    return int(re.sub(r"\D", "", text) or 0) or None


def _mention(kind: str, match: re.Match, direction: str) -> DateMention | None:
    g = match.groups()
    if kind == "range":
        d1, m1, y1, d2, m2, y2 = _day(g[0]), g[1], g[2], _day(g[3]), g[4], g[5]
        return DateMention(match.start(), match.end(), "range", d1, MONTHS.get(m1 or ""),
                           int(y1) if y1 else None, d2, MONTHS[m2], int(y2) if y2 else None,
                           direction=direction)  # fmt: skip
    if kind == "range_en":
        m1, d1, y1, m2, d2, y2 = g[0], _day(g[1]), g[2], g[3], _day(g[4]), g[5]
        return DateMention(match.start(), match.end(), "range", d1, MONTHS[m1],
                           int(y1) if y1 else None, d2, MONTHS.get(m2 or "", MONTHS[m1]),
                           int(y2) if y2 else None, direction=direction)  # fmt: skip
    if kind == "day":
        year = g[3]
        return DateMention(match.start(), match.end(), "day", _day(g[1]), MONTHS[g[2]],
                           int(year) if year else None, direction=direction)  # fmt: skip
    if kind == "day_en":
        year = g[3] or g[4]
        return DateMention(match.start(), match.end(), "day", _day(g[2]), MONTHS[g[1]],
                           int(year) if year else None, direction=direction)  # fmt: skip
    if kind == "month":
        if g[2] == "prochain":
            direction = "future"
        elif g[2] == "dernier":
            direction = "past"
        lead = match.group().split()[0]
        if lead in {"next"}:
            direction = "future"
        elif lead in {"last"}:
            direction = "past"
        return DateMention(match.start(), match.end(), "month", None, MONTHS[g[0]],
                           int(g[1]) if g[1] else None, direction=direction)  # fmt: skip
    if kind == "month_year":
        return DateMention(match.start(), match.end(), "month", None, MONTHS[g[0]], int(g[1]))
    if kind == "relative_month":
        offset = 1 if ("prochain" in g[0] or "next" in g[0]) else 0
        offset = -1 if ("dernier" in g[0] or "passe" in g[0] or "last" in g[0]) else offset
        return DateMention(match.start(), match.end(), "relative_month", offset=offset)
    if kind == "weekday":
        word = (g[0] or "") + " " + (g[2] or "")
        if "next" in word or "prochain" in word:
            direction = "future"
        elif "last" in word or "dernier" in word or "passe" in word:
            direction = "past"
        return DateMention(match.start(), match.end(), "weekday", weekday=WEEKDAYS[g[1]],
                           direction=direction)  # fmt: skip
    return DateMention(match.start(), match.end(), "year", year1=int(g[0]))


def find(folded: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """The date expressions in `folded[start:end]`, longest first where they overlap."""
    end = len(folded) if end is None else end
    window = folded[start:end]
    direction = "future" if _FUTURE.search(window) else ""
    candidates = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(folded, start, end):
            mention = _mention(kind, match, direction)
            if mention and _valid(mention):
                candidates.append(mention)
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    chosen: list[DateMention] = []
    for mention in candidates:
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(mention: DateMention) -> bool:
    """Days that exist in their month ("31 février" and "0 mars" are not dates)."""
    if mention.kind in {"day", "range"} and not mention.day1:
        return False
    if mention.kind == "range" and not mention.day2:
        return False
    month1 = mention.month1 or mention.month2
    return all(
        day is None or (month and 1 <= day <= _MONTH_DAYS[month - 1])
        for day, month in ((mention.day1, month1), (mention.day2, mention.month2))
    )


def _date(year: int, month: int, day: int | None) -> datetime.date | None:
    try:
        return datetime.date(year, month, day or 1)
    except ValueError:
        return None


def _nearest_year(month: int, day: int | None, reference: datetime.date, direction: str) -> int:
    target_day = day or 15
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = _date(year, month, min(target_day, 28))
        if candidate is None:
            continue
        delta = (candidate - reference).days
        if direction == "future" and delta < -20:
            continue
        if direction == "past" and delta > 20:
            continue
        options.append((abs(delta), year))
    return min(options)[1] if options else reference.year


def resolve(
    mention: DateMention,
    *,
    reference: datetime.date | None = None,
    reference_is_day: bool = False,
    year_hint: int | None = None,
) -> DateRange | None:
    """The range `mention` stands for, its year from the text, a hint, or the reference date."""
    if mention.kind == "year":
        first = datetime.date(mention.year1, 1, 1)
        return DateRange(f"{mention.year1:04d}", None, DatePrecision.YEAR, first, first)
    if mention.kind == "weekday":
        if reference is None or not reference_is_day:
            return None
        shift = (reference.weekday() - mention.weekday) % 7
        day = reference - datetime.timedelta(days=shift)
        if mention.direction == "future":
            day = reference + datetime.timedelta(days=(mention.weekday - reference.weekday()) % 7)
        return DateRange(day.isoformat(), None, DatePrecision.DAY, day, day)
    if mention.kind == "relative_month":
        if reference is None:
            return None
        month_index = reference.year * 12 + reference.month - 1 + mention.offset
        first = datetime.date(month_index // 12, month_index % 12 + 1, 1)
        return DateRange(first.strftime("%Y-%m"), None, DatePrecision.MONTH, first, first)

    month1 = mention.month1 or mention.month2
    month2 = mention.month2
    year1, year2 = mention.year1, mention.year2
    if year2 and not year1:
        year1 = year2 - 1 if month2 and month1 > month2 else year2
    if not year1:
        if year_hint:
            year1 = year_hint
        elif reference is not None:
            direction = mention.direction
            year1 = _nearest_year(month1, mention.day1, reference, direction)
    if year1 and month2 and not year2:
        year2 = year1 + 1 if month2 < month1 else year1

    if mention.kind == "month":
        if not year1:
            return DateRange(f"{month1:02d}", None, MONTH_NO_YEAR)
        first = datetime.date(year1, month1, 1)
        return DateRange(first.strftime("%Y-%m"), None, DatePrecision.MONTH, first, first)
    if not year1:
        start = f"{month1:02d}-{mention.day1:02d}"
        end = f"{month2:02d}-{mention.day2:02d}" if mention.kind == "range" else None
        return DateRange(start, end, DAY_NO_YEAR)
    first = _date(year1, month1, mention.day1)
    if first is None:
        return None
    if mention.kind != "range":
        return DateRange(first.isoformat(), None, DatePrecision.DAY, first, first)
    last = _date(year2, month2, mention.day2)
    if last is None or last < first:
        return DateRange(first.isoformat(), None, DatePrecision.DAY, first, first)
    return DateRange(first.isoformat(), last.isoformat(), DatePrecision.DAY, first, last)


def parse_publication(text: str) -> tuple[datetime.date, str] | None:
    """A publication date as headers write it: ISO, 20/09/2024, 20 septembre 2024, July 2024."""
    from django.core.exceptions import ValidationError

    from newsroom.ingest.tokens import fold

    text = (text or "").strip()
    try:
        return parse_iso(text[:10] if re.match(r"\d{4}-\d{2}-\d{2}", text) else text)
    except ValidationError:
        pass
    numeric = re.search(r"(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})", text)
    if numeric:
        found = _date(int(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1)))
        return (found, DatePrecision.DAY) if found else None
    for mention in find(fold(text)):
        if mention.has_year and mention.kind in {"day", "month"}:
            resolved = resolve(mention)
            if resolved and resolved.first:
                return resolved.first, resolved.precision
    return None


def find_publication(folded_body: str) -> tuple[datetime.date, str] | None:
    """A "Publié le 18/07/2024" line in a page's boilerplate."""
    match = _PUBLISHED.search(folded_body)
    if not match:
        return None
    found = _date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return (found, DatePrecision.DAY) if found else None


def direction_of(folded_sentence: str) -> str:
    if _FUTURE.search(folded_sentence):
        return "future"
    if _PAST.search(folded_sentence):
        return "past"
    return ""
