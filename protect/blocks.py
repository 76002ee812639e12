"""Blocks an editor of awareness content needs, on top of the shared ones in home.blocks."""

from wagtail import blocks

from home.blocks import BaseStreamBlock


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
