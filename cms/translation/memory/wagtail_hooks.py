from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .. import permissions
from . import urls
from .glossary_admin import glossary_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translation-memory/", include(urls, namespace="translation_memory"))]


@hooks.register("register_admin_viewset")
def register_glossary():
    return glossary_viewset


class MemoryMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_use_queue(request.user)


@hooks.register("register_admin_menu_item")
def register_memory_menu_item():
    return MemoryMenuItem(
        "Translation memory",
        reverse("translation_memory:exchange"),
        icon_name="wagtail-localize-language",
        order=252,
    )
