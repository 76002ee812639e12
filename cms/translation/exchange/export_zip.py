import io
import zipfile

from django.utils import timezone
from django.utils.text import slugify

from ..models import TaskState
from . import po, xliff
from .units import units_for


def base_name(task) -> str:
    return f"{task.target_locale.language_code}/{slugify(task.title)[:60] or 'item'}-{task.pk}"


def build(tasks, progress=None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for task in tasks:
            units = units_for(task)
            final = task.state in (TaskState.APPROVED, TaskState.PUBLISHED)
            archive.writestr(f"{base_name(task)}.xlf", xliff.write(task, units, final))
            archive.writestr(f"{base_name(task)}.po", po.write(task, units, final))
            if progress:
                progress()
    return buffer.getvalue()


def file_name(when=None) -> str:
    return f"translations-{(when or timezone.now()).strftime('%Y%m%d-%H%M')}.zip"
