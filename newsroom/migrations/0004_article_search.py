"""The full-text index of articles: a weighted tsvector on PostgreSQL, an FTS5 table on SQLite.

Triggers keep both in step with newsroom_article, whatever writes it (save, bulk_create,
QuerySet.update, loaddata); newsroom/search.py reads them.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

# Two configurations, accents removed: french_unaccent reads words as their French stems
# (stop words left out), simple_unaccent as written, for the words a search term begins.
POSTGRESQL_FORWARD = [
    "CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french)",
    "ALTER TEXT SEARCH CONFIGURATION french_unaccent "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem",
    "ALTER TEXT SEARCH CONFIGURATION french_unaccent "
    "ALTER MAPPING FOR numword, numhword, hword_numpart WITH unaccent, simple",
    "CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION simple_unaccent ALTER MAPPING FOR "
    "asciihword, asciiword, hword, hword_asciipart, hword_part, word, "
    "numword, numhword, hword_numpart WITH unaccent, simple",
    "ALTER TABLE newsroom_article ADD COLUMN search_vector tsvector",
    """
    CREATE FUNCTION newsroom_article_words(content text, weight "char") RETURNS tsvector
    LANGUAGE sql STABLE AS $$
        SELECT setweight(
            to_tsvector('french_unaccent', coalesce(content, ''))
                || to_tsvector('simple_unaccent', coalesce(content, '')),
            weight
        )
    $$
    """,
    # A tsvector holds at most 1 MB: the summary and text are read up to these lengths.
    """
    CREATE FUNCTION newsroom_article_document(title text, summary text, body text)
    RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT newsroom_article_words(title, 'A')
            || newsroom_article_words(left(summary, 20000), 'B')
            || newsroom_article_words(left(body, 100000), 'C')
    $$
    """,
    """
    CREATE FUNCTION newsroom_article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' OR (NEW.title, NEW.summary, NEW.body)
            IS DISTINCT FROM (OLD.title, OLD.summary, OLD.body)
        THEN
            NEW.search_vector := newsroom_article_document(NEW.title, NEW.summary, NEW.body);
        END IF;
        RETURN NEW;
    END
    $$
    """,
    # No column list (UPDATE OF ...): PostgreSQL would then refuse to change those columns' types.
    "CREATE TRIGGER newsroom_article_search_vector BEFORE INSERT OR UPDATE ON newsroom_article "
    "FOR EACH ROW EXECUTE FUNCTION newsroom_article_search_vector()",
    "UPDATE newsroom_article SET search_vector = newsroom_article_document(title, summary, body)",
    "CREATE INDEX newsroom_article_search_vector_idx ON newsroom_article USING gin (search_vector)",
    # The ids of the matching articles from the GIN index alone, never by unpacking and
    # matching every row's vector, a cost the planner does not see.
    """
    CREATE FUNCTION newsroom_article_matching(query tsquery) RETURNS SETOF bigint
    LANGUAGE sql STABLE SET enable_seqscan = off AS $$
        SELECT id FROM newsroom_article WHERE search_vector @@ query
    $$
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP FUNCTION newsroom_article_matching(tsquery)",
    "DROP INDEX newsroom_article_search_vector_idx",
    "DROP TRIGGER newsroom_article_search_vector ON newsroom_article",
    "DROP FUNCTION newsroom_article_search_vector()",
    "DROP FUNCTION newsroom_article_document(text, text, text)",
    'DROP FUNCTION newsroom_article_words(text, "char")',
    "ALTER TABLE newsroom_article DROP COLUMN search_vector",
    "DROP TEXT SEARCH CONFIGURATION simple_unaccent",
    "DROP TEXT SEARCH CONFIGURATION french_unaccent",
]

FTS_DELETE = (
    "INSERT INTO newsroom_article_fts(newsroom_article_fts, rowid, title, summary, body) "
    "VALUES ('delete', old.id, old.title, old.summary, old.body);"
)
FTS_INSERT = (
    "INSERT INTO newsroom_article_fts(rowid, title, summary, body) "
    "VALUES (new.id, new.title, new.summary, new.body);"
)
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE newsroom_article_fts USING fts5("
    "title, summary, body, content='newsroom_article', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER newsroom_article_fts_insert AFTER INSERT ON newsroom_article "
    f"BEGIN {FTS_INSERT} END",
    "CREATE TRIGGER newsroom_article_fts_delete AFTER DELETE ON newsroom_article "
    f"BEGIN {FTS_DELETE} END",
    # A change of status or date leaves the index alone.
    "CREATE TRIGGER newsroom_article_fts_update AFTER UPDATE OF title, summary, body "
    f"ON newsroom_article BEGIN {FTS_DELETE} {FTS_INSERT} END",
    "INSERT INTO newsroom_article_fts(newsroom_article_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER newsroom_article_fts_update",
    "DROP TRIGGER newsroom_article_fts_delete",
    "DROP TRIGGER newsroom_article_fts_insert",
    "DROP TABLE newsroom_article_fts",
]

FORWARD = {"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}
BACKWARD = {"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}


class UnaccentExtensionOnPostgreSQL(UnaccentExtension):
    """UnaccentExtension, whose reverse would look for PostgreSQL's catalog on any database."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def run(statements):
    def operation(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0003_editors_group")]

    operations = [
        UnaccentExtensionOnPostgreSQL(),
        migrations.RunPython(run(FORWARD), run(BACKWARD), elidable=False),
    ]
