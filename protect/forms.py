"""Admin forms of the video pages."""

from django import forms

from cms import languages
from cms.subtitles.limits import MAX_FILE_BYTES
from cms.uploads import policy as upload_policy
from cms.uploads.names import extension_of


class SubtitleUploadForm(forms.Form):
    language = forms.ChoiceField(
        choices=[],
        help_text="The video's own language replaces its cues; any other language fills that "
        "language's translation (cue count and timings must match).",
    )
    file = forms.FileField(
        help_text=f"A WebVTT (.vtt) or SubRip (.srt) file, up to {MAX_FILE_BYTES // 1_000_000} MB."
    )
    publish = forms.BooleanField(
        required=False,
        label="Publish now (the video's own language)",
        help_text="Otherwise the new cues wait as a draft. Other languages are never published "
        "from here: they are saved as drafts and go through review in the translation queue.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (lang.code, f"{lang.name} ({lang.native_name})") for lang in languages.all_languages()
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        allowed = upload_policy.allowed_extensions(upload_policy.Purpose.SUBTITLE)
        if extension_of(upload.name) not in allowed:
            raise forms.ValidationError(
                f"“{upload.name}” is not a subtitle file: upload a .vtt or .srt file."
            )
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1e6:.1f} MB; the limit is "
                f"{MAX_FILE_BYTES / 1e6:.0f} MB."
            )
        return upload
