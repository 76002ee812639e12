import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from . import permissions
from .models import TaskState, TranslationTask


def _locales(request):
    locales = Locale.objects.order_by("language_code")
    if permissions.is_translator(request.user):
        locales = locales.filter(pk__in=permissions.locale_ids(request.user))
    return locales


def _assignees(request):
    users = get_user_model().objects.filter(translation_tasks__isnull=False)
    if permissions.is_translator(request.user):
        # Translators only see the people of their own locales.
        users = users.filter(translation_tasks__target_locale__in=_locales(request))
    return users.distinct()


def _content_types(request):
    return ContentType.objects.filter(
        pk__in=TranslationTask.objects.values("content_type_id").distinct()
    )


ATTENTION = [TaskState.STALE, TaskState.CHANGES_REQUESTED]
VIEWS = [
    ("me", "My tasks (me or my teams)"),
    ("review", "Waiting for my review"),
    ("attention", "Needs attention (stale, overdue, changes requested)"),
    ("unassigned", "Unassigned"),
]


def default_view(user) -> str:
    """What the queue shows first: reviewers their reviews, translators their tasks, editors
    what needs attention (never all tasks)."""
    if permissions.locale_ids(user, review=True):
        return "review"
    if permissions.is_translator(user):
        return "me"
    return "attention"


def _late():
    return Q(due_date__lt=timezone.localdate()) & ~Q(
        state__in=[TaskState.APPROVED, TaskState.PUBLISHED]
    )


class TaskFilterSet(WagtailFilterSet):
    q = django_filters.CharFilter(label="Search", method="filter_q")
    mine = django_filters.ChoiceFilter(
        label="Tasks", empty_label="All tasks", choices=VIEWS, method="filter_mine"
    )
    target_locale = django_filters.ModelChoiceFilter(label="Locale", queryset=_locales)
    state = django_filters.MultipleChoiceFilter(choices=TaskState.choices)
    assignee = django_filters.ModelChoiceFilter(queryset=_assignees)
    content_type = django_filters.ModelChoiceFilter(label="Type", queryset=_content_types)
    overdue = django_filters.BooleanFilter(label="Overdue", method="filter_overdue")
    stale = django_filters.BooleanFilter(label="Stale", method="filter_stale")

    class Meta:
        model = TranslationTask
        fields = []

    def filter_q(self, queryset, name, value):
        words = value.split()[:8]
        for word in words:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(target_locale__language_code__iexact=word)
            )
        return queryset

    def filter_mine(self, queryset, name, value):
        user = self.request.user
        if value == "unassigned":
            return queryset.filter(assignee__isnull=True, assignee_team__isnull=True)
        if value == "review":
            waiting = queryset.filter(state=TaskState.NEEDS_REVIEW)
            if not user.is_superuser:
                waiting = waiting.filter(
                    target_locale_id__in=permissions.locale_ids(user, review=True)
                )
            return waiting
        if value == "attention":
            return queryset.filter(Q(state__in=ATTENTION) | _late())
        teams = [team.pk for team in permissions.teams(user)]
        return queryset.filter(
            Q(assignee=user) | Q(assignee_team_id__in=teams, assignee__isnull=True)
        )

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(_late()) if value else queryset.exclude(_late())

    def filter_stale(self, queryset, name, value):
        return (
            queryset.filter(state=TaskState.STALE)
            if value
            else queryset.exclude(state=TaskState.STALE)
        )
