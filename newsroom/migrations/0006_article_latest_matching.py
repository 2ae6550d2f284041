"""The latest articles matching a search, read at a bounded cost whatever the word (PostgreSQL).

A common word is found at once by reading the newest articles backwards; a rarer one, whose
matches are few, is read from the GIN index. The first read stops after `budget` articles.
"""

from django.db import migrations

POSTGRESQL_FORWARD = """
CREATE FUNCTION newsroom_article_latest_matching(query tsquery, wanted integer, budget integer)
RETURNS SETOF bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    found bigint[];
BEGIN
    SELECT array_agg(id ORDER BY id DESC) INTO found FROM (
        SELECT id FROM (
            SELECT id, search_vector FROM newsroom_article ORDER BY id DESC LIMIT budget
        ) AS newest WHERE search_vector @@ query ORDER BY id DESC LIMIT wanted
    ) AS latest;
    IF coalesce(array_length(found, 1), 0) >= wanted THEN
        RETURN QUERY SELECT unnest(found);
    ELSE
        RETURN QUERY SELECT id FROM newsroom_article_matching(query) AS id
            ORDER BY id DESC LIMIT wanted;
    END IF;
END
$$
"""
POSTGRESQL_BACKWARD = "DROP FUNCTION newsroom_article_latest_matching(tsquery, integer, integer)"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0005_indexes")]

    operations = [migrations.RunPython(forward, backward)]
