"""wagtail-localize's editor page as a test sees it: the props JSON its React app renders."""

import html
import json

from django.urls import reverse


def editor_page(client, target) -> str:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "js-translation-editor" in page  # wagtail-localize's editor, not the page form
    return page


def props_of(page: str) -> dict:
    return json.loads(html.unescape(page.split('data-props="', 1)[1].split('"', 1)[0]))


def editor_props(client, target) -> dict:
    return props_of(editor_page(client, target))
