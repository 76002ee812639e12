"""cms/prepared.py: prepared reads are ordinary queries to Django (counted, logged, wrapped), and
on PostgreSQL each statement is prepared once per connection."""

import logging

import pytest
from django.db import connection

from cms import prepared

pytestmark = pytest.mark.django_db

LOCALE_SQL = "SELECT language_code FROM wagtailcore_locale WHERE language_code = %s"


def test_prepared_reads_are_counted_and_logged(locales, django_assert_num_queries, caplog):
    with caplog.at_level(logging.DEBUG, logger="django.db.backends"):
        with django_assert_num_queries(2) as captured:
            assert prepared.fetch_one(LOCALE_SQL, ("ar",)) == ("ar",)
            assert prepared.fetch_all(LOCALE_SQL, ("fa",)) == [("fa",)]
    logged = [query["sql"] for query in captured.captured_queries]
    assert "language_code = 'ar'" in logged[0] and "language_code = 'fa'" in logged[1]
    assert any("language_code = 'fa'" in record.getMessage() for record in caplog.records)


def test_prepared_reads_pass_through_execute_wrappers(locales):
    seen = []

    def wrapper(execute, sql, params, many, context):
        seen.append(params)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        assert prepared.fetch_one(LOCALE_SQL, ("ti",)) == ("ti",)
    assert seen == [("ti",)]


def _prepared_statements(marker: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans + custom_plans FROM pg_prepared_statements"
            " WHERE strpos(statement, %s) > 0 AND statement NOT LIKE %s",
            [marker, "%pg_prepared_statements%"],
        )
        return cursor.fetchall()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's (CI runs it)"
)
def test_a_statement_is_prepared_once_per_connection(locales, settings):
    sql = f"{LOCALE_SQL} /* prepared-once */"
    for code in ("ar", "fa", "ar"):
        assert prepared.fetch_one(sql, (code,)) == (code,)
    assert _prepared_statements("prepared-once") == [(3,)]  # one statement, executed 3 times

    settings.DATABASE_PREPARED_STATEMENTS = False  # the switch for poolers in transaction mode
    assert prepared.fetch_one(f"{LOCALE_SQL} /* not-prepared */", ("ar",)) == ("ar",)
    assert _prepared_statements("not-prepared") == []
