"""Tags for our override of wagtail-localize's editor page (``edit_translation.html``)."""

from django import template

from .. import editor_props

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_props(context) -> str:
    """wagtail-localize's props JSON with the queue's labels (see ``editor_props``)."""
    return editor_props.adjust(
        context["props"], context["translation"], context["instance"], context["request"].user
    )
