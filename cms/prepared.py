"""Server-side prepared statements for a few hot raw queries (the ``.vtt`` track, a video's
translation group, the pages listing): on PostgreSQL each is parsed and planned once per
connection, then only executed (planning the track query costs ~15× executing it).

Django's cursors bind parameters on the client and never prepare, so these queries run on a
psycopg server-binding cursor of the same connection, wrapped in Django's own cursor wrapper:
they are still logged, counted (``django_assert_num_queries``) and pass through
``connection.execute_wrapper`` hooks. ``DATABASE_PREPARED_STATEMENTS=0`` (settings) turns it off,
as a pooler in transaction mode (pgbouncer) requires; other databases just execute.

SQL uses ``%s`` placeholders and names no column of a changing type (``SELECT *``): a prepared
plan whose result columns change would fail after a migration until the connection is renewed.
"""

from django.conf import settings
from django.db import connection
from django.db.backends.postgresql.base import (  # psycopg is a dependency
    CursorDebugWrapper,
    ServerBindingCursor,
)
from django.db.backends.utils import CursorWrapper


def fetch_one(sql: str, params=()) -> tuple | None:
    with _cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def fetch_all(sql: str, params=()) -> list[tuple]:
    with _cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _cursor():
    if connection.vendor != "postgresql" or not settings.DATABASE_PREPARED_STATEMENTS:
        return connection.cursor()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        raw = _PreparingCursor(connection.connection)
    if connection.queries_logged:
        return _LoggedCursor(raw, connection)
    return connection.make_cursor(raw)


class _PreparingCursor(ServerBindingCursor):
    """psycopg's server-binding cursor, preparing by default (Django's wrappers call
    ``execute(sql, params)``)."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        prepare = True if prepare is None else prepare
        return super().execute(query, params, prepare=prepare, binary=binary)


class _LoggedCursor(CursorDebugWrapper):
    """Django's debug wrapper, logging the SQL with its values: Django reads them back from a
    client-side cursor's last query, which a server-binding cursor does not hold."""

    def execute(self, sql, params=None):
        with self.debug_sql(self.db.ops.compose_sql(sql, params)):
            return CursorWrapper.execute(self, sql, params)
