"""Working on translation tasks in tests as a translator would."""

import io
import zipfile

from wagtail_localize.models import StringSegment, StringTranslation

from cms.translation.services import writing
from home.demo.translation import translate_object


def fill(task, text_for=lambda source: f"FR {source}", kind="manual", user=None):
    """Translate every segment of ``task`` (as a translator would)."""
    segments = StringSegment.objects.filter(source_id=task.source_id).select_related("string")
    writing.write_strings(
        task.translation,
        {segment: text_for(segment.string.data) for segment in segments},
        user,
        origin=writing.Origin.MACHINE if kind == "machine" else writing.Origin.EDITOR,
    )
    task.refresh_from_db()
    return task


def localize(obj, codes, capture) -> dict:
    """Translate ``obj`` into ``codes`` through wagtail-localize with the demo phrasebook, and
    publish (``capture``: pytest-django's ``django_capture_on_commit_callbacks``, because
    wagtail-localize publishes on commit). Returns {code: translation}."""
    with capture(execute=True):
        translate_object(obj, only=codes)
    return {t.locale.language_code: t for t in obj.get_translations()}


def edit_xliff(data, old, new):
    """(name, bytes) of the first XLIFF file of an export zip, with ``old`` replaced by ``new``."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    name = [n for n in archive.namelist() if n.endswith(".xlf")][0]
    return name, archive.read(name).decode().replace(old, new).encode()


def snapshot() -> list:
    """Every string translation as (pk, text, updated at): equal before and after means an
    import changed nothing."""
    return sorted(StringTranslation.objects.values_list("pk", "data", "updated_at"))


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard (and a
    message); other views answer 403."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"].rstrip("/").endswith("/admin")
