"""Reading an article's input: decoding, header lines, and the errors that refuse it."""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

MAX_BYTES = 1024 * 1024

# Header keys and the other names they go by.
HEADER_KEYS = {
    "title": "title",
    "titre": "title",
    "source": "source",
    "url": "source",
    "lien": "source",
    "date": "date",
    "published": "date",
    "outlet": "outlet",
    "média": "outlet",
    "media": "outlet",
    "journal": "outlet",
    "language": "language",
    "langue": "language",
    "lang": "language",
    "author": "author",
    "auteur": "author",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-zé]+)\s*:\s*(.*?)\s*$")
# The seed's form: "date 2024-09" at the very start, the text following on the same line.
_LEADING_DATE = re.compile(r"^\s*date\s*:?\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s)\s*", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class ReadingError(ValueError):
    """The input cannot be taken as an article's text; nothing is written."""

    def __init__(self, message, code: str):
        super().__init__(str(message))
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Source:
    """An article's text as read: its body and the header values given before it."""

    body: str
    headers: dict[str, str] = field(default_factory=dict)


def decode(data: str | bytes) -> str:
    """The text of `data`, or a ReadingError that says what is wrong with it."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise ReadingError(
                _("The text is larger than 1 MB (%(size)d bytes).") % {"size": len(data)},
                "too_large",
            )
        if b"\x00" in data:
            raise ReadingError(_("The file is binary, not text."), "binary")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ReadingError(
                _(
                    "The text is not UTF-8: byte 0x%(byte)02X at position %(position)d "
                    "cannot be decoded (save the file as UTF-8)."
                )
                % {"byte": data[error.start], "position": error.start},
                "not_utf8",
            ) from error
    else:
        text = data or ""
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise ReadingError(_("The text is larger than 1 MB."), "too_large")
        text = text.removeprefix("\ufeff")
    if _CONTROL.search(text[:4096]) and len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise ReadingError(_("The file is binary, not text."), "binary")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def split_headers(text: str) -> Source:
    """Header lines `key: value` before a blank line, and the seed's leading "date YYYY-MM"."""
    lines = text.split("\n")
    headers: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    start = index
    while index < len(lines) and lines[index].strip():
        match = _HEADER_LINE.match(lines[index])
        key = HEADER_KEYS.get(match.group(1).lower()) if match else None
        if key is None:
            break
        headers[key] = match.group(2)
        index += 1
    if headers and (index == len(lines) or not lines[index].strip()):
        body = "\n".join(lines[index:])
    else:
        headers, body = {}, "\n".join(lines[start:])
    leading = _LEADING_DATE.match(body)
    if leading and "date" not in headers:
        headers["date"] = leading.group(1)
        body = body[leading.end() :]
    body = body.strip()
    if not body:
        raise ReadingError(_("The text is empty."), "empty")
    return Source(body=body, headers=headers)


def read(data: str | bytes) -> Source:
    """Decode `data` and split its header lines from its body."""
    text = decode(data)
    if not text.strip():
        raise ReadingError(_("The text is empty."), "empty")
    return split_headers(text)
