import django.db.models.deletion
from django.db import migrations, models

from protect import track_files


def fill_track_files(apps, schema_editor):
    """Every existing video page gets its track file (count, timing fingerprint, VTT,
    transcript), as ``VideoPage.save`` writes it from now on."""
    VideoPage = apps.get_model("protect", "VideoPage")
    TrackFile = apps.get_model("protect", "TrackFile")
    pages = VideoPage.objects.values_list("pk", "cues", "locale__language_code")
    batch = []
    for row in pages.iterator(chunk_size=200):
        batch.append(row)
        if len(batch) == 200:
            TrackFile.objects.bulk_create(track_files.rows(TrackFile, batch))
            batch = []
    TrackFile.objects.bulk_create(track_files.rows(TrackFile, batch))


class Migration(migrations.Migration):
    dependencies = [
        ("protect", "0002_videopage_subtitleimport"),
    ]

    operations = [
        migrations.CreateModel(
            name="TrackFile",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="track_file",
                        serialize=False,
                        to="protect.videopage",
                    ),
                ),
                ("cue_count", models.PositiveIntegerField(default=0)),
                ("timings", models.CharField(blank=True, max_length=32)),
                ("vtt", models.TextField(blank=True)),
                ("transcript", models.TextField(blank=True)),
            ],
        ),
        migrations.RunPython(fill_track_files, migrations.RunPython.noop),
    ]
