"""The queue: one row per task, as a Wagtail report (filters, CSV/XLSX export) with bulk actions."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from .. import permissions, selectors
from ..filters import TaskFilterSet, default_view
from .columns import ProgressColumn, SelectColumn, StateColumn


def _leverage(task) -> str:
    leverage = getattr(task, "leverage", None)  # computed on the worker after submission
    if leverage is None:
        return "—"
    return f"{leverage.new_words} / {leverage.fuzzy_words} / {leverage.exact_words}"


class QueueView(ReportView):
    page_title = "Translation queue"
    header_icon = "wagtail-localize-language"
    template_name = "translation/queue.html"
    index_url_name = "translation_queue:index"
    index_results_url_name = "translation_queue:index_results"
    filterset_class = TaskFilterSet
    paginate_by = 60
    export_filename = "translation-queue"
    list_export = [
        "title",
        "content_type.name",
        "source_locale.language_code",
        "target_locale.language_code",
        "state",
        "progress_percent",
        "segments_remaining",
        "words_remaining",
        "stale_segments",
        "assignee",
        "assignee_team",
        "due_date",
        "priority",
        "last_activity_at",
    ]
    export_headings = {
        "content_type.name": "Type",
        "source_locale.language_code": "Source",
        "target_locale.language_code": "Target",
        "progress_percent": "Progress %",
        "stale_segments": "Changed segments",
    }

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_use_queue(request.user):
            raise PermissionDenied(
                "You are not in a locale team and cannot coordinate translations."
            )
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.queryset = selectors.queue(self.request.user).select_related("leverage")
        return super().get_queryset()

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        # Each role starts on its own view (filters.default_view); "All tasks" shows everything.
        if "mine" not in self.request.GET:
            data = self.request.GET.copy()
            data["mine"] = default_view(self.request.user)
            kwargs["data"] = data
        return kwargs

    @cached_property
    def columns(self):
        return [
            SelectColumn("select", label=""),
            TitleColumn(
                "title",
                label="Title",
                url_name="translation_queue:task",
                sort_key="title",
            ),
            Column("type", label="Type", accessor="content_type.name"),
            Column(
                "locales",
                label="Locales",
                accessor=lambda t: (
                    f"{t.source_locale.language_code} → {t.target_locale.language_code}"
                ),
            ),
            StateColumn("state", label="State", sort_key="state"),
            ProgressColumn("progress", label="Progress"),
            Column("words_remaining", label="Words left", sort_key="words_remaining"),
            Column("leverage", label="New / fuzzy / exact words", accessor=_leverage),
            Column("assignee", label="Assignee", accessor=_assignee),
            DateColumn("due_date", label="Due", sort_key="due_date"),
            DateColumn("last_activity_at", label="Last activity", sort_key="last_activity_at"),
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        users, teams = selectors.assignable(self.request.user)
        context.update(
            {
                "bulk_url": reverse("translation_queue:bulk"),
                "assignable_users": users,
                "assignable_teams": teams,
                "jobs": selectors.open_jobs(self.request.user),
                "coverage_url": reverse("translation_queue:coverage"),
                "import_url": reverse("translation_queue:import"),
            }
        )
        return context


def _assignee(task):
    names = [str(p) for p in (task.assignee, task.assignee_team) if p is not None]
    return " / ".join(names)
