"""StreamField blocks shared by every page type."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Level 2"), ("h3", "Level 3")], default="h2", required=True
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    """An image whose alt text is required: screen-reader users must get the same message."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=80, help_text="What the button says.")
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError("Choose a page or give a URL.")}
            )
        return value

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"


RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
