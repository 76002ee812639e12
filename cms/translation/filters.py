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


class TaskFilterSet(WagtailFilterSet):
    mine = django_filters.ChoiceFilter(
        label="Tasks",
        empty_label="All tasks",
        choices=[("me", "My tasks (me or my teams)"), ("unassigned", "Unassigned")],
        method="filter_mine",
    )
    target_locale = django_filters.ModelChoiceFilter(label="Locale", queryset=_locales)
    state = django_filters.MultipleChoiceFilter(choices=TaskState.choices)
    assignee = django_filters.ModelChoiceFilter(queryset=_assignees)
    content_type = django_filters.ModelChoiceFilter(label="Type", queryset=_content_types)
    overdue = django_filters.BooleanFilter(method="filter_overdue")
    stale = django_filters.BooleanFilter(method="filter_stale")

    class Meta:
        model = TranslationTask
        fields = []

    def filter_mine(self, queryset, name, value):
        if value == "unassigned":
            return queryset.filter(assignee__isnull=True, assignee_team__isnull=True)
        user = self.request.user
        return queryset.filter(
            Q(assignee=user) | Q(assignee_team__members=user, assignee__isnull=True)
        ).distinct()

    def filter_overdue(self, queryset, name, value):
        late = Q(due_date__lt=timezone.localdate()) & ~Q(
            state__in=[TaskState.APPROVED, TaskState.PUBLISHED]
        )
        return queryset.filter(late) if value else queryset.exclude(late)

    def filter_stale(self, queryset, name, value):
        return (
            queryset.filter(state=TaskState.STALE)
            if value
            else queryset.exclude(state=TaskState.STALE)
        )
