"""Titles: the words next to a name that say what a person is, and where they serve."""

import re

from newsroom.ingest import gazetteers as gz
from newsroom.ingest import lexicon
from newsroom.ingest.gazetteers import Match
from newsroom.ingest.people import Context, Person, PersonMention
from newsroom.ingest.segments import Sentence
from newsroom.ingest.tokens import fold

_STOP = re.compile(r"[.;:!?]")
_TITLE_MODIFIERS = frozenset(
    [
        "police",
        "intelligence",
        "security",
        "interior",
        "deputy",
        "chief",
        "general",
        "national",
        "federal",
        "foreign",
        "affairs",
        "and",
        "of",
        "vice",
        "sous",
        "adjoint",
        "public",
        "state",
        "home",
        "justice",
        "defence",
        "defense",
        "counter",
        "terrorism",
    ]
)


def _title_span(context: Context, mention: PersonMention, sentence: Sentence):
    """The title by a mention: "le ministre ..., Name", "Name, directeur ...", "Minister Name"."""
    tokens = context.tokens
    first = context.token_at.get(mention.start)
    if first is None:
        return None
    # Before the name, over honorifics: "..., le général Name".
    i = first - 1
    while i >= 0 and tokens[i].start >= sentence.start and tokens[i].folded in lexicon.HONORIFICS:
        if tokens[i].folded in lexicon.TITLE_HEADS:
            break
        i -= 1
    gap_end = tokens[i + 1].start if i + 1 < len(tokens) else mention.start
    gap = context.body[tokens[i].end if i >= 0 else sentence.start : gap_end]
    if i >= 0 and tokens[i].start >= sentence.start and gap.strip(' )»"”') == ",":
        j = i
        while j >= 0 and tokens[j].start >= sentence.start and i - j < 20:
            between = context.body[tokens[j].end : tokens[i].end]
            if _STOP.search(between) or "," in between:
                break
            if tokens[j].folded in lexicon.TITLE_HEADS:
                start = j
                while (
                    start > 0
                    and tokens[start - 1].start >= sentence.start
                    and context.joined(start - 1)
                    and (
                        tokens[start - 1].folded in _TITLE_MODIFIERS
                        or tokens[start - 1].folded in lexicon.TITLE_HEADS
                        or (context.covered[start - 1] and tokens[start - 1].is_capitalized)
                    )
                ):
                    start -= 1
                return tokens[start].start, tokens[i].end
            j -= 1
    # After the name: "Name, directeur général de la police nationale turque."
    after = context.body[mention.end : sentence.end]
    post = re.match(r"\s*,\s*(?:(?:the|le|la|l'|l’|un|une|an?)\s+)?", after)
    if post:
        rest = after[post.end() :]
        head = re.match(r"[\w-]+", rest)
        words = re.findall(r"\w+", fold(rest[:40]))
        if (
            head
            and words
            and (
                words[0] in lexicon.TITLE_HEADS
                or (len(words) > 1 and words[1] in lexicon.TITLE_HEADS)
            )
        ):
            stop = re.search(
                r"[,;:!?)]|\.(?:\s|$)|\s(?:qui|who|with whom|avec (?:qui|lequel|laquelle))\b", rest
            )
            length = stop.start() if stop else len(rest)
            start = mention.end + post.end()
            return start, start + length
    # Before the name, without a comma: "Turkish Deputy Interior Minister Name".
    j, start = first - 1, None
    while j >= 0 and tokens[j].start >= sentence.start and first - j <= 8 and context.joined(j):
        folded = tokens[j].folded
        if folded in _TITLE_WORDS:
            start = j
        elif not (
            folded in _TITLE_MODIFIERS or (tokens[j].is_capitalized and folded not in _ARTICLES)
        ):
            break
        j -= 1
    if start is None:
        return None
    while start > j + 1 and (
        tokens[start - 1].folded in _TITLE_MODIFIERS or tokens[start - 1].is_capitalized
    ):
        start -= 1
    return tokens[start].start, tokens[first - 1].end


_ARTICLES = frozenset(
    [
        "le",
        "la",
        "l",
        "les",
        "the",
        "a",
        "an",
        "un",
        "une",
        "son",
        "sa",
        "ses",
        "his",
        "her",
        "their",
        "its",
    ]
)
_TITLE_WORDS = lexicon.TITLE_HEADS | (
    lexicon.HONORIFICS
    - _ARTICLES
    - frozenset(["m", "mme", "mlle", "mm", "mr", "mrs", "ms", "dr", "pr", "me", "sm", "sir"])
)


def _clean_title(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,")
    return re.sub(r"^(?:le|la|l'|l’|the)\s+", "", text, flags=re.I)


def describe(context: Context, persons: list[Person], matches: list[Match], organizations) -> None:
    """Each person's title, organization and country, from the words around a mention."""
    for person in persons:
        for mention in person.mentions:
            sentence = context.sentences[mention.sentence]
            span = _title_span(context, mention, sentence)
            if span is None:
                continue
            start, end = span
            person.title_span = span
            person.title = _clean_title(context.body[start:end])
            inside = [m for m in matches if start <= m.char_start and m.char_end <= end]
            orgs = [o for o in organizations if start <= o.start and o.end <= end]
            if orgs:
                person.organization = orgs[0].name
            places = [m for m in inside if m.entry.kind in {gz.COUNTRY, gz.DEMONYM, gz.CITY}]
            if places:
                person.country = str(places[0].entry.value)
            elif orgs and orgs[0].country:
                person.country = orgs[0].country
            person.evidence = sentence.text
            break
        if person.official and person.official.country:
            person.country = person.official.country
        if not person.evidence:
            person.evidence = context.sentences[person.mentions[0].sentence].text
