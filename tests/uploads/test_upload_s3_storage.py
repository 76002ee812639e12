"""Uploads against a real S3-protocol server on loopback, including outages."""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

from cms.uploads import StorageUnavailable
from tests.support.uploads import HTML, pdf_bytes, upload

Document = get_document_model()
NOT_SAVED = "The file was not saved: the file storage cannot be reached"


def document_form(data, files, user):
    return get_document_form(Document)(data=data, files=files, user=user)


def submit_document(client, title, name, data, content_type="application/pdf"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "collection": 1, "file": upload(name, data, content_type)},
    )


@pytest.fixture
def admin_client_logged_in(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.django_db
def test_same_named_uploads_never_overwrite_each_other(s3, admin_user):
    client, bucket = s3
    first, second = pdf_bytes(text="first"), pdf_bytes(text="second")
    names = []
    for data in (first, second):
        form = document_form(
            {"title": "Leaflet", "collection": 1},
            {"file": upload("leaflet.pdf", data, "text/html")},
            admin_user,
        )
        assert form.is_valid(), form.errors
        names.append(form.save().file.name)
    assert names[0] != names[1]
    for name, data in zip(names, (first, second), strict=True):
        stored = client.get_object(Bucket=bucket, Key=name)
        assert stored["Body"].read() == data
        # The stored content type comes from the bytes, not from the browser's "text/html".
        assert stored["ContentType"] == "application/pdf"


@pytest.mark.django_db
def test_s3_urls_do_not_expire(s3, admin_user):
    form = document_form(
        {"title": "Leaflet", "collection": 1},
        {"file": upload("leaflet.pdf", pdf_bytes())},
        admin_user,
    )
    assert form.is_valid(), form.errors
    document = form.save()
    url = document.file.url
    assert url.startswith("http://127.0.0.1:")
    assert "Signature" not in url and "Expires" not in url


@pytest.mark.django_db
def test_admin_upload_during_outage_keeps_input_and_creates_nothing(
    s3_down, admin_client_logged_in
):
    response = submit_document(
        admin_client_logged_in, "Leaflet for children, Greece", "leaflet.pdf", pdf_bytes()
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert NOT_SAVED in html
    assert 'value="Leaflet for children, Greece"' in html
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_admin_upload_refuses_html_named_pdf_with_a_clear_message(s3, admin_client_logged_in):
    client, bucket = s3
    response = submit_document(admin_client_logged_in, "Trap", "leaflet.pdf", HTML)
    assert response.status_code == 200
    assert "its content is an HTML document" in response.content.decode()
    assert Document.objects.count() == 0
    assert client.list_objects_v2(Bucket=bucket).get("KeyCount", 0) == 0


@pytest.mark.django_db
def test_multiple_upload_during_outage_reports_the_error(s3_down, admin_client_logged_in):
    response = admin_client_logged_in.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload("leaflet.pdf", pdf_bytes())},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert NOT_SAVED in payload["error_message"]
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_server_stopped_mid_test(s3_stoppable, admin_user):
    server, client, bucket = s3_stoppable
    form = document_form(
        {"title": "Before", "collection": 1},
        {"file": upload("before.pdf", pdf_bytes())},
        admin_user,
    )
    assert form.is_valid(), form.errors
    form.save()
    server.stop()
    form = document_form(
        {"title": "After", "collection": 1},
        {"file": upload("after.pdf", pdf_bytes())},
        admin_user,
    )
    assert not form.is_valid()
    assert NOT_SAVED in form.errors["file"][0]
    assert form.data["title"] == "After"
    assert list(Document.objects.values_list("title", flat=True)) == ["Before"]


def test_storage_unavailable_is_a_validation_error():
    error = StorageUnavailable()
    assert error.code == "storage_unavailable"
    assert error.messages[0].startswith(NOT_SAVED)
