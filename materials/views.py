"""Material downloads at stable URLs, honouring Wagtail's private collections."""

from django.http import FileResponse, Http404, HttpResponse
from django.views.decorators.http import require_safe
from wagtail.documents.views.serve import serve as wagtail_serve_document

from cms.uploads.storage import storage_errors
from materials.models import Material, MaterialFile


@require_safe
def download(request, file_id: int, filename: str):
    """Serve one material file under a neutral name.

    The URL never expires (no signatures), so partner sites can link to it. Files of withdrawn
    or unpublished materials are gone; files of superseded materials still resolve. In a private
    collection, Wagtail's own document view asks for the password or login.
    """
    material_file = (
        MaterialFile.objects.filter(pk=file_id, material__live=True)
        .exclude(material__status=Material.Status.WITHDRAWN)
        .select_related("document__collection", "material")
        .first()
    )
    if material_file is None:
        raise Http404("No such material file.")
    document = material_file.document
    restrictions = list(document.collection.get_view_restrictions())
    if any(not restriction.accept_request(request) for restriction in restrictions):
        return wagtail_serve_document(request, document.id, document.filename)

    try:
        handle = document.file.storage.open(document.file.name, "rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing from the storage.") from error
    except storage_errors():
        response = HttpResponse(
            "The file storage cannot be reached right now; please try again in a minute.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "60"
        return response

    response = FileResponse(
        handle,
        as_attachment=True,
        filename=material_file.download_name,
        content_type=material_file.mime_type or "application/pdf",
    )
    response["ETag"] = f'"{material_file.sha256}"'
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = (
        "private, no-store" if restrictions else "public, max-age=300, s-maxage=3600"
    )
    return response
