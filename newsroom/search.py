"""Full-text search of articles, the one rule behind the article pages, the API and the admin.

An article matches a search when each word of it is in the article's title, summary or text,
or in a name (any spelling) of an official the article names. Words are runs of letters and
digits; case and accents never matter; a word of three letters or more also finds the words
it begins ("IGEF" finds "IGEF24"). Best first: among the RANKED_WINDOW latest recorded articles
whose text matches, a word in the title counts more than in the summary, more than in the text;
then every other match (older ones, those found by a name alone) in the usual order. Ranking
them all would score every match, 90,000 for a common word in 100,000 articles; the window is
read from the index's end, so that a search costs the same at any size of the table.

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
from django.db.models import Case, Expression, F, FloatField, Func, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.lookups import In

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

# The latest text matches a search ranks; the others follow in the usual order.
RANKED_WINDOW = 200
# On PostgreSQL, how many of the newest articles are read for the window before the GIN index
# is asked instead: a word in fewer than RANKED_WINDOW of them has few matches in all.
WINDOW_SCAN_BUDGET = 2000

# The text search configurations migration 0004 creates on PostgreSQL.
STEMMED = "french_unaccent"
AS_WRITTEN = "simple_unaccent"
# Relative weights of title, summary and text: those of PostgreSQL's A, B and C.
BM25 = "bm25(newsroom_article_fts, 5.0, 2.0, 1.0)"
# The latest matches of an FTS5 query, newest rowid first.
FTS_WINDOW = (
    "SELECT rowid FROM newsroom_article_fts WHERE newsroom_article_fts MATCH %s ORDER BY rowid DESC"
)


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
    if not words:
        return queryset.filter(also if also is not None else Q(pk__in=[]))
    queryset = queryset.filter(pk__in=_matching(words, connection, also))
    if not ranked:
        return queryset
    tie_break = queryset.query.order_by or queryset.model._meta.ordering
    rank = WindowRank(_window(words, connection.vendor), _relevance(words, connection.vendor))
    return queryset.annotate(search_rank=rank).order_by(
        F("search_rank").desc(nulls_last=True), *tie_break
    )


class MatchingIds(RawSQL):
    """The ids of the articles a search finds, as one subquery a page's query may replace."""


class WindowRank(Case):
    """The relevance of an article among the latest text matches of a search; NULL beyond.

    A list ranked this way reads as two: the window, ranked, then the other matches in the
    usual order. `split()` gives both, so that a page inside the window reads no more than
    the window (visits.pagination.ListPaginator asks for them).
    """

    def __init__(self, window: RawSQL, relevance: Expression):
        super().__init__(When(pk__in=window, then=relevance), output_field=FloatField())
        self.window = window

    def split(self, queryset):
        """(the window's rows, ranked; the other rows), when `queryset` is ranked by self."""
        order = list(queryset.query.order_by)
        ranked_first = order and getattr(order[0], "expression", None) == F("search_rank")
        if not ranked_first:
            return None
        head = queryset.all()
        window = queryset.model._base_manager.filter(pk__in=self.window).query.where.children[0]
        if not _replace_matching(head.query.where, window):
            return None
        # Every row of the head is in the window: its rank needs no second look at it.
        head.query.annotations = {**head.query.annotations, "search_rank": self.cases[0].result}
        return head, queryset.exclude(pk__in=self.window).order_by(*order[1:])


def _replace_matching(node, replacement) -> bool:
    """Put `replacement` in the place of the search's condition in a WHERE tree."""
    for index, child in enumerate(node.children):
        if isinstance(child, In) and isinstance(child.rhs, MatchingIds):
            node.children[index] = replacement
            return True
        if hasattr(child, "children") and _replace_matching(child, replacement):
            return True
    return False


def _matching(words: list[str], connection, also: Q | None = None) -> MatchingIds:
    """Every word in the text, or in a name of an official the article names (or `also`).

    The ids are one UNION ALL: the articles whose text has every word, read from the index at
    once, those naming an official one of the words names, checked word by word, and those
    `also` finds. Both databases look such a set up by id, where an OR of them would have
    PostgreSQL read every article.
    """
    text_ids = _ids_with_text(words, connection.vendor)
    parts = [(text_ids.sql, text_ids.params)]
    names = [word for word in words if len(normalize_name(word)) >= OFFICIAL_NAME_MIN_LENGTH]
    if names:
        parts.append(_sql(_naming_every_word(words, names, connection.vendor), connection))
    if also is not None:
        parts.append(_sql(Article.objects.filter(also).order_by().values("pk"), connection))
    sql = " UNION ALL ".join(part for part, _params in parts)
    return MatchingIds(sql, tuple(param for _sql, params in parts for param in params))


def _sql(queryset, connection) -> tuple[str, tuple]:
    # A queryset cannot be united with raw SQL: it joins the union as its own SQL.
    return queryset.query.get_compiler(connection=connection).as_sql()


def _naming_every_word(words: list[str], names: list[str], vendor: str):
    """The articles naming an official one of `names` names, with every word somewhere."""
    each_word = Q()
    for word in words:
        found = Q(pk__in=_ids_with_text([word], vendor))
        if word in names:
            found |= Q(pk__in=_naming([word]))
        each_word &= found
    return Article.objects.filter(Q(pk__in=_naming(names)) & each_word).order_by().values("pk")


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


def _window(words: list[str], vendor: str) -> RawSQL:
    """The ids of the RANKED_WINDOW latest recorded articles whose text has every word.

    SQLite's FTS5 reads them from the end of the index. PostgreSQL reads the newest articles
    backwards until it has found them, or, for a word too rare for that, the GIN index
    (newsroom_article_latest_matching(), migration 0006).
    """
    if vendor == "postgresql":
        sql, params = _tsquery(words)
        return RawSQL(
            f"SELECT newsroom_article_latest_matching({sql}, %s, %s)",
            (*params, RANKED_WINDOW, WINDOW_SCAN_BUDGET),
        )
    return RawSQL(f"{FTS_WINDOW} LIMIT %s", (_fts_query(words), RANKED_WINDOW))


def _relevance(words: list[str], vendor: str) -> Expression:
    """How well the text of an article in the window matches the words, higher is better."""
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
    """The FTS5 relevance of an article in the window to a query, higher is better, else 0.

    The window's matches and their scores are read once per query into a table the article's
    id looks up: a MATCH per article would repeat the search for every row.
    """

    output_field = FloatField()
    template = (
        "COALESCE((WITH found AS MATERIALIZED ("
        f"SELECT rowid AS id, -{BM25} AS score FROM newsroom_article_fts "
        "WHERE newsroom_article_fts MATCH %(match)s ORDER BY rowid DESC LIMIT %(window)s"
        ") SELECT score FROM found WHERE found.id = %(pk)s), 0)"
    )

    def __init__(self, fts_query: str, pk):
        super().__init__(Value(fts_query), pk, Value(RANKED_WINDOW))

    def as_sql(self, compiler, connection, **extra_context):
        match, pk, window = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        sql = self.template % {"match": match[0], "window": window[0], "pk": pk[0]}
        return sql, (*match[1], *window[1], *pk[1])
