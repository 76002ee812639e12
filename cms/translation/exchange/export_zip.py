import io
import zipfile

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from ..models import TaskState
from . import po, xliff
from .units import units_for


def base_name(task) -> str:
    return f"{task.target_locale.language_code}/{slugify(task.title)[:60] or 'item'}-{task.pk}"


def build(tasks) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for task in tasks:
            units = units_for(task)
            final = task.state in (TaskState.APPROVED, TaskState.PUBLISHED)
            archive.writestr(f"{base_name(task)}.xlf", xliff.write(task, units, final))
            archive.writestr(f"{base_name(task)}.po", po.write(task, units, final))
    return buffer.getvalue()


def response(tasks) -> HttpResponse:
    data = build(tasks)
    response = HttpResponse(data, content_type="application/zip")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="translations-{stamp}.zip"'
    return response
