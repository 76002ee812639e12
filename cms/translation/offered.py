"""What the admin *offers* a user follows the one rule (``rules.check``) that refuses the POSTs:
team members are not shown Delete, Unpublish (unless their team publishes), Move, Copy,
Convert to alias or Stop synced translation — in wagtail-localize's editor (its props, see
``editor_props``), in page listings' "More" menus, in page action menus and snippet listings."""

from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from . import permissions, rules


def allowed(user, instance, action) -> bool:
    try:
        rules.check(user, instance, action)
    except PermissionDenied:
        return False
    return True


def adjust_editor_props(data: dict, instance, user) -> None:
    """wagtail-localize's toolbar: no destructive action the rule would refuse."""
    perms, links = data.get("perms", {}), data.get("links", {})
    if perms.get("canDelete") and not allowed(user, instance, rules.DELETE):
        perms["canDelete"] = False
    if perms.get("canUnpublish") and not allowed(user, instance, rules.UNPUBLISH):
        perms["canUnpublish"] = False
    if links.get("convertToAliasUrl") and not allowed(user, instance, rules.CONVERT_ALIAS):
        links["convertToAliasUrl"] = None
    if links.get("stopTranslationUrl") and not allowed(user, instance, rules.DISABLE_SYNC):
        # The editor always draws this button; editor-actions.js hides it without a URL.
        links["stopTranslationUrl"] = None


PAGE_URLS = {
    "wagtailadmin_pages:delete": rules.DELETE,
    "wagtailadmin_pages:unpublish": rules.UNPUBLISH,
    "wagtailadmin_pages:move": rules.MOVE,
    "wagtailadmin_pages:copy": rules.COPY,
    "wagtail_localize:convert_to_alias": rules.CONVERT_ALIAS,
}
SNIPPET_URLS = {"delete": rules.DELETE, "unpublish": rules.UNPUBLISH}


def _refused_urls(user, instance, names) -> set[str]:
    if not permissions.is_translator(user):
        return set()  # the rule refuses these actions only to team members (listings: no queries)
    refused = set()
    for name, action in names.items():
        if allowed(user, instance, action):
            continue
        try:
            refused.add(reverse(name, args=[instance.pk]))
        except NoReverseMatch:
            continue
    return refused


def _keep(buttons, refused) -> list:
    return [b for b in buttons if (getattr(b, "url", "") or "").split("?")[0] not in refused]


def filter_page_buttons(buttons, page, user) -> None:
    """``construct_page_listing_buttons``: also the "More" dropdown's own buttons."""
    refused = _refused_urls(user, page, PAGE_URLS)
    if not refused:
        return
    for button in buttons:
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = _keep(button.dropdown_buttons, refused)
    buttons[:] = [b for b in _keep(buttons, refused) if getattr(b, "show", True)]


def filter_snippet_buttons(buttons, instance, user) -> None:
    viewset = getattr(instance, "snippet_viewset", None)
    if viewset is None:
        return
    names = {viewset.get_url_name(view): action for view, action in SNIPPET_URLS.items()}
    buttons[:] = _keep(buttons, _refused_urls(user, instance, names))


MENU_ITEMS = {
    "action-unpublish": rules.UNPUBLISH,
    "localize-convert-to-alias": rules.CONVERT_ALIAS,
}


def filter_menu_items(menu_items, request, instance) -> None:
    """``construct_page_action_menu`` / ``construct_snippet_action_menu``."""
    if instance is None or instance.pk is None:
        return
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in MENU_ITEMS or allowed(request.user, instance, MENU_ITEMS[item.name])
    ]
