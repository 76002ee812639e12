"""validate_upload: every purpose's allow-list, checked on the name and on the bytes."""

import pytest
from django.core.exceptions import ValidationError

from cms.uploads import Purpose, sanitize_filename, validate_upload
from tests.support.uploads import (
    HTML,
    MP4,
    SRT,
    SVG_WITH_SCRIPT,
    VTT,
    WEBM,
    encrypted_pdf,
    image_bytes,
    pdf_bytes,
    pdf_with_javascript,
    upload,
)


def refused(name, data, purpose) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload(name, data), purpose)
    return caught.value


def test_pdf_is_accepted_with_facts_from_its_bytes():
    data = pdf_bytes(pages=3)
    file = upload("Leaflet children GR.pdf", data, content_type="text/html")
    checked = validate_upload(file, Purpose.MATERIAL)
    assert checked.content_type == "application/pdf"
    assert checked.size == len(data)
    assert checked.page_count == 3
    assert len(checked.sha256) == 64
    assert checked.name == "Leaflet-children-GR.pdf"
    # The browser's claim is replaced: storages (S3 ContentType) see the sniffed type.
    assert file.content_type == "application/pdf"
    assert file.name == "Leaflet-children-GR.pdf"
    assert file.read(5) == b"%PDF-"


def test_html_named_pdf_is_refused_saying_what_it_is():
    error = refused("leaflet.pdf", HTML, Purpose.MATERIAL)
    assert error.code == "content_mismatch"
    assert "leaflet.pdf" in error.messages[0]
    assert "HTML document" in error.messages[0]


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_svg_with_script_is_refused_as_an_image(name):
    error = refused(name, SVG_WITH_SCRIPT, Purpose.IMAGE)
    message = error.messages[0]
    assert ("SVG image with a script" in message) or ("allowed file types" in message)
    assert error.code in {"extension", "content_mismatch"}


def test_svg_named_png_is_named_for_what_it_is():
    error = refused("logo.png", SVG_WITH_SCRIPT, Purpose.IMAGE)
    assert "an SVG image with a script" in error.messages[0]


@pytest.mark.parametrize(
    "name", ["leaflet.html.pdf", "leaflet.php.pdf", "leaflet.exe.pdf", "cover.svg.png"]
)
def test_double_extensions_are_refused(name):
    purpose = Purpose.IMAGE if name.endswith(".png") else Purpose.MATERIAL
    data = image_bytes() if purpose == Purpose.IMAGE else pdf_bytes()
    error = refused(name, data, purpose)
    assert error.code == "double_extension"
    assert "more than one file extension" in error.messages[0]


def test_dots_inside_a_name_are_not_a_double_extension():
    checked = validate_upload(upload("Report v1.2 (2020).pdf", pdf_bytes()), Purpose.MATERIAL)
    assert checked.name == "Report-v1.2-(2020).pdf"


def test_empty_file_is_refused():
    error = refused("leaflet.pdf", b"", Purpose.MATERIAL)
    assert error.code == "empty"
    assert error.messages == ["“leaflet.pdf” is empty."]


def test_over_size_file_is_refused_with_the_limit(settings):
    settings.PROTECT_UPLOAD_MAX_BYTES = 1000
    error = refused("leaflet.pdf", pdf_bytes(pages=5) + b" " * 1000, Purpose.MATERIAL)
    assert error.code == "too_large"
    assert "may be at most 1000" in error.messages[0]


def test_size_limit_is_overridable_per_purpose(settings):
    settings.PROTECT_UPLOAD_MAX_BYTES = 10
    settings.PROTECT_UPLOAD_MAX_BYTES_BY_PURPOSE = {"video": 10_000}
    assert validate_upload(upload("clip.mp4", MP4), Purpose.VIDEO).content_type == "video/mp4"
    assert refused("leaflet.pdf", pdf_bytes(), Purpose.MATERIAL).code == "too_large"


@pytest.mark.parametrize(
    ("name", "purpose"),
    [
        ("leaflet.docx", Purpose.MATERIAL),
        ("photo.png", Purpose.MATERIAL),
        ("leaflet.pdf", Purpose.IMAGE),
        ("logo.svg", Purpose.IMAGE),
        ("clip.mov", Purpose.VIDEO),
        ("subs.txt", Purpose.SUBTITLE),
        ("noextension", Purpose.MATERIAL),
    ],
)
def test_extensions_outside_the_purpose_are_refused(name, purpose):
    error = refused(name, b"whatever", purpose)
    assert error.code == "extension"
    assert "allowed file types are" in error.messages[0]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.png", image_bytes("PNG"), "image/png"),
        ("a.jpg", image_bytes("JPEG"), "image/jpeg"),
        ("a.jpeg", image_bytes("JPEG"), "image/jpeg"),
        ("a.gif", image_bytes("GIF"), "image/gif"),
        ("a.webp", image_bytes("WEBP"), "image/webp"),
    ],
)
def test_raster_images_are_accepted(name, data, expected):
    assert validate_upload(upload(name, data), Purpose.IMAGE).content_type == expected


def test_image_with_the_wrong_extension_is_refused():
    error = refused("photo.png", image_bytes("JPEG"), Purpose.IMAGE)
    assert "image/jpeg" in error.messages[0]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [("clip.mp4", MP4, "video/mp4"), ("clip.webm", WEBM, "video/webm")],
)
def test_videos_are_sniffed(name, data, expected):
    assert validate_upload(upload(name, data), Purpose.VIDEO).content_type == expected


def test_video_that_is_a_pdf_is_refused():
    assert refused("clip.mp4", pdf_bytes(), Purpose.VIDEO).code == "content_mismatch"


def test_subtitles_are_sniffed_as_text_formats():
    assert validate_upload(upload("ar.vtt", VTT), Purpose.SUBTITLE).content_type == "text/vtt"
    srt = validate_upload(upload("en.srt", SRT), Purpose.SUBTITLE)
    assert srt.content_type == "application/x-subrip"


def test_legacy_encoded_srt_is_accepted():
    data = "1\n00:00:01,000 --> 00:00:02,000\nمساعدة متاحة\n".encode("cp1256")
    assert validate_upload(upload("ar.srt", data), Purpose.SUBTITLE).size == len(data)


@pytest.mark.parametrize(
    ("name", "data", "hint"),
    [
        ("ar.vtt", SRT, "WEBVTT"),
        ("en.srt", b"just some words", "timing line"),
        ("en.vtt", HTML, "HTML document"),
        ("en.srt", pdf_bytes(), "application/pdf"),
    ],
)
def test_bad_subtitles_are_refused(name, data, hint):
    assert hint in refused(name, data, Purpose.SUBTITLE).messages[0]


def test_document_purpose_takes_pdf_and_subtitles_only():
    assert validate_upload(upload("a.pdf", pdf_bytes()), Purpose.DOCUMENT).page_count == 1
    assert validate_upload(upload("a.vtt", VTT), Purpose.DOCUMENT).content_type == "text/vtt"
    assert refused("a.png", image_bytes(), Purpose.DOCUMENT).code == "extension"


def test_pdf_with_javascript_is_refused():
    error = refused("leaflet.pdf", pdf_with_javascript(), Purpose.MATERIAL)
    assert error.code == "pdf_active_content"


def test_password_protected_pdf_is_refused():
    assert refused("leaflet.pdf", encrypted_pdf(), Purpose.MATERIAL).code == "pdf_encrypted"


def test_truncated_pdf_is_refused_as_damaged():
    error = refused("leaflet.pdf", b"%PDF-1.7\n1 0 obj\n<<", Purpose.MATERIAL)
    assert error.code in {"pdf_damaged", "pdf_empty"}


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\system32\\a.pdf", "a.pdf"),
        ("/var/www/leaflet.PDF", "leaflet.pdf"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("re\u2066port\u2069.pdf", "report.pdf"),
        ("nul\x00byte.pdf", "nulbyte.pdf"),
        ("line\nbreak.pdf", "linebreak.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("lpt1.tar.pdf", "_lpt1.tar.pdf"),
        ("..pdf", "file.pdf"),
        ("   .pdf", "file.pdf"),
        ("a<b>c:d|e?f*.pdf", "a-b-c-d-e-f.pdf"),
        ("راهنمای\u200cکودکان.pdf", "راهنمای\u200cکودکان.pdf"),
        ("x" * 300 + ".pdf", "x" * 100 + ".pdf"),
    ],
)
def test_file_names_are_sanitised(raw, clean):
    assert sanitize_filename(raw) == clean


def test_bidi_trick_cannot_smuggle_an_executable():
    # "leaflet<RLO>fdp.exe" displays as "leafletexe.pdf" but is an .exe.
    error = refused("leaflet\u202efdp.exe", pdf_bytes(), Purpose.MATERIAL)
    assert error.code == "extension"
