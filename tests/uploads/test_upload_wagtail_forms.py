"""Wagtail's own image and document uploads go through the same checks."""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from tests.support.uploads import SVG_WITH_SCRIPT, VTT, image_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize(("name", "hint"), [("logo.png", "svg"), ("logo.svg", "png, webp")])
def test_svg_with_script_is_refused_by_the_image_uploader(admin, name, hint):
    response = admin.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload(name, SVG_WITH_SCRIPT, "image/png")},
    )
    payload = response.json()
    assert payload["success"] is False
    # Wagtail's own format check or ours, whichever speaks first, names the problem.
    assert hint in payload["error_message"].lower()
    assert get_image_model().objects.count() == 0


def test_image_form_itself_names_an_svg_disguised_as_png(admin_user):
    form = get_image_form(get_image_model())(
        data={"title": "Logo", "collection": 1},
        files={"file": upload("logo.png", SVG_WITH_SCRIPT, "image/png")},
        user=admin_user,
    )
    assert not form.is_valid()
    assert "svg" in " ".join(form.errors["file"]).lower()


def test_raster_image_is_accepted_under_a_sanitised_name(admin):
    response = admin.post(
        reverse("wagtailimages:add"),
        {"title": "Cover", "collection": 1, "file": upload("../../Cover\u202e.PNG", image_bytes())},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get()
    assert image.file.name == "original_images/Cover.png"
    assert (image.width, image.height) == (4, 3)


def test_documents_take_pdf_and_subtitles_and_check_each_as_what_it_claims(admin):
    for name, data in [("leaflet.pdf", pdf_bytes()), ("ar.vtt", VTT)]:
        response = admin.post(
            reverse("wagtaildocs:add"), {"title": name, "collection": 1, "file": upload(name, data)}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Fake", "collection": 1, "file": upload("en.vtt", pdf_bytes())},
    )
    assert response.status_code == 200
    assert "is named .vtt but its content is a application/pdf file" in response.content.decode()
    titles = sorted(get_document_model().objects.values_list("title", flat=True))
    assert titles == ["ar.vtt", "leaflet.pdf"]
    document = get_document_model().objects.get(title="leaflet.pdf")
    assert document.file_size == len(pdf_bytes()) and document.file_hash
