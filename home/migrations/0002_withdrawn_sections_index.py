"""A partial index of the withdrawn sections (unpublished pages with children), which every
visibility check looks up (``cms.visibility``): a few rows, whatever the number of drafts.
Plain SQL because Django's partial indexes belong to a model, and this one is on Wagtail's."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_withdrawn_sections ON wagtailcore_page (path) "
            "WHERE live = false AND numchild > 0",
            reverse_sql="DROP INDEX IF EXISTS home_withdrawn_sections",
        )
    ]
