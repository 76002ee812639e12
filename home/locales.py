"""Keep Wagtail's Locale rows in step with the language table."""

from wagtail.models import Locale

from cms import languages


def sync_locales() -> list[Locale]:
    """Create a Locale for each configured language that has none; return the new ones.

    Locales of languages removed from the table are left alone: they may still own pages.
    """
    existing = set(Locale.objects.values_list("language_code", flat=True))
    return [
        Locale.objects.create(language_code=code)
        for code in languages.codes()
        if code not in existing
    ]
