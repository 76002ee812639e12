"""``manage.py bench_publish``: publish one page the way an editor does (a new revision), so the
benchmark can measure how fast the API recovers after a publish."""

from django.core.management.base import BaseCommand
from wagtail.models import Locale

from protect.models import AwarenessPage


class Command(BaseCommand):
    help = "Publish a new revision of one awareness page (benchmark settings)."

    def handle(self, *args, **options):
        page = AwarenessPage.objects.filter(locale=Locale.get_default()).order_by("pk").last()
        page.intro = (page.intro or "").rstrip(".") + "."
        page.save_revision().publish()
        self.stdout.write(f"Published page {page.pk}")
