from django import forms
from django.contrib.auth import get_user_model

from ..models import LocaleTeam

ACTIONS = [
    ("assign", "Assign"),
    ("due_date", "Set due date"),
    ("machine_translate", "Machine-translate"),
    ("request_review", "Request review"),
    ("export_xliff", "Export XLIFF 2 + PO"),
]


class BulkForm(forms.Form):
    action = forms.ChoiceField(choices=ACTIONS)
    task = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    user = forms.ModelChoiceField(queryset=get_user_model().objects.none(), required=False)
    team = forms.ModelChoiceField(queryset=LocaleTeam.objects.all(), required=False)
    due_date = forms.DateField(required=False)

    def __init__(self, *args, tasks, users, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["task"].choices = [(t.pk, str(t.pk)) for t in tasks]
        self.fields["task"].error_messages["invalid_choice"] = (
            "Task %(value)s does not exist or is not yours to work on."
        )
        self.fields["user"].queryset = users
        self.fields["team"].queryset = teams

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == "assign" and not (data.get("user") or data.get("team")):
            raise forms.ValidationError("Choose a user or a team to assign the tasks to.")
        if action == "due_date" and not data.get("due_date"):
            raise forms.ValidationError("Choose a due date.")
        return data


class ReviewForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("request_review", "Request review"),
            ("approve", "Approve"),
            ("request_changes", "Request changes"),
            ("publish", "Publish"),
            ("approve_publish", "Approve and publish"),
            ("claim", "Claim"),
            ("release", "Release"),
            ("machine_translate", "Machine-translate"),
        ]
    )
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
