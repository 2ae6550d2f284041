"""People: names found in the text, grouped into persons, matched to officials, with titles."""

import re
from dataclasses import dataclass, field

from newsroom.ingest import gazetteers as gz
from newsroom.ingest import lexicon, nlp
from newsroom.ingest.gazetteers import Gazetteer, OfficialRef
from newsroom.ingest.segments import Sentence
from newsroom.ingest.tokens import Token, edit_distance, fold, fold_words

_JOINT = re.compile(r"^[ \t\u00a0]*[-'’]?[ \t\u00a0]*$|^\.[ \t\u00a0]+$")
_TITLE_AFTER = re.compile(r"\s*,\s*(?:the |le |la |l')?(\w+)")
_PLACE_KINDS = {gz.COUNTRY, gz.DEMONYM, gz.CITY, gz.HOME, gz.ORGANIZATION, gz.SERIES, gz.EVENT}


@dataclass
class PersonMention:
    start: int
    end: int
    text: str
    sentence: int
    honorific: bool = False
    official: OfficialRef | None = None

    @property
    def words(self) -> tuple[str, ...]:
        return fold_words(self.text)


@dataclass
class Person:
    name: str
    mentions: list[PersonMention] = field(default_factory=list)
    official: OfficialRef | None = None
    title: str = ""
    organization: str = ""
    country: str = ""
    evidence: str = ""
    title_span: tuple[int, int] | None = None

    @property
    def words(self) -> tuple[str, ...]:
        return fold_words(self.name)

    @property
    def surname(self) -> str:
        return self.words[-1] if self.words else ""

    def mentioned_in(self, start: int, end: int) -> list[PersonMention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]


class Context:
    """What the people finder needs to know about the text."""

    def __init__(self, body, tokens, sentences, matches, gazetteer):
        self.body: str = body
        self.tokens: list[Token] = tokens
        self.sentences: list[Sentence] = sentences
        self.gazetteer: Gazetteer = gazetteer
        self.covered = [False] * len(tokens)
        for match in matches:
            if match.entry.kind in _PLACE_KINDS:
                for i in range(match.start, match.end):
                    self.covered[i] = True
        self.official_matches = [m for m in matches if m.entry.kind == gz.OFFICIAL]
        self.token_at = {t.start: i for i, t in enumerate(tokens)}
        self.sentence_starts = [s.start for s in sentences]

    def sentence_of(self, char: int) -> int:
        index = 0
        for i, start in enumerate(self.sentence_starts):
            if start <= char:
                index = i
            else:
                break
        return index

    def joined(self, i: int) -> bool:
        """Whether token i and token i + 1 can belong to one name."""
        return bool(_JOINT.match(self.body[self.tokens[i].end : self.tokens[i + 1].start]))


def _is_name_token(token: Token) -> bool:
    return token.text[:1].isupper() and not token.text.isdigit()


def _honorific_before(context: Context, index: int) -> bool:
    if index == 0:
        return False
    before = context.tokens[index - 1]
    return before.folded in lexicon.HONORIFICS and before.text[:1].isupper()


def _clean(context: Context, first: int, last: int, surnames: set[str]):
    """The name inside tokens first..last, without titles, honorifics and stray words."""
    tokens = context.tokens
    honorific = False
    while first <= last and (
        tokens[first].folded in lexicon.HONORIFICS
        or tokens[first].folded in lexicon.NOT_NAME_WORDS
        or tokens[first].folded in lexicon.TITLE_HEADS
        or not _is_name_token(tokens[first])
        or context.covered[first]
    ):
        honorific = honorific or tokens[first].folded in lexicon.HONORIFICS
        first += 1
    end = first
    while end <= last:
        token = tokens[end]
        if end > first and not context.joined(end - 1):
            break
        stray = context.covered[end] or token.folded in lexicon.NOT_NAME_WORDS
        if stray and token.folded not in lexicon.NAME_PARTICLES:
            break
        if not _is_name_token(token) and token.folded not in lexicon.NAME_PARTICLES:
            break
        end += 1
    last = end - 1
    while last >= first and (
        tokens[last].folded in lexicon.NAME_PARTICLES and not _is_name_token(tokens[last])
    ):
        last -= 1
    if last < first:
        return None
    start, stop = tokens[first].start, tokens[last].end
    word = tokens[last].folded
    if len(word) > 5 and word[:-1] in surnames and word not in surnames:
        stop -= 1  # "M. Hammouchia pris": a surname and a verb's "a" run together
    honorific = honorific or _honorific_before(context, first)
    return start, stop, honorific, last - first + 1


def _title_near(context: Context, index: int) -> bool:
    """Whether a title word stands in the six words before token `index`."""
    tokens = context.tokens
    return any(tokens[j].folded in lexicon.TITLE_HEADS for j in range(max(0, index - 6), index))


def _runs(context: Context):
    """Runs of capitalized words, the raw material of names."""
    tokens = context.tokens
    i = 0
    while i < len(tokens):
        if not _is_name_token(tokens[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and context.joined(j):
            following = tokens[j + 1]
            if _is_name_token(following) or following.folded in lexicon.NAME_PARTICLES:
                j += 1
            else:
                break
        yield i, j
        i = j + 1


def find_mentions(context: Context, *, use_model: bool = True) -> list[PersonMention]:
    """Names of persons: known officials, names by a title or honorific, and the model's."""
    surnames = set(context.gazetteer.surnames)
    mentions: dict[tuple[int, int], PersonMention] = {}

    def add(start, stop, honorific, official=None):
        for s, e in list(mentions):
            if s < stop and start < e:
                if e - s >= stop - start:
                    return
                del mentions[(s, e)]
        text = context.body[start:stop]
        mentions[(start, stop)] = PersonMention(
            start, stop, text, context.sentence_of(start), honorific, official
        )

    for match in context.official_matches:
        add(match.char_start, match.char_end, False, match.entry.value)

    unsure: list[tuple[int, int]] = []
    for first, last in _runs(context):
        cleaned = _clean(context, first, last, surnames)
        if cleaned is None:
            continue
        start, stop, honorific, count = cleaned
        name_index = context.token_at.get(start, first)
        after = _TITLE_AFTER.match(fold(context.body[stop : stop + 40]))
        titled = _title_near(context, name_index) or bool(
            after and after.group(1) in lexicon.TITLE_HEADS
        )
        if (count >= 2 and (honorific or titled)) or (
            count == 1 and (honorific or context.tokens[name_index].folded in surnames)
        ):
            add(start, stop, honorific)
        elif count >= 2:
            unsure.append((start, stop))
    if use_model and unsure:
        _confirm_with_model(context, unsure, surnames, add)
    return sorted(mentions.values(), key=lambda m: m.start)


def _confirm_with_model(context: Context, unsure, surnames, add) -> None:
    """Names without a title or honorific are kept when spaCy reads a person there."""
    sentence_ids = sorted({context.sentence_of(start) for start, _ in unsure})
    sentences = [context.sentences[i] for i in sentence_ids]
    found = nlp.people([s.text for s in sentences])
    spans = []
    for sentence, entities in zip(sentences, found, strict=True):
        for start, end in entities:
            spans.append((sentence.start + start, sentence.start + end))
    for start, stop in unsure:
        if any(s < stop and start < e for s, e in spans):
            add(start, stop, False)
    for s, e in spans:
        first = context.token_at.get(s)
        if first is None:
            continue
        last = first
        while last + 1 < len(context.tokens) and context.tokens[last + 1].end <= e:
            last += 1
        cleaned = _clean(context, first, last, surnames)
        if cleaned and cleaned[3] >= 2:
            add(cleaned[0], cleaned[1], cleaned[2])


def _same_words(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 7 and edit_distance(a, b, 1) <= 1)


def _same_person(words: tuple[str, ...], person: Person) -> bool:
    """Whether a name's words name `person`: the same, a suffix of them, or a near spelling."""
    theirs = person.words
    if not words or not theirs:
        return False
    if not _same_words(words[-1], theirs[-1]):
        return False
    if len(words) == 1 or len(theirs) == 1:
        return True
    shorter, longer = sorted((words, theirs), key=len)
    if all(_same_words(a, b) for a, b in zip(reversed(shorter), reversed(longer), strict=False)):
        return True
    return edit_distance(words[0], theirs[0], 2) <= 2


def cluster(mentions: list[PersonMention], gazetteer: Gazetteer) -> list[Person]:
    """Persons in order of first mention; a surname alone joins the full name it stands for."""
    persons: list[Person] = []
    ordered = sorted(mentions, key=lambda m: (len(m.words) < 2, m.start))
    for mention in ordered:
        words = mention.words
        person = None
        if mention.official:
            person = next((p for p in persons if p.official == mention.official), None)
        if person is None:
            candidates = [p for p in persons if _same_person(words, p)]
            if len(words) < 2 and candidates:
                before = [p for p in candidates if min(m.start for m in p.mentions) < mention.start]
                person = (before or candidates)[-1] if len(candidates) > 1 else candidates[0]
            elif candidates:
                person = candidates[0]
        if person is None:
            persons.append(Person(name=mention.text, mentions=[mention], official=mention.official))
            continue
        person.mentions.append(mention)
        if person.official is None and mention.official is not None:
            person.official = mention.official
        if len(person.words) < 2 <= len(words):
            person.name = mention.text
    for person in persons:
        person.mentions.sort(key=lambda m: m.start)
        first_full = next((m for m in person.mentions if len(m.words) >= 2), None)
        if first_full:
            person.name = first_full.text
        if person.official is None:
            person.official = _match_official(person, gazetteer)
    persons.sort(key=lambda p: p.mentions[0].start)
    return persons


def _match_official(person: Person, gazetteer: Gazetteer) -> OfficialRef | None:
    spellings = {m.text for m in person.mentions}
    for spelling in spellings:
        ref = gazetteer.official(spelling)
        if ref:
            return ref
    full = [fold_words(s) for s in spellings if len(fold_words(s)) >= 2]
    for words in full:
        for surname, refs in gazetteer.surnames.items():
            if not _same_words(words[-1], surname):
                continue
            for ref in refs:
                theirs = fold_words(ref.name)
                if edit_distance(words[0], theirs[0], 2) <= 2:
                    return ref
    if not full:
        refs = gazetteer.surnames.get(person.surname, [])
        if len({r.slug for r in refs}) == 1:
            return refs[0]
    return None


def rescan(context: Context, persons: list[Person], mentions: list[PersonMention]) -> None:
    """Later mentions by surname, in capitals, or with a stray letter, join their person."""
    taken = bytearray(len(context.body) + 1)  # the characters a mention already covers
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    surnames = {}
    for person in persons:
        if len(person.words) >= 2 or person.official:
            surnames.setdefault(person.surname, person)
    for surname, refs in context.gazetteer.surnames.items():
        if len({r.slug for r in refs}) == 1 and surname not in surnames:
            surnames[surname] = refs[0]
    for index, token in enumerate(context.tokens):
        if not token.text[:1].isupper() or taken[token.start]:
            continue
        word, end = token.folded, token.end
        target = surnames.get(word)
        if target is None and len(word) > 5 and word[:-1] in surnames:
            target, end = surnames[word[:-1]], end - 1
        if target is None:
            continue
        if context.covered[index]:
            continue
        mention = PersonMention(
            token.start,
            end,
            context.body[token.start : end],
            context.sentence_of(token.start),
            _honorific_before(context, index),
        )
        if isinstance(target, Person):
            target.mentions.append(mention)
            target.mentions.sort(key=lambda m: m.start)
        else:
            mention.official = target
            persons.append(Person(name=mention.text, mentions=[mention], official=target))
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    persons.sort(key=lambda p: p.mentions[0].start)
