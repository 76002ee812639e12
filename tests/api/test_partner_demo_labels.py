"""/partner-demo/ carries every label in all 23 languages from the UI catalogs (locale/)."""

import json
import re

import pytest

from cms import languages
from cms.api.views import LABELS

pytestmark = pytest.mark.django_db


def _catalog(client):
    html = client.get("/partner-demo/").content.decode()
    (raw,) = re.findall(r'<script type="application/json" id="labels">(.*?)</script>', html, re.S)
    return html, json.loads(raw)


def test_every_language_has_every_label_translated(client):
    html, catalog = _catalog(client)
    assert set(catalog) == set(languages.codes())
    english = catalog["en"]
    for code, labels in catalog.items():
        assert set(labels) == set(LABELS), code
        if code != "en":
            same = [key for key, text in labels.items() if text == english[key]]
            # Spelled as in English in some languages (Dutch "Video", "Professionals"); the
            # catalogs' completeness is tests/home/test_catalogs.py.
            assert set(same) <= {"video", "professionals"}, (code, same)
    assert catalog["fa"]["materials"] == "مطالب" and catalog["ar"]["all"] == "الكل"
    assert catalog["ti"]["services"] == "ኣገልግሎታት ደገፍ"


def test_page_is_self_contained_and_safe(client):
    html, _ = _catalog(client)
    assert "<main>" in html and "data-quick-exit" in html
    assert '<meta name="referrer" content="no-referrer">' in html
    assert not re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', html)
