"""Import WebVTT/SRT files into a video page, as the admin's Subtitles view does.

    manage.py import_subtitles --video 12 --language fr subtitles/fr.srt
    manage.py import_subtitles --video 12 subtitles/      # files named <code>.vtt / <code>.srt

A folder is imported source language first, so the other languages are checked against the new
source cues. Each file is accepted or rejected on its own; a rejected file changes nothing and
makes the command exit with status 1.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cms import languages
from protect.models import VideoPage
from protect.selectors import source_page
from protect.services import SubtitleImportError, import_subtitles

SUFFIXES = {".vtt", ".srt"}


class Command(BaseCommand):
    help = "Import subtitle files (WebVTT or SRT) into a video page's tracks."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .vtt/.srt file, or a folder of <language>.vtt files.")
        parser.add_argument("--video", type=int, required=True, help="The video page's id.")
        parser.add_argument(
            "--language", help="The file's language code (for a single file; required then)."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the source page (other languages go to review in the translation queue).",
        )

    def handle(self, *args, path, video, language, publish, **options):
        page = VideoPage.objects.filter(pk=video).first()
        if page is None:
            raise CommandError(f"There is no video page with id {video}.")
        jobs = self._jobs(Path(path), language, page)
        failed = 0
        progress = tqdm(
            jobs,
            desc="Importing subtitles",
            unit="file",
            disable=options["verbosity"] < 1 or len(jobs) < 2,
        )
        for code, file in progress:
            progress.set_postfix_str(file.name[:30])
            try:
                result = import_subtitles(
                    page, code, file.read_bytes(), filename=file.name, publish=publish
                )
            except SubtitleImportError as exc:
                failed += 1
                self.stderr.write(f"{file}: rejected, nothing changed.")
                for issue in exc.errors:
                    self.stderr.write(f"  {issue}")
                continue
            state = "published" if result.published else "saved"
            self.stdout.write(f"{file}: {result.cue_count} cues {state} as {code}.")
            for warning in result.warnings:
                self.stdout.write(self.style.WARNING(f"  warning: {warning}"))
            if result.note:
                self.stdout.write(f"  {result.note}")
        if failed:
            raise CommandError(f"{failed} of {len(jobs)} file(s) rejected.", returncode=1)

    def _jobs(self, path: Path, language: str | None, page: VideoPage) -> list[tuple[str, Path]]:
        if path.is_file():
            if not language:
                raise CommandError("Give the file's language with --language <code>.")
            if languages.get(language) is None:
                raise CommandError(
                    f"'{language}' is not a site language ({', '.join(languages.codes())})."
                )
            return [(language, path)]
        if not path.is_dir():
            raise CommandError(f"{path} is neither a file nor a folder.")
        if language:
            raise CommandError(
                "--language is for a single file; a folder's files are named by language."
            )
        jobs, unknown = [], []
        for file in sorted(path.iterdir()):
            if file.suffix.lower() not in SUFFIXES:
                continue
            code = file.stem.rpartition(".")[2]  # "fr.vtt" and "video.fr.vtt"
            (jobs if languages.get(code) else unknown).append((code, file))
        if unknown:
            raise CommandError(
                "Name each file after its language code (fr.vtt, video.fr.srt); these are not: "
                + ", ".join(file.name for _, file in unknown)
            )
        if not jobs:
            raise CommandError(f"{path} has no .vtt or .srt files.")
        source_code = source_page(page).locale.language_code
        jobs.sort(key=lambda job: (job[0] != source_code, languages.sort_key(job[0])))
        return jobs
