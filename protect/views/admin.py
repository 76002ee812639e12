"""Editors' subtitle views: the 23-language table with uploads, and SRT/WebVTT downloads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from cms import languages
from protect.forms import SubtitleUploadForm
from protect.models import VideoPage
from protect.subtitle_import import SubtitleImportError, import_subtitles, source_page
from protect.subtitles import Cue, render_srt, render_vtt
from protect.tracks import track_statuses

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
        # wagtail-localize publishes translations when the transaction commits.
        with transaction.atomic():
            result = import_subtitles(
                page,
                code,
                upload.read(),
                filename=upload.name,
                user=request.user,
                publish=form.cleaned_data["publish"],
            )
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


def editor_cues(page: VideoPage, language: str) -> list[Cue]:
    """The source's latest revision; for other languages the texts in wagtail-localize (the
    translator's current work), or the page's own cues if it was not made by wagtail-localize."""
    source = source_page(page)
    if source.locale.language_code == language:
        return source.get_latest_revision_as_object().get_cues()
    locale = Locale.objects.filter(language_code=language).first()
    translation_source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=source.locale_id
    ).first()
    if translation_source is not None and translation_source.translations.filter(
        target_locale=locale
    ):
        return _translated_cues(translation_source, locale)
    target = VideoPage.objects.filter(translation_key=page.translation_key, locale=locale).first()
    return target.get_latest_revision_as_object().get_cues() if target else []


def _translated_cues(translation_source: TranslationSource, locale: Locale) -> list[Cue]:
    """Source timings with the translated texts; cues not translated yet are left out."""
    segments = StringSegment.objects.filter(
        source=translation_source, context__path__startswith="cues."
    ).select_related("context")
    path_of = {(s.string_id, s.context_id): s.context.path for s in segments}
    texts = {
        path_of[(t.translation_of_id, t.context_id)]: t.data
        for t in StringTranslation.objects.filter(
            locale=locale, context_id__in={c for _, c in path_of}, has_error=False
        )
        if (t.translation_of_id, t.context_id) in path_of
    }
    cues = []
    for item in translation_source.as_instance().cues.raw_data:
        text = texts.get(f"cues.{item['id']}.text")
        if text:
            value = item["value"]
            cues.append(Cue(value["start_ms"], value["end_ms"], text, value.get("settings") or ""))
    return cues
