from django.utils import translation

from cms import languages as language_table


def languages(request):
    """The language table and the active language, for the language picker and <html dir>."""
    current = language_table.get(translation.get_language() or "") or language_table.default()
    return {"content_languages": language_table.all_languages(), "current_language": current}
