"""PostgreSQL only: the pg_trgm extension and a trigram index for fuzzy matches. Without the
right to create the extension the memory still works (band-key look-up, see lookup.py)."""

from django.db import migrations, transaction

INDEX = "translation_memory_source_trgm"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    table = apps.get_model("translation_memory", "MemoryEntry")._meta.db_table
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # not allowed to create it: the portable look-up is used
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin (source_norm gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("translation_memory", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
