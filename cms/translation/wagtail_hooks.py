from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from cms import languages

from . import guards, offered, permissions, read_scope, rules, urls
from .views import editor, team_admin


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
        path("page/<int:page_id>/convert_to_alias/", guards.convert_to_alias),
        path("submit/page/<int:page_id>/", guards.submit_page),
        path("submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/", guards.submit_snippet),
        path("update/<int:translation_source_id>/", guards.update),
    ]
    return [
        path("translations/", include(urls, namespace="translation_queue")),
        path("localize/", include(guarded)),
    ]


# Translators read their locales and public pages only (read_scope.py).
@hooks.register("construct_page_chooser_queryset")
def fence_page_chooser(pages, request):
    return read_scope.chooser_pages(pages, request.user)


@hooks.register("construct_reports_menu")
def hide_page_types_report(request, menu_items):
    if permissions.is_translator(request.user):
        menu_items[:] = [i for i in menu_items if i.name != read_scope.PAGE_TYPES_MENU_ITEM]


@hooks.register("before_edit_page", order=-1)
def guard_page_edit(request, page):
    return guards.check_instance(request, page)


@hooks.register("before_edit_snippet", order=-1)
def guard_snippet_edit(request, instance):
    return guards.check_instance(request, instance)


# The one rule (rules.py) for every change of public state, wherever Wagtail offers it.
@hooks.register("before_publish_page", order=-1)
def guard_page_publish(request, page):
    rules.check(request.user, page, rules.PUBLISH)


@hooks.register("before_publish", order=-1)  # snippets (and other draft-state models)
def guard_snippet_publish(request, instance):
    rules.check(request.user, instance, rules.PUBLISH)


@hooks.register("before_unpublish_page", order=-1)
def guard_page_unpublish(request, page):
    rules.check(request.user, page, rules.UNPUBLISH)


@hooks.register("before_unpublish", order=-1)
def guard_snippet_unpublish(request, instance):
    rules.check(request.user, instance, rules.UNPUBLISH)


@hooks.register("before_delete_page", order=-1)
def guard_page_delete(request, page):
    if request.method == "POST":
        rules.check(request.user, page, rules.DELETE)
    guards.check_instance(request, page)


@hooks.register("before_move_page", order=-1)
def guard_page_move(request, page, destination):
    rules.check(request.user, page, rules.MOVE)
    rules.check(request.user, destination, rules.MOVE)


@hooks.register("before_copy_page", order=-1)
def guard_page_copy(request, page):
    rules.check(request.user, page, rules.COPY)


@hooks.register("before_convert_alias_page", order=-1)
def guard_alias_convert(request, page):
    rules.check(request.user, page, rules.CONVERT_ALIAS)


BULK_ACTIONS = {
    "publish": rules.PUBLISH,
    "unpublish": rules.UNPUBLISH,
    "delete": rules.DELETE,
    "move": rules.MOVE,
    "copy": rules.COPY,
}


@hooks.register("before_bulk_action", order=-1)
def guard_bulk_action(request, action_type, objects, view):
    if action_type in BULK_ACTIONS:
        rules.check_all(request.user, objects, BULK_ACTIONS[action_type])


@hooks.register("before_create_page", order=-1)
def guard_page_create(request, parent_page, page_class):
    guards.check_instance(request, parent_page)


@hooks.register("before_delete_snippet", order=-1)
def guard_snippet_delete(request, instances):
    for instance in instances:
        guards.check_instance(request, instance)
        if request.method == "POST":
            rules.check(request.user, instance, rules.DELETE)


@hooks.register("before_create_snippet", order=-1)
def guard_snippet_create(request, model):
    code = request.GET.get("locale")
    if code and permissions.is_translator(request.user):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or not permissions.can_touch_locale(request.user, locale.pk):
            raise PermissionDenied("You may only create content in your teams' locales.")


# Not offered what the rule refuses (offered.py): listings' buttons and action menus.
@hooks.register("construct_page_listing_buttons")
def hide_refused_page_buttons(buttons, page, user, context=None):
    offered.filter_page_buttons(buttons, page, user)


@hooks.register("construct_snippet_listing_buttons")
def hide_refused_snippet_buttons(buttons, snippet, user):
    offered.filter_snippet_buttons(buttons, snippet, user)


@hooks.register("construct_page_action_menu")
def hide_refused_page_menu_items(menu_items, request, context):
    offered.filter_menu_items(menu_items, request, context.get("page"))


@hooks.register("construct_snippet_action_menu")
def hide_refused_snippet_menu_items(menu_items, request, context):
    offered.filter_menu_items(menu_items, request, context.get("instance"))


@hooks.register("register_admin_viewset")
def register_team_viewset():
    return team_admin.team_viewset


@hooks.register("construct_admin_api")
def guard_admin_api(router):
    router.register_endpoint("pages", guards.GuardedPagesAPIViewSet)


@hooks.register("insert_editor_js")
def translation_editor_direction():
    # Read by editor-direction.js in wagtail-localize's editor (it does nothing elsewhere).
    rtl = " ".join(language.code for language in languages.all_languages() if language.is_rtl)
    return format_html(
        '<script src="{}" data-rtl="{}"></script>',
        static("translation/editor-direction.js"),
        rtl,
    )


@hooks.register("insert_editor_js")
def translation_editor_actions():
    # Hides the editor's "Stop synced translation" when its props carry no URL (offered.py).
    return format_html('<script src="{}"></script>', static("translation/editor-actions.js"))
