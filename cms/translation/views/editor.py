"""wagtail-localize's editor endpoints that write texts, replaced so they go through the one
write path (``services.writing``): typing a segment, uploading a PO file, machine translation.
Mounted on the stock URLs ahead of wagtail-localize's own (see wagtail_hooks)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.views.edit_translation import (
    StringTranslationSerializer,
    user_can_edit_instance,
)

from .. import machine, qa
from ..exchange.importer import import_upload
from ..exchange.xliff import ExchangeError
from ..memory import glossary
from ..services import progress, writing


def _translation(request, translation_id) -> Translation:
    translation = get_object_or_404(Translation, pk=translation_id)
    writing.check_rights(request.user, translation)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    return translation


@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def string_edit(request, translation_id, string_segment_id):
    translation = _translation(request, translation_id)
    segment = get_object_or_404(
        StringSegment.objects.select_related("context"),
        pk=string_segment_id,
        source_id=translation.source_id,
    )
    text = request.POST.get("value", "") if request.method == "PUT" else ""
    if request.method == "PUT" and not text:
        return Response({"value": ["Type a translation."]}, status=status.HTTP_400_BAD_REQUEST)
    try:
        result = writing.write_strings(
            translation, {segment: text}, request.user, origin=writing.Origin.EDITOR
        )
    except writing.RefusedText as error:
        return Response({"value": error.problems}, status=status.HTTP_400_BAD_REQUEST)
    row = StringTranslation.objects.filter(
        translation_of_id=segment.string_id,
        locale_id=translation.target_locale_id,
        context_id=segment.context_id,
    ).first()
    if row is None:  # deleted, or there was nothing to delete (a success for the editor)
        return Response(status=status.HTTP_200_OK if result.cleared else status.HTTP_404_NOT_FOUND)
    data = dict(
        StringTranslationSerializer(row, context={"translation_source": translation.source}).data
    )
    # QA on save: the editor shows ``error`` beside the segment (glossary, helplines, links).
    issues = qa.check_segment(
        segment.string.data, row.data, terms=glossary.terms_for(translation.target_locale_id)
    )
    if issues and not data.get("error"):
        data["error"] = " ".join(f"{issue.level.upper()}: {issue.message}" for issue in issues)
    return Response(data, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)


def _back(request):
    url = request.GET.get("next") or request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}):
        return redirect(url)
    return redirect(reverse("wagtailadmin_home"))


@require_POST
def pofile_upload(request, translation_id):
    translation = _translation(request, translation_id)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Choose a PO file to upload.")
        return _back(request)
    try:
        progress.ensure_task(translation, request.user)
        reports = import_upload(upload.name or "upload.po", upload.read(), request.user)
    except (ExchangeError, PermissionDenied) as error:
        messages.error(request, f"Nothing was imported: {error}")
        return _back(request)
    if any(report.task.translation_id != translation.pk for report in reports):
        # import_upload is all or nothing per request, so this cannot half-apply.
        messages.warning(
            request, "The file belonged to another translation; it was imported there."
        )
    changed = sum(report.changed for report in reports)
    messages.success(request, f"Imported {changed} segment(s) from {upload.name}.")
    return _back(request)


@require_POST
def machine_translate(request, translation_id):
    translation = _translation(request, translation_id)
    task, _ = progress.ensure_task(translation, request.user)
    try:
        filled = machine.pretranslate(task, request.user)
    except machine.MachineTranslationError as error:
        messages.error(request, str(error))
        return _back(request)
    if not filled:
        messages.warning(request, "There isn't anything left to translate.")
    else:
        messages.success(request, f"Machine translated {filled} segment(s).")
    return _back(request)
