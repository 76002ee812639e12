"""Who may do what to which locale.

Members of a locale team are *translators*: they are limited to their teams' locales everywhere
(queue, bulk actions, exchange files, wagtail-localize's editor, page and snippet views).
Users in no team keep their ordinary Wagtail permissions; to use the queue they need
wagtail-localize's "submit translation" permission (coordinators) or to be superusers.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q

from .models import LocaleTeam, TranslationTask

_CACHE = "_translation_teams"


def teams(user) -> list[LocaleTeam]:
    if not user.is_authenticated:
        return []
    if not hasattr(user, _CACHE):
        reviews = LocaleTeam.reviewers.through.objects.filter(
            localeteam_id=OuterRef("pk"), user_id=user.pk
        )
        found = (
            LocaleTeam.objects.filter(Q(members=user) | Q(reviewers=user))
            .distinct()
            .annotate(user_reviews=Exists(reviews))
        )
        setattr(user, _CACHE, list(found))
    return getattr(user, _CACHE)


def is_translator(user) -> bool:
    return not user.is_superuser and bool(teams(user))


def is_coordinator(user) -> bool:
    return user.is_superuser or (
        not teams(user) and user.has_perm("wagtail_localize.submit_translation")
    )


def can_use_queue(user) -> bool:
    return user.is_active and (is_coordinator(user) or bool(teams(user)))


def locale_ids(user, *, review=False, publish=False) -> set[int]:
    return {
        team.locale_id
        for team in teams(user)
        if (not review or team.can_review or team.user_reviews)
        and (not publish or team.can_publish)
    }


def can_translate(user, locale_id) -> bool:
    """May edit translations into this locale (coordinators: any; translators: their own)."""
    if user.is_superuser:
        return True
    if teams(user):
        return locale_id in locale_ids(user)
    return user.has_perm("wagtail_localize.submit_translation")


def can_touch_locale(user, locale_id) -> bool:
    """May open content of this locale at all (translators are fenced into their locales)."""
    return not is_translator(user) or locale_id in locale_ids(user)


def can_review(user, locale_id) -> bool:
    return user.is_superuser or locale_id in locale_ids(user, review=True)


def can_publish(user, locale_id) -> bool:
    return user.is_superuser or locale_id in locale_ids(user, publish=True)


def visible_tasks(user, queryset=None):
    queryset = TranslationTask.objects.all() if queryset is None else queryset
    if is_coordinator(user):
        return queryset
    if teams(user):
        return queryset.filter(target_locale_id__in=locale_ids(user))
    return queryset.none()


def check_tasks(user, tasks) -> None:
    """Refuse if any of ``tasks`` lies outside what ``user`` may translate."""
    for task in tasks:
        if not can_translate(user, task.target_locale_id):
            raise PermissionDenied(f"You cannot work on {task.target_locale} translations.")


def team_members(locale_id, *, review=False):
    """Active members of the locale's teams (``review``: only those who may review)."""
    members = Q(locale_teams__locale_id=locale_id)
    if review:
        members = Q(locale_teams__locale_id=locale_id, locale_teams__can_review=True) | Q(
            reviewed_locale_teams__locale_id=locale_id
        )
    else:
        members |= Q(reviewed_locale_teams__locale_id=locale_id)
    return get_user_model().objects.filter(members, is_active=True).distinct()
