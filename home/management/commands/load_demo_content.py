from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string
from tqdm import tqdm

from cms import languages
from cms.bulk_mode import deferred_indexing
from cms.translation.memory.background import record_task_memory, refresh_leverage
from home.demo.pages import ensure_home_page
from home.demo.translation import translate_object
from home.locales import sync_locales

# Each builder takes (home_page, user) and returns the English objects it made or found, in the
# order they must be translated (parents before children, snippets before pages using them).
BUILDERS = [
    "protect.demo.build",
    "materials.demo.build",
    "protect.demo_video.build",
    "cms.translation.demo.build",  # locale teams + demo translators (no content)
    "cms.translation.memory.demo.build",  # starter glossary; memory fills from published work
]


class Command(BaseCommand):
    help = (
        "Load PROTECT's demo content (from the public project page) in English and translate it "
        "into every configured language through wagtail-localize. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--languages",
            help="Comma-separated language codes to translate into (default: all configured). "
            "A quick partial demo, e.g. --languages ar,ti; a later full run adds the rest.",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        only = self._languages(options["languages"])
        # One bulk search-index pass, reference rebuild and memory/leverage pass at the end
        # instead of ~16,000 tasks queued one per object (search found nothing until drained).
        with deferred_indexing(
            run_once=[record_task_memory, refresh_leverage],  # leverage reads the memory
            progress=options["verbosity"] >= 1,
        ):
            new_locales, home_created, objects, created = self._load(only)

        if not (new_locales or home_created or created):
            self.stdout.write("Demo content is already loaded: nothing changed.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(objects)} source objects, {created} new translations, "
                f"{len(new_locales)} new locales."
            )
        )

    def _load(self, only):
        user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        new_locales = sync_locales()
        home, home_created = ensure_home_page(user)

        objects = [home]
        for path in BUILDERS:
            objects += import_string(path)(home, user)

        created = 0
        progress = tqdm(
            objects,
            desc="Translating demo content",
            unit="object",
            disable=self.verbosity < 1,
        )
        for obj in progress:
            progress.set_postfix_str(str(obj)[:40])
            with transaction.atomic():
                created += translate_object(obj, user, only=only)
        return new_locales, home_created, objects, created

    def _languages(self, value: str | None) -> list[str] | None:
        if not value:
            return None
        codes = [code.strip() for code in value.split(",") if code.strip()]
        unknown = sorted(set(codes) - set(languages.codes()))
        if unknown:
            raise CommandError(
                f"Unknown language code(s): {', '.join(unknown)}. "
                f"Configured: {', '.join(languages.codes())}."
            )
        return codes
