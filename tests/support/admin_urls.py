"""Every admin URL pattern (Wagtail's, wagtail-localize's, ours), walked from Django's resolver,
and how each is held. A pattern missing from ``KINDS`` fails tests/translation/test_admin_urls.py:
whoever adds or upgrades a view must say what guards it."""

import re
import uuid

from django.urls import URLResolver, get_resolver
from rest_framework.authentication import SessionAuthentication

READ = "read"  # shows or serves; changes nothing
RULE = "rule"  # changes public state: held by cms/translation/rules.py (hooks, guards)
EDIT = "edit"  # changes content or settings: Wagtail's permissions + the locale fence
QUEUE = "queue"  # the translation queue's own views: permissions.py / services
ACCOUNT = "account"  # the user's own session and account

_READ = """aging_pages aging_pages_results choose choose_parent choose_results chooser chosen
chosen_multiple collect_workflow_action_data confirm_workflow_cancellation detail
document_usage find history history_results image_usage index index_results inspect
javascript_catalog list list_results list_submissions list_submissions_results listing
locked_pages locked_pages_results page_types_usage page_types_usage_results ping preview
preview_on_add preview_on_edit preview_translation revisions_compare revisions_index
revisions_view search search_results select_format select_task_type site_history
site_history_results snippets_api_detail snippets_api_listing task_chooser task_chooser_results
task_chosen task_index task_index_results translations_report translations_report_results
type_use type_use_results url_generator url_generator_output usage usage_results view_draft
wagtailadmin_block_preview wagtailadmin_choose_page wagtailadmin_choose_page_anchor_link
wagtailadmin_choose_page_child wagtailadmin_choose_page_chosen_multiple
wagtailadmin_choose_page_email_link wagtailadmin_choose_page_external_link
wagtailadmin_choose_page_phone_link wagtailadmin_choose_page_search wagtailadmin_error_test
wagtailadmin_explore wagtailadmin_explore_results wagtailadmin_explore_root wagtailadmin_home
wagtailadmin_javascript_catalog wagtailadmin_sprite wagtailadmin_tag_autocomplete
wagtailadmin_tag_model_autocomplete workflow_history workflow_history_detail workflow_preview
workflow_results workflow_tasks workflow_tasks_results protect_subtitles_download coverage job
job_download download_pofile workflow task exchange tmx_export glossary_export"""
_RULE = """action bulk_action convert_alias convert_to_alias copy delete delete_multiple move
move_confirm unpublish wagtail_bulk_action stop_translation revisions_unschedule workflow_action
set_page_position"""
_EDIT = """add add_multiple add_subpage add_task create create_multiple_from_uploaded_document
create_multiple_from_uploaded_image edit edit_multiple edit_task enable enable_task disable
disable_task remove delete_upload_multiple chooser_upload lock unlock set_privacy
revisions_revert delete_submissions start_import process_import task_chooser_create
edit_override edit_string_translation machine_translate upload_pofile submit_page_translation
submit_snippet_translation update_translations webhooks_redeliver protect_subtitles release"""
_QUEUE = "bulk review import notifications tmx_import glossary_import apply"
_ACCOUNT = """wagtailadmin_account wagtailadmin_dismissibles wagtailadmin_login wagtailadmin_logout
wagtailadmin_password_reset wagtailadmin_password_reset_complete
wagtailadmin_password_reset_confirm wagtailadmin_password_reset_done"""

KINDS = {
    **{name: READ for name in _READ.split()},
    **{name: RULE for name in _RULE.split()},
    **{name: EDIT for name in _EDIT.split()},
    **{name: QUEUE for name in _QUEUE.split()},
    **{name: ACCOUNT for name in _ACCOUNT.split()},
}
# Unnamed patterns, by the end of their route: wagtail-localize's guarded copies and catch-alls.
UNNAMED = {
    "^.*/$": READ,
    "test404/": READ,
    "strings/<int:string_segment_id>/edit/": EDIT,
    "overrides/<int:overridable_segment_id>/edit/": EDIT,
    "pofile/download/": READ,
    "pofile/upload/": EDIT,
    "machine_translate/": EDIT,
    "preview/": READ,
    "preview/<str:mode>/": READ,
    "disable/": RULE,
    "convert_to_alias/": RULE,
    "submit/page/<int:page_id>/": EDIT,
    "<slug:model_name>/<str:pk>/": EDIT,
    "update/<int:translation_source_id>/": EDIT,
}
VALUES = {"int": "1", "str": "x", "slug": "x", "path": "x", "uuid": str(uuid.uuid4())}


def _walk(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.name, pattern.callback


def admin_patterns():
    """[(route, name, view)] of every pattern under admin/ that Wagtail, wagtail-localize or
    this project registered."""
    return [row for row in _walk(get_resolver()) if row[0].startswith("admin/")]


def drf_session_view(view) -> bool:
    """A Django REST framework view authenticating by session, which checks CSRF itself (its
    views are exempt from Django's middleware)."""
    cls = getattr(view, "cls", None)
    if cls is None:
        return False
    return any(isinstance(a, SessionAuthentication) for a in cls().get_authenticators())


def kind(route, name) -> str | None:
    if name:
        return KINDS.get(name)
    return next((k for end, k in UNNAMED.items() if route.endswith(end)), None)


def example_path(route) -> str:
    """A concrete URL for ``route`` (ids 1, slugs "x"), for requests that never reach a view."""
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: VALUES.get(m.group(1) or "str", "x"), route)
    return "/" + path.replace("^", "").replace("$", "")
