from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from cms import languages

from .models import EVENTS


class SubscriptionForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        choices=[(event, event.title()) for event in EVENTS], widget=forms.CheckboxSelectMultiple
    )
    locales = forms.MultipleChoiceField(
        choices=[(lang.code, f"{lang.name} ({lang.code})") for lang in languages.all_languages()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave empty for every language.",
    )
