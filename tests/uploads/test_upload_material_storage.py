"""The material upload service and downloads against S3, including the storage outage."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.uploads import StorageUnavailable
from materials.models import MaterialFile
from materials.services import new_material_file
from tests.factories import MaterialFactory
from tests.support.uploads import HTML, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def material(locales):
    return MaterialFactory(files=[], reference_number="PROTECT-INF-GR-C", locale=locales["en"])


def add_file(material, data: bytes, *, language: str, file_format: str) -> MaterialFile:
    material_file = new_material_file(
        ContentFile(data, name="leaflet.pdf"),
        material=material,
        language=language,
        file_format=file_format,
    )
    material.files.add(material_file)
    material.save_revision().publish()
    return MaterialFile.objects.get(material=material, document=material_file.document)


def test_adding_a_file_stores_it_in_s3_and_publishes_it(s3, locales, client):
    s3_client, bucket = s3
    data = pdf_bytes(pages=2)
    material = MaterialFactory(files=[("ar", "screen", data)], locale=locales["en"])
    material_file = material.group_files().get()
    assert material.available_languages == ["ar"]
    assert not material.has_unpublished_changes
    stored = s3_client.get_object(Bucket=bucket, Key=material_file.document.file.name)
    assert stored["Body"].read() == data
    assert stored["ContentType"] == "application/pdf"
    assert material_file.page_count == 2
    # Downloads stream from S3 through the CMS under the neutral name.
    response = client.get(material_file.get_download_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data


def test_storage_outage_leaves_no_half_created_record(s3_down, material):
    revisions = material.revisions.count()
    with pytest.raises(StorageUnavailable) as caught:
        add_file(material, pdf_bytes(), language="ar", file_format="screen")
    assert "try again" in caught.value.messages[0]
    assert get_document_model().objects.count() == 0
    assert MaterialFile.objects.count() == 0
    assert material.revisions.count() == revisions


def test_unsafe_file_is_refused_before_touching_storage(s3_down, material):
    with pytest.raises(Exception) as caught:
        add_file(material, HTML, language="ar", file_format="screen")
    assert not isinstance(caught.value, StorageUnavailable)
    assert "HTML document" in caught.value.messages[0]


def test_download_during_outage_is_a_503_with_retry_after(s3_stoppable, material, client):
    server, _client, _bucket = s3_stoppable
    material_file = add_file(material, pdf_bytes(), language="en", file_format="print")
    server.stop()
    response = client.get(material_file.get_download_url())
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
