"""``{% lang_dir locale %}``: the ``lang`` and ``dir`` attributes of a locale's text, from the
one language table (``cms/languages.py``), so right-to-left translations read correctly."""

from django import template
from django.utils.html import format_html

from cms import languages

register = template.Library()


@register.simple_tag
def lang_dir(locale) -> str:
    code = getattr(locale, "language_code", locale)
    language = languages.get(code)
    return format_html('lang="{}" dir="{}"', code, language.dir if language else "auto")
