from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from . import guards, permissions, urls
from .views import editor


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_use_queue(request.user)


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(
        "Translations",
        reverse("translation_queue:index"),
        icon_name="wagtail-localize-language",
        order=250,
    )


# order=-1: these URLs must be matched before wagtail-localize's own (same paths).
@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    guarded = [
        path(
            "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            editor.string_edit,
        ),
        path(
            "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            guards.override_edit,
        ),
        path("translate/<int:translation_id>/pofile/download/", guards.pofile_download),
        path("translate/<int:translation_id>/pofile/upload/", editor.pofile_upload),
        path("translate/<int:translation_id>/machine_translate/", editor.machine_translate),
        path("translate/<int:translation_id>/preview/", guards.preview),
        path("translate/<int:translation_id>/preview/<str:mode>/", guards.preview),
        path("translate/<int:translation_id>/disable/", guards.stop),
        path("submit/page/<int:page_id>/", guards.submit_page),
        path("submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/", guards.submit_snippet),
        path("update/<int:translation_source_id>/", guards.update),
    ]
    return [
        path("translations/", include(urls, namespace="translation_queue")),
        path("localize/", include(guarded)),
    ]


@hooks.register("before_edit_page", order=-1)
def guard_page_edit(request, page):
    guards.check_instance(request, page)


@hooks.register("before_edit_snippet", order=-1)
def guard_snippet_edit(request, instance):
    guards.check_instance(request, instance)


@hooks.register("before_delete_page", order=-1)
def guard_page_delete(request, page):
    guards.check_instance(request, page)


@hooks.register("before_create_page", order=-1)
def guard_page_create(request, parent_page, page_class):
    guards.check_instance(request, parent_page)


@hooks.register("before_delete_snippet", order=-1)
def guard_snippet_delete(request, instances):
    for instance in instances:
        guards.check_instance(request, instance)


@hooks.register("before_create_snippet", order=-1)
def guard_snippet_create(request, model):
    code = request.GET.get("locale")
    if code and permissions.is_translator(request.user):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or not permissions.can_touch_locale(request.user, locale.pk):
            raise PermissionDenied("You may only create content in your teams' locales.")
