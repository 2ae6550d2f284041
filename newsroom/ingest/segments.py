"""The parts of an article's body: narrative sentences, headings, captions, teasers, boilerplate."""

import re
from dataclasses import dataclass

from newsroom.ingest.tokens import fold

BODY = "body"
HEADING = "heading"
CAPTION = "caption"
TEASER = "teaser"
BOILERPLATE = "boilerplate"

_TEASER = re.compile(
    r"(?:^|(?<=[\s.!?»\"]))(?:[àa] lire (?:aussi|egalement)|lire (?:aussi|egalement|la suite)"
    r"|voir aussi|sur le meme sujet|read (?:also|more)|also read|see also|related(?: article)?"
    r"|related stories)\s*[:\-]",
)
_CAPTION = re.compile(
    r"^\s*(?:photo(?: caption)?|ph\.|legende|caption|credit(?: photo)?|image)\s*[:\-]"
    r"|\((?:photo|ph\.|credit)[^)]*\)\s*$|©[^.]*$|\((?:map|dgsn|dgst|afp|reuters|ap)\)\s*$",
)
_BOILERPLATE = re.compile(
    r"^(?:accueil|home|menu|rechercher|search|partager|share|newsletter|abonnez|subscribe"
    r"|inscrivez|sign up|publicite|advertisement|annonce|commentaires?|comments?|tags?\s*:"
    r"|mots[- ]cles|publie le|mis a jour|updated|published|par la redaction|by staff|©"
    r"|tous droits|all rights|cookies?|suivez|follow us|lire la suite|read more$)",
)
_NAV = re.compile(r"\S\s*[|>]\s*\S")
# An excerpt cut mid-sentence ends on a word no heading ends on: "... travel to London in June to".
_CUT_END = re.compile(
    r"\b(?:to|of|the|an|and|with|for|by|que|qui|de|du|des|le|les|et|aux|pour|avec|dans|par)$"
)
_END_PUNCT = re.compile(r"[.!?…:;»\"”)]\s*$")
# A new sentence begins after . ! ? or … and a space, unless the dot ends an abbreviation.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”)]?\s+(?=[«\"“(]?[A-ZÀ-ÖØ-Þ0-9İ])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:M|Mme|Mlle|MM|Mr|Mrs|Ms|Dr|Pr|St|Me|Gen|Gén|Col|Lt|Maj|Sgt|Cpt|No|n°|av|J\.-C"
    r"|Jan|Feb|Aug|Sept|Oct|Nov|Dec|janv|févr|déc|vol|etc|U\.S|U\.K)|\b[A-Z])\.$"
)
# A teaser is a headline: it ends where a new sentence starts without a full stop before it.
_TEASER_END = re.compile(
    r"(?<=[\w»\"”)])\s+(?=(?:Cette|Cet|Ces|Ce|Les|Le|La|Il|Elle|Ils|Selon|Dans|Pour|Par|Lors"
    r"|Au|Aux|En|Depuis|Outre|Par ailleurs|The|This|These|In|On|He|She|They|According|During"
    r"|Meanwhile)\b)"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    kind: str
    paragraph: int
    index: int = 0

    @property
    def is_narrative(self) -> bool:
        """Visits and meetings are read from the article's own sentences only."""
        return self.kind == BODY


def _line_kind(line: str) -> str:
    folded = fold(line.strip())
    words = folded.split()
    if not words:
        return BOILERPLATE
    if _TEASER.match(folded):
        return TEASER
    if len(words) <= 20 and (_BOILERPLATE.match(folded) or _NAV.search(line)):
        return BOILERPLATE
    if _CAPTION.search(folded) and len(words) < 40:
        return CAPTION
    if not _END_PUNCT.search(line.strip()) and len(words) <= 4:
        return BOILERPLATE
    if (
        not _END_PUNCT.search(line.strip())
        and len(words) <= 16
        and line.strip()[:1].isupper()
        and not _CUT_END.search(folded)
    ):
        return HEADING
    return BODY


def _split_sentences(text: str, offset: int):
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[start : match.start()].rstrip('»"”)')):
            continue
        yield offset + start, offset + match.start()
        start = match.end()
    if text[start:].strip():
        yield offset + start, offset + len(text.rstrip())


def visible(body: str, sentences: list[Sentence]) -> str:
    """The body with boilerplate and teasers blanked out, offsets unchanged."""
    keep = bytearray(len(body))
    for sentence in sentences:
        if sentence.kind != TEASER:
            keep[sentence.start : sentence.end] = b"\x01" * (sentence.end - sentence.start)
    return "".join(char if keep[i] or char == "\n" else " " for i, char in enumerate(body))


def split(body: str) -> list[Sentence]:
    """The body's sentences in order, each with the kind of passage it belongs to."""
    pieces: list[tuple[int, int, str, int]] = []
    position = 0
    for paragraph, line in enumerate(body.split("\n")):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            continue
        kind = _line_kind(line)
        if kind == BOILERPLATE:
            continue
        lead = len(line) - len(line.lstrip())
        teaser = _TEASER.search(fold(line)) if kind != TEASER else None
        if teaser and teaser.start() > 0:
            # A teaser inside a paragraph: the headline runs to the next sentence's start.
            tail = line[teaser.start() :]
            end = _TEASER_END.search(tail, teaser.end() - teaser.start())
            stop = teaser.start() + (end.start() if end else len(tail))
            pieces.append((line_start + lead, line_start + teaser.start(), kind, paragraph))
            pieces.append((line_start + teaser.start(), line_start + stop, TEASER, paragraph))
            if end:
                pieces.append((line_start + stop + 1, line_start + len(line), kind, paragraph))
            continue
        pieces.append((line_start + lead, line_start + len(line), kind, paragraph))
    sentences = []
    for start, end, kind, paragraph in pieces:
        chunk = body[start:end]
        if kind == TEASER:
            spans = [(start, start + len(chunk.rstrip()))]
        else:
            spans = list(_split_sentences(chunk, start))
        for span_start, span_end in spans:
            text = body[span_start:span_end]
            if text.strip():
                sentences.append(
                    Sentence(span_start, span_end, text, kind, paragraph, len(sentences))
                )
    return sentences
