"""Full-text search of articles, the one rule behind the article pages, the API and the admin.

An article matches a search when each word of it is in the article's title, summary or text,
or in a name (any spelling) of an official the article names. Words are runs of letters and
digits; case and accents never matter; a word of three letters or more also finds the words
it begins ("IGEF" finds "IGEF24"). Best first: a word in the title counts more than in the
summary, more than in the text; articles found by a name alone come last; then the usual order.

The index is the database's own, kept in step by triggers (migration 0004), so that
`bulk_create` and `QuerySet.update` keep it too. What differs between the two:
- PostgreSQL keeps a weighted tsvector, in a column the model does not declare, under a GIN
  index, ranked by ts_rank. Each word is stored twice, as its French stem and as written,
  accents removed, so a search also finds the other forms of a word ("visites" finds
  "visite", "terroristes" finds "terrorisme"). A text is indexed up to its first 100,000
  characters and a summary up to 20,000: a tsvector holds at most 1 MB.
- SQLite keeps an FTS5 table (unicode61 tokenizer, diacritics removed), ranked by bm25, and
  needs SQLite 3.35 or later. Words are as written, without stemming; letters that are not
  an accented form of another ("ı", "ø", "ł") stay as they are, where PostgreSQL's unaccent
  folds them ("Yildiz" finds "Yıldız" in a text there, here only through an official's name).
"""

import unicodedata

from django.contrib.postgres.search import SearchQueryField, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import Expression, F, FloatField, Func, Q, Value
from django.db.models.expressions import RawSQL

from newsroom.models import Article, ArticleOfficial
from visits.models import Official, OfficialName
from visits.names import normalize_name

# Shorter words would match too many names to stand for a person.
OFFICIAL_NAME_MIN_LENGTH = 3
# Shorter words match as whole words: a prefix of one or two letters would read most of the index.
PREFIX_MIN_LENGTH = 3
# Bounds on what one search may ask of the database, whatever is typed or pasted.
MAX_TEXT_LENGTH = 1000
MAX_WORDS = 10
MAX_WORD_LENGTH = 64

# The text search configurations migration 0004 creates on PostgreSQL.
STEMMED = "french_unaccent"
AS_WRITTEN = "simple_unaccent"
# Relative weights of title, summary and text: those of PostgreSQL's A, B and C.
BM25 = "bm25(newsroom_article_fts, 5.0, 2.0, 1.0)"


def search_words(text: str) -> list[str]:
    """The words of a search: runs of letters, marks and digits, at most MAX_WORDS of them."""
    text = unicodedata.normalize("NFKC", text[:MAX_TEXT_LENGTH])
    letters = "".join(char if unicodedata.category(char)[0] in "LMN" else " " for char in text)
    return [word[:MAX_WORD_LENGTH] for word in letters.split()[:MAX_WORDS]]


def search_articles(queryset, text: str, *, ranked: bool = True, also: Q | None = None):
    """Articles of `queryset` matching every word of `text` (or `also`), best first if `ranked`.

    When ranked, the order `queryset` had (or the model's) breaks ties. A text without a word
    finds nothing.
    """
    words = search_words(text)
    connection = connections[queryset.db]
    condition = _matching(words, connection) if words else Q(pk__in=[])
    if also is not None:
        condition |= also
    queryset = queryset.filter(condition)
    if not (ranked and words):
        return queryset
    tie_break = queryset.query.order_by or queryset.model._meta.ordering
    return queryset.annotate(search_rank=_relevance(words, connection.vendor)).order_by(
        F("search_rank").desc(), *tie_break
    )


def _matching(words: list[str], connection) -> Q:
    """Every word in the text, or in a name of an official the article names.

    The ids are one UNION ALL: the articles whose text has every word, read from the index at
    once, and those naming an official one of the words names, checked word by word. Both
    databases look such a set up by id, where an OR of the two would have PostgreSQL read
    every article.
    """
    text_ids = _ids_with_text(words, connection.vendor)
    names = [word for word in words if len(normalize_name(word)) >= OFFICIAL_NAME_MIN_LENGTH]
    if not names:
        return Q(pk__in=text_ids)
    each_word = Q()
    for word in words:
        found = Q(pk__in=_ids_with_text([word], connection.vendor))
        if word in names:
            found |= Q(pk__in=_naming([word]))
        each_word &= found
    named = Article.objects.filter(Q(pk__in=_naming(names)) & each_word).order_by().values("pk")
    # A queryset cannot be united with raw SQL: it joins the union as its own SQL.
    named_sql, named_params = named.query.get_compiler(connection=connection).as_sql()
    ids = f"{text_ids.sql} UNION ALL {named_sql}"
    return Q(pk__in=RawSQL(ids, (*text_ids.params, *named_params)))


def _naming(words: list[str]):
    """The ids of the articles naming an official one of whose names contains one of the words.

    The rule of Official.objects.search, as a union of simple subqueries: PostgreSQL then
    reads the few officials first and their links through an index, where it would read
    every link to test it against a join of names.
    """
    officials = []
    for word in words:
        normalized = normalize_name(word)
        canonical = Official.objects.filter(name_normalized__contains=normalized)
        other = OfficialName.objects.filter(normalized__contains=normalized)
        officials += [canonical.order_by().values("pk"), other.order_by().values("official_id")]
    named = officials[0].union(*officials[1:])
    return ArticleOfficial.objects.filter(official__in=named).order_by().values("article_id")


def _ids_with_text(words: list[str], vendor: str) -> RawSQL:
    """The ids of the articles whose title, summary or text has every word, read once per query.

    On PostgreSQL, newsroom_article_matching() reads them from the GIN index alone: its
    planner, unaware of what unpacking each stored vector costs, would often rather read
    and match every row.
    """
    if vendor == "postgresql":
        sql, params = _tsquery(words)
        return RawSQL(f"SELECT newsroom_article_matching({sql})", params)
    fts = "SELECT rowid FROM newsroom_article_fts WHERE newsroom_article_fts MATCH %s"
    return RawSQL(fts, (_fts_query(words),))


def _relevance(words: list[str], vendor: str) -> Expression:
    """How well the text matches the words, higher is better; 0 when only names match."""
    if vendor == "postgresql":
        query = RawSQL(*_tsquery(words), output_field=SearchQueryField())
        return SearchRank(ArticleVector(), query, normalization=1)
    return Bm25(_fts_query(words), F("pk"))


def _tsquery(words: list[str]) -> tuple[str, list[str]]:
    """The words as a PostgreSQL tsquery: quoted lexemes that no input can turn into syntax.

    Each word finds the French forms of its stem, and the words it begins as written ("IGEF"
    finds "IGEF24", "sécurit" finds "sécuritaire"): a stem is often no beginning ("Malais"
    stems to "mal", "Abdelatif" to "abdel").
    """
    parts, params = [], []
    for word in words:
        lexeme = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
        beginning = f"{lexeme}:*" if len(word) >= PREFIX_MIN_LENGTH else lexeme
        parts.append("(to_tsquery(%s::regconfig, %s) || to_tsquery(%s::regconfig, %s))")
        params += [STEMMED, lexeme, AS_WRITTEN, beginning]
    return " && ".join(parts), params


def _fts_query(words: list[str]) -> str:
    """The words as an FTS5 query: quoted strings that no input can turn into syntax."""
    terms = []
    for word in words:
        quoted = '"' + word.replace('"', '""') + '"'
        terms.append(f"{quoted}*" if len(word) >= PREFIX_MIN_LENGTH else quoted)
    return " ".join(terms)


class ArticleVector(Expression):
    """The article's search vector on PostgreSQL, a column its triggers keep."""

    output_field = SearchVectorField()

    def __init__(self, alias=None):
        super().__init__()
        self.alias = alias

    def resolve_expression(self, query=None, *args, **kwargs):
        resolved = self.copy()
        resolved.alias = query.get_initial_alias()
        return resolved

    def relabeled_clone(self, change_map):
        return type(self)(change_map.get(self.alias, self.alias))

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.search_vector", []


class Bm25(Func):
    """The FTS5 relevance of the article to a query, higher is better, 0 when it does not match.

    The matches and their scores are read once per query into a table the article's id looks
    up: a MATCH per article would repeat the search for every row.
    """

    output_field = FloatField()
    template = (
        "COALESCE((WITH found AS MATERIALIZED ("
        f"SELECT rowid AS id, -{BM25} AS score FROM newsroom_article_fts "
        "WHERE newsroom_article_fts MATCH %(match)s"
        ") SELECT score FROM found WHERE found.id = %(pk)s), 0)"
    )

    def __init__(self, fts_query: str, pk):
        super().__init__(Value(fts_query), pk)

    def as_sql(self, compiler, connection, **extra_context):
        match, pk = (compiler.compile(expression) for expression in self.get_source_expressions())
        sql = self.template % {"match": match[0], "pk": pk[0]}
        return sql, (*match[1], *pk[1])
