"""Input: header lines, the seed's leading date, and the errors that refuse a text."""

import pytest
from django.utils import translation

from newsroom.ingest.reading import MAX_BYTES, ReadingError, read
from newsroom.models import Article, Proposal
from newsroom.services import ingest_text


def test_header_lines_before_a_blank_line_are_read():
    source = read(
        "title: Hammouchi à Madrid\nsource: https://example.org/a\ndate: 2024-11-28\n"
        "outlet: Le Courrier\nlanguage: fr\n\nLe texte de l'article."
    )
    assert source.headers == {
        "title": "Hammouchi à Madrid",
        "source": "https://example.org/a",
        "date": "2024-11-28",
        "outlet": "Le Courrier",
        "language": "fr",
    }
    assert source.body == "Le texte de l'article."


def test_seed_leading_date_is_a_header():
    source = read(" date 2024-09 Le directeur général a effectué une visite.")
    assert source.headers == {"date": "2024-09"}
    assert source.body == "Le directeur général a effectué une visite."


def test_a_first_line_that_is_not_a_header_keeps_the_text_whole():
    text = "Lire aussi : autre chose\n\nLe texte."
    assert read(text).body == text
    assert read(text).headers == {}


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        ("title: Rien\n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Le directeur a visité Ankara.".encode("latin-1"), "not_utf8"),
        (b"a" * (MAX_BYTES + 1), "too_large"),
        ("é" * (MAX_BYTES // 2 + 1), "too_large"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data, code):
    with pytest.raises(ReadingError) as error:
        read(data)
    assert error.value.code == code


def test_not_utf8_error_names_the_byte_and_position():
    with translation.override("en"), pytest.raises(ReadingError, match="0xE9 at position 20"):
        read("Le directeur a visité Ankara.".encode("latin-1"))


@pytest.mark.django_db
@pytest.mark.parametrize("data", [b"", b"\x00\x01binary", "caf\xe9".encode("latin-1")])
def test_bad_input_writes_nothing(data):
    result = ingest_text(text=data, path="bad.txt")
    assert result.status == "error"
    assert result.error
    assert result.to_dict()["article"] is None
    assert not Article.objects.exists()
    assert not Proposal.objects.exists()


def test_utf8_byte_order_mark_and_windows_line_endings_are_accepted():
    source = read("\ufefftitle: T\r\n\r\nLe texte.\r\n".encode())
    assert source.headers == {"title": "T"}
    assert source.body == "Le texte."
