"""Who may translate, review and publish each locale, and how each locale is pre-translated."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models


class LocaleTeam(models.Model):
    """Translators of one locale. Membership limits a user to the locales of their teams."""

    name = models.CharField(max_length=100, unique=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="locale_teams"
    )
    # Reviewers approve the team's work (and are in the team); ``can_review`` makes every
    # member a reviewer instead.
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="reviewed_locale_teams",
        help_text="Members who may approve or request changes (besides the whole team when "
        "“members may review” is ticked).",
    )
    can_review = models.BooleanField(
        "members may review",
        default=False,
        help_text="Every member may approve or request changes to translations.",
    )
    can_publish = models.BooleanField(
        "may publish", default=False, help_text="Members may publish approved translations."
    )
    # The Wagtail group that carries the team's page and snippet permissions (kept in sync).
    group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["locale__language_code", "name"]

    def __str__(self):
        return self.name


class LocalePolicy(models.Model):
    """Per-locale choices: the machine translator used and whether review must be independent."""

    locale = models.OneToOneField(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="translation_policy"
    )
    machine_translator = models.CharField(
        max_length=50,
        blank=True,
        help_text="Key of a backend in PROTECT_MACHINE_TRANSLATORS; blank uses the default.",
    )
    require_independent_review = models.BooleanField(
        default=True, help_text="The reviewer who approves must not be the last translator."
    )

    class Meta:
        verbose_name_plural = "locale policies"

    def __str__(self):
        return f"Policy for {self.locale}"
