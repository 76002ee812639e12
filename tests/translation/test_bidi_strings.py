"""Issue 11.4: a translated string with a bidi override or an unbalanced embedding or isolate
(``cms.bidi``) is refused by the one write path, whichever tool sent it, and blocks QA; RTL text
with marks and balanced isolates is accepted."""

from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import StringSegment, StringTranslation

from cms.translation import links, machine, qa
from cms.translation.exchange.importer import import_upload
from cms.translation.exchange.xliff import ExchangeError
from cms.translation.services import writing

pytestmark = pytest.mark.django_db

RLO_PHONE = "Appelez le \u202e0800 123 456\u202c"
RTL_OK = "\u200fاتصلوا بالرقم \u2066116 006\u2069\u200f \u061c۲۴/۷"


def _segment(task, path="title"):
    return StringSegment.objects.select_related("string", "context").get(
        source_id=task.source_id, context__path=path
    )


def _edit_url(task, segment):
    return f"/admin/localize/translate/{task.translation_id}/strings/{segment.pk}/edit/"


def test_write_strings_refuses_an_override_and_writes_nothing(submitted, users):
    task = submitted["fr"]
    segments = StringSegment.objects.filter(source_id=task.source_id).select_related("context")
    texts = {segment: f"FR {segment.pk}" for segment in segments}
    title = _segment(task)
    texts[next(s for s in texts if s.pk == title.pk)] = RLO_PHONE
    with pytest.raises(writing.RefusedText) as refused:
        writing.write_strings(task.translation, texts, users["translator"], origin="editor")
    [problem] = refused.value.problems
    assert problem.startswith("title: Bidirectional control characters: U+202E RIGHT-TO-LEFT")
    assert not StringTranslation.objects.exists()
    task.refresh_from_db()
    assert task.segments_remaining == task.segments_total


def test_editor_save_is_refused_with_the_message(client, submitted, users):
    task, segment = submitted["fr"], _segment(submitted["fr"])
    client.force_login(users["translator"])
    response = client.put(
        _edit_url(task, segment),
        urlencode({"value": "a\u2067b"}),
        "application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    [message] = response.json()["value"]
    assert message.startswith("title: ") and "U+2067 RIGHT-TO-LEFT ISOLATE" in message
    assert "never closed" in message
    assert not StringTranslation.objects.exists()


def test_rtl_text_with_marks_and_isolates_is_accepted(client, submitted, users):
    task, segment = submitted["fr"], _segment(submitted["fr"])
    client.force_login(users["translator"])
    response = client.put(
        _edit_url(task, segment), urlencode({"value": RTL_OK}), "application/x-www-form-urlencoded"
    )
    assert response.status_code == 201, response.content
    assert StringTranslation.objects.get().data == RTL_OK
    assert not [i for i in qa.check_segment("Call 116 006 24/7", RTL_OK) if i.code == "bidi"]


def test_po_import_is_refused_naming_file_and_segment(client, submitted, users):
    task = submitted["fr"]
    po = task.translation.export_po()
    for entry in po:
        entry.msgstr = RLO_PHONE if entry.msgctxt == "title" else "FR " + entry.msgid
    with pytest.raises(ExchangeError, match=r"fr\.po: title: .*U\+202E RIGHT-TO-LEFT OVERRIDE"):
        import_upload("fr.po", str(po).encode(), users["translator"])
    assert not StringTranslation.objects.exists()
    # Through the editor's PO upload: a message, nothing imported.
    client.force_login(users["translator"])
    response = client.post(
        f"/admin/localize/translate/{task.translation_id}/pofile/upload/?next=/admin/",
        {"file": SimpleUploadedFile("fr.po", str(po).encode())},
    )
    assert response.status_code == 302
    [message] = [str(m) for m in response.wsgi_request._messages]
    assert message.startswith("Nothing was imported: fr.po: title: ")
    assert not StringTranslation.objects.exists()


def test_machine_output_with_an_override_is_refused(submitted, users, monkeypatch):
    def translate(translator, source, target, values, timeout):
        return {value: SimpleNamespace(data=f"\u202e{value}") for value in values}

    monkeypatch.setattr(machine, "translate_within", translate)
    with pytest.raises(machine.MachineTranslationError, match="U\\+202E RIGHT-TO-LEFT OVERRIDE"):
        machine.pretranslate(submitted["fr"], users["translator"])
    assert not StringTranslation.objects.exists()


def test_qa_blocks_unbalanced_controls():
    [issue] = qa.check_segment("Call 112", "Appelez le 112\u202b")
    assert issue.code == "bidi" and issue.level == "blocking"
    assert "U+202B RIGHT-TO-LEFT EMBEDDING" in issue.message


def test_an_override_value_with_an_override_is_refused():
    with pytest.raises(links.UnsafeLinkError, match="U\\+202E"):
        links.check_override('"tel:\\u202e0800123456"')
    links.check_override('"tel:0800123456"')
