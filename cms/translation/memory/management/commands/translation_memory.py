"""``manage.py translation_memory export FILE.tmx`` / ``import FILE.tmx`` / ``rebuild``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cms.translation.exchange.xliff import ExchangeError
from cms.translation.memory import tmx
from cms.translation.memory.background import record_task_memory
from cms.translation.memory.models import MemoryEntry
from cms.translation.models import TaskState, TranslationTask


class Command(BaseCommand):
    help = "Export or import the translation memory as TMX 1.4, or rebuild it on the worker."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import", "rebuild"])
        parser.add_argument("file", nargs="?", help="the .tmx file (export, import)")
        parser.add_argument("--locale", help="export: only entries into this language code")

    def handle(self, action, file=None, locale=None, **options):
        if action == "rebuild":
            return self._rebuild()
        if not file:
            raise CommandError(f"{action} needs a FILE.tmx")
        path = Path(file)
        with tqdm(desc=action, unit="entry", disable=options["verbosity"] == 0) as bar:

            def progress(done, total):
                bar.total = total
                bar.update(done - bar.n)

            if action == "export":
                entries = MemoryEntry.objects.all()
                if locale:
                    entries = entries.filter(target_locale__language_code=locale)
                path.write_bytes(tmx.export(entries, progress))
                self.stdout.write(f"Wrote {entries.count()} entries to {path}")
                return
            if not path.exists():
                raise CommandError(f"{path}: no such file")
            try:
                units = tmx.read(path.read_bytes(), path.name)
                created, skipped = tmx.import_units(units, None, path.name, progress)
            except ExchangeError as error:
                raise CommandError(f"Nothing was imported. {error}") from error
        self.stdout.write(f"Imported {created} entries ({skipped} already in the memory)")

    def _rebuild(self):
        tasks = TranslationTask.objects.filter(state__in=[TaskState.APPROVED, TaskState.PUBLISHED])
        count = 0
        for task_id in tqdm(tasks.values_list("pk", flat=True), desc="queued", unit="task"):
            record_task_memory.enqueue(task_id, None)
            count += 1
        self.stdout.write(f"Queued {count} task(s) for the memory worker")
