"""Editors' subtitle views: the 23-language table with uploads, and SRT/WebVTT downloads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from cms import languages
from cms.subtitles import render_srt, render_vtt
from protect.forms import SubtitleUploadForm
from protect.models import VideoPage
from protect.selectors import editor_cues, source_page, track_statuses
from protect.services import SubtitleImportError, import_subtitles

SHOWN_ERRORS = 20


def _editable_video(request, page_id: int) -> VideoPage:
    page = get_object_or_404(VideoPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def subtitles(request, page_id: int):
    page = _editable_video(request, page_id)
    status = 200
    if request.method == "POST":
        form = SubtitleUploadForm(request.POST, request.FILES)
        if form.is_valid():
            if _import(request, page, form):
                return redirect(reverse("protect_subtitles", args=[page.pk]))
        status = 400
    else:
        form = SubtitleUploadForm(
            initial={"language": request.GET.get("language") or page.locale.language_code}
        )
    return TemplateResponse(
        request,
        "protect/admin/subtitles.html",
        {
            "page": page,
            "rows": track_statuses(page),
            "form": form,
            "source": source_page(page),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
        status=status,
    )


def _import(request, page: VideoPage, form: SubtitleUploadForm) -> bool:
    upload = form.cleaned_data["file"]
    code = form.cleaned_data["language"]
    try:
        with transaction.atomic():
            result = import_subtitles(
                page,
                code,
                upload.read(),
                filename=upload.name,
                user=request.user,
                publish=form.cleaned_data["publish"],
            )
    except PermissionDenied as exc:
        form.add_error("file", f"“{upload.name}” was not imported: {exc}")
        return False
    except SubtitleImportError as exc:
        shown = [str(issue) for issue in exc.errors[:SHOWN_ERRORS]]
        if len(exc.errors) > SHOWN_ERRORS:
            shown.append(f"… and {len(exc.errors) - SHOWN_ERRORS} more problems.")
        form.add_error("file", [f"“{upload.name}” was not imported; nothing changed."] + shown)
        return False
    name = languages.get(code).name
    done = f"{name}: {result.cue_count} cues imported from “{upload.name}”"
    done += " and published." if result.published else "."
    messages.success(request, done)
    if result.note:
        messages.info(request, result.note)
    for warning in result.warnings[:SHOWN_ERRORS]:
        messages.warning(request, f"{name}: {warning}")
    return True


def download(request, page_id: int, language: str, fmt: str):
    """The latest text of a language for editors: drafts and unpublished translations too."""
    page = _editable_video(request, page_id)
    if languages.get(language) is None or fmt not in ("srt", "vtt"):
        raise Http404("Unknown language or format.")
    cues = editor_cues(page, language)
    if not cues:
        raise Http404(f"This video has no {languages.get(language).name} subtitles yet.")
    if fmt == "srt":
        body, content_type = render_srt(cues), "application/x-subrip"
    else:
        body, content_type = render_vtt(cues, language=language), "text/vtt"
    response = HttpResponse(body.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.{language}.{fmt}"'
    return response
