"""Blocks an editor of awareness content needs, on top of the shared ones in home.blocks."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail import blocks

from cms.subtitles.timing import TimestampError, format_timestamp, parse_timestamp
from home.blocks import BaseStreamBlock


def format_cue_time(ms: int) -> str:
    """mm:ss.mmm, or hh:mm:ss.mmm from an hour on: how editors read and type cue times."""
    text = format_timestamp(ms)
    return text[3:] if text.startswith("00:") else text


class CueTimeField(forms.CharField):
    """A cue time typed as mm:ss.mmm or hh:mm:ss.mmm, cleaned to milliseconds."""

    def __init__(self, *, min_value=0, **kwargs):
        self.min_value = min_value
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, int):
            return value
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            return parse_timestamp(text)[0]
        except TimestampError as error:
            raise ValidationError(
                f"Enter the time as mm:ss.mmm (e.g. 01:02.500) or hh:mm:ss.mmm: {error}.",
                code="invalid",
            ) from error

    def validate(self, value):
        super().validate(value)
        if value is not None and value < self.min_value:
            raise ValidationError(
                f"The time must be {format_cue_time(self.min_value)} or later.", code="min_value"
            )

    def prepare_value(self, value):
        return format_cue_time(value) if isinstance(value, int) else value


class CueTimeBlock(blocks.FieldBlock):
    """A cue's start or end: stored as milliseconds (an int, as the IntegerBlock it replaced),
    shown and typed in the page editor as mm:ss.mmm."""

    def __init__(self, required=True, help_text=None, min_value=0, validators=(), **kwargs):
        self.field = CueTimeField(
            required=required, help_text=help_text, min_value=min_value, validators=validators
        )
        super().__init__(**kwargs)

    def value_for_form(self, value):
        return format_cue_time(value) if isinstance(value, int) else value

    def value_from_form(self, value):
        if isinstance(value, str):
            try:
                return self.field.to_python(value)
            except ValidationError:
                return value  # kept as typed, so clean() reports it beside the field
        return value

    class Meta:
        icon = "time"


class KeyFactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=40, help_text='The number or short fact, e.g. "1 in 3".')
    label = blocks.CharBlock(max_length=200)
    source = blocks.CharBlock(required=False, max_length=200)


class KeyFactsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    facts = blocks.ListBlock(KeyFactBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/key_facts_block.html"


class HelplineBlock(blocks.StructBlock):
    """A helpline people can call. Numbers are safety-critical: they are never translated."""

    name = blocks.CharBlock(max_length=120)
    phone = blocks.RegexBlock(
        regex=r"^\+?[0-9][0-9 ()-]{1,24}$",
        error_messages={"invalid": "Enter a phone number: digits, spaces, brackets, + and -."},
    )
    availability = blocks.CharBlock(required=False, max_length=120, help_text="e.g. 24/7, free")
    description = blocks.TextBlock(required=False, max_length=400)

    class Meta:
        icon = "mail"
        template = "blocks/helpline_block.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "help"
        template = "blocks/faq_block.html"


class AwarenessStreamBlock(BaseStreamBlock):
    key_facts = KeyFactsBlock()
    helpline = HelplineBlock()
    faq = FAQBlock()


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    description = blocks.TextBlock(max_length=1000)

    class Meta:
        icon = "tick"
        template = "blocks/activity_block.html"
