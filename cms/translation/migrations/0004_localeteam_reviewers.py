from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("translation_queue", "0003_queuejob_kind_choices_and_options"),
    ]

    operations = [
        migrations.AddField(
            model_name="localeteam",
            name="reviewers",
            field=models.ManyToManyField(
                blank=True,
                help_text="Members who may approve or request changes (besides the whole team "
                "when “members may review” is ticked).",
                related_name="reviewed_locale_teams",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="localeteam",
            name="can_review",
            field=models.BooleanField(
                default=False,
                help_text="Every member may approve or request changes to translations.",
                verbose_name="members may review",
            ),
        ),
        migrations.AlterField(
            model_name="localeteam",
            name="can_publish",
            field=models.BooleanField(
                default=False,
                help_text="Members may publish approved translations.",
                verbose_name="may publish",
            ),
        ),
    ]
