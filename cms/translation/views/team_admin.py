"""Settings → Locale teams: who translates, reviews and publishes each locale, and the locale's
policy (independent review, machine translator), permission-checked like any Wagtail model."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import LocalePolicy, LocaleTeam


def _engines():
    return [("", "Default")] + [(key, key) for key in settings.PROTECT_MACHINE_TRANSLATORS]


class LocaleTeamForm(WagtailAdminModelForm):
    """The team, plus its locale's policy (one per locale, shared by the locale's teams)."""

    require_independent_review = forms.BooleanField(
        required=False,
        initial=True,
        label="Independent review",
        help_text="For this locale, the reviewer who approves must not be the last translator.",
    )
    machine_translator = forms.ChoiceField(
        required=False, label="Machine-translation engine", choices=_engines
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = get_user_model().objects.filter(is_active=True).order_by("username")
        for name in ("members", "reviewers"):
            self.fields[name].queryset = people
        policy = self._policy()
        if policy is not None:
            self.initial["require_independent_review"] = policy.require_independent_review
            self.initial["machine_translator"] = policy.machine_translator

    def _policy(self):
        locale_id = self.instance.locale_id
        return LocalePolicy.objects.filter(locale_id=locale_id).first() if locale_id else None

    def save(self, commit=True):
        team = super().save(commit=commit)
        if commit:
            LocalePolicy.objects.update_or_create(
                locale_id=team.locale_id,
                defaults={
                    "require_independent_review": self.cleaned_data["require_independent_review"],
                    "machine_translator": self.cleaned_data["machine_translator"],
                },
            )
        return team


class LocaleTeamViewSet(ModelViewSet):
    model = LocaleTeam
    icon = "group"
    menu_label = "Locale teams"
    add_to_settings_menu = True
    list_display = [
        "name",
        "locale",
        Column("members", label="Members", accessor=lambda t: t.members.count()),
        Column("reviewers", label="Reviewers", accessor=lambda t: _reviewers(t)),
        "can_publish",
    ]
    list_filter = ["locale", "can_publish"]
    search_fields = ["name"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("locale"),
            FieldPanel("members", widget=forms.CheckboxSelectMultiple),
            FieldPanel("reviewers", widget=forms.CheckboxSelectMultiple),
            FieldRowPanel([FieldPanel("can_review"), FieldPanel("can_publish")]),
            MultiFieldPanel(
                [FieldPanel("require_independent_review"), FieldPanel("machine_translator")],
                heading="Locale policy",
            ),
        ],
        base_form_class=LocaleTeamForm,
    )

    def get_queryset(self, request):
        return LocaleTeam.objects.select_related("locale")


def _reviewers(team) -> str:
    return "all members" if team.can_review else str(team.reviewers.count())


team_viewset = LocaleTeamViewSet("locale_teams")
