from django.core.management.base import BaseCommand
from tqdm import tqdm
from wagtail_localize.models import Translation

from cms.translation import teams
from cms.translation.models import LocaleTeam
from cms.translation.services import progress


class Command(BaseCommand):
    help = (
        "Create queue tasks for wagtail-localize translations that have none (e.g. made before "
        "the queue existed) and re-grant locale teams their page permissions. Safe to re-run."
    )

    def handle(self, *args, **options):
        missing = Translation.objects.filter(queue_task__isnull=True).select_related(
            "source", "target_locale"
        )
        created = 0
        for translation in tqdm(
            missing.iterator(),
            total=missing.count(),
            desc="Backfilling tasks",
            unit="translation",
            disable=options["verbosity"] < 1,
        ):
            created += progress.ensure_task(translation)[1]
        for team in LocaleTeam.objects.all():
            teams.sync_team_group(team)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Created {created} task(s)."))
