"""Check every material file against its stored bytes (after a storage migration or restore)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from materials.inspection import inspect_document
from materials.models import MaterialFile


class Command(BaseCommand):
    help = (
        "Read every material file from the media storage and compare size, page count, SHA-256 "
        "and type with what the library recorded. --fix records the facts found."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Store the facts read now.")

    def handle(self, *args, fix=False, **options):
        files = MaterialFile.objects.select_related("document", "material").order_by("pk")
        problems = []
        for material_file in tqdm(
            files, total=files.count(), unit="file", disable=options["verbosity"] < 1
        ):
            try:
                checked = inspect_document(material_file.document)
            except ValidationError as error:
                problems.append(f"{material_file} (file {material_file.pk}): {error.messages[0]}")
                continue
            recorded = (material_file.sha256, material_file.size_bytes, material_file.page_count)
            if recorded != (checked.sha256, checked.size, checked.page_count):
                problems.append(
                    f"{material_file} (file {material_file.pk}): the stored file changed "
                    f"(recorded {recorded[1]} bytes, found {checked.size})."
                )
                if fix:
                    material_file.apply_facts(checked)
                    material_file.save(
                        update_fields=["sha256", "size_bytes", "page_count", "mime_type"]
                    )
        for problem in problems:
            self.stderr.write(problem)
        if problems and not fix:
            raise CommandError(f"{len(problems)} material file(s) need attention.")
        self.stdout.write(self.style.SUCCESS(f"Checked {files.count()} material files."))
