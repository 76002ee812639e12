"""What translators may *read* in the admin beyond their queue: pages of their teams' locales and
public pages — never another locale's drafts (issue 11.3).

Wagtail's explorer, admin search and most reports already follow page permissions, which teams
hold on their locale's top page only. Three places do not: the page chooser lists every page of
every locale, snippet listings and choosers list every locale's drafts (materials, services), and
the page types report names each type's last edited page, whatever its locale.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.snippets.views import chooser as snippet_chooser

from cms.visibility import public_pages

from . import permissions

PAGE_TYPES_MENU_ITEM = "page-types-usage"


def chooser_pages(pages, user):
    """``pages`` as a translator may choose them: their locales' pages and public ones."""
    if not permissions.is_translator(user):
        return pages
    mine = Q(locale_id__in=permissions.locale_ids(user))
    return pages.filter(mine | Q(pk__in=public_pages().values("pk")))


def translatable_objects(queryset, user):
    """Snippets as a translator may list or choose them: their locales' and live ones."""
    if not permissions.is_translator(user):
        return queryset
    mine = Q(locale_id__in=permissions.locale_ids(user))
    if any(field.name == "live" for field in queryset.model._meta.fields):
        return queryset.filter(mine | Q(live=True))
    return queryset  # no drafts to hide


class _ScopedChooseView(snippet_chooser.ChooseView):
    def get_object_list(self):
        return translatable_objects(super().get_object_list(), self.request.user)


class _ScopedChooseResultsView(snippet_chooser.ChooseResultsView):
    def get_object_list(self):
        return translatable_objects(super().get_object_list(), self.request.user)


class ScopedSnippetChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = _ScopedChooseView
    choose_results_view_class = _ScopedChooseResultsView


class TranslatorScopedSnippets:
    """Mixin for a SnippetViewSet of translatable snippets: listing and chooser scoped as above."""

    chooser_viewset_class = ScopedSnippetChooserViewSet

    def get_queryset(self, request):
        return translatable_objects(self.model._default_manager.all(), request.user)


def _not_for_translators(view):
    @require_admin_access  # as under the admin's own URLs: anonymous visitors go to log in
    def guarded(request, *args, **kwargs):
        if permissions.is_translator(request.user):
            raise PermissionDenied("This report covers every locale's pages.")
        return view(request, *args, **kwargs)

    return guarded


# Mounted by cms/urls.py ahead of the admin's own reports (hook URLs come after Wagtail's).
report_overrides = [
    path(
        "page-types-usage/",
        _not_for_translators(PageTypesUsageReportView.as_view()),
        name="page_types_usage",
    ),
    path(
        "page-types-usage/results/",
        _not_for_translators(PageTypesUsageReportView.as_view(results_only=True)),
        name="page_types_usage_results",
    ),
]
