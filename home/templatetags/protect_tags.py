from django import template
from django.utils import translation

from cms import languages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_language(context):
    """The language of what is shown: the page's locale, else the active language.

    Previews in the admin run with the admin's language active, so the page's own locale wins.
    """
    page = context.get("page")
    code = page.locale.language_code if page is not None else translation.get_language()
    return languages.get(code or "") or languages.default()


@register.simple_tag(takes_context=True)
def live_translations(context):
    """Live translations of the current page (itself included), in the language table's order."""
    page = context.get("page")
    if page is None:
        return []
    by_code = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().public().select_related("locale")
    }
    return [
        (lang, by_code[lang.code]) for lang in languages.all_languages() if lang.code in by_code
    ]
