"""Planner statistics, which SQLite keeps only when asked (ANALYZE)."""


def refresh_planner_statistics(apps, schema_editor):
    """Analyze again after adding indexes, on a SQLite database that keeps statistics.

    SQLite takes an index without statistics for a very selective one, so that an index
    added to an analyzed database is preferred to better ones; PostgreSQL's autovacuum
    keeps its statistics by itself.
    """
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("ANALYZE")
