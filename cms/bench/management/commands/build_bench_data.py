"""``manage.py build_bench_data [--scale 0.01]`` (settings: cms.settings.bench)."""

from django.core.management.base import BaseCommand

from cms.bench import dataset


class Command(BaseCommand):
    help = "Build the benchmark's scale dataset (reused when it is already there)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = full, 0.01 = 1 %%.")

    def handle(self, *args, scale, **options):
        found = dataset.existing(scale)
        if found is not None:
            self.stdout.write(f"Dataset at scale {scale} already built: {found.counts}")
            return
        built = dataset.build(scale)
        self.stdout.write(self.style.SUCCESS(f"Built the dataset at scale {scale}: {built.counts}"))
