"""Translating pages in tests the way Wagtail's own "copy for translation" does."""


def translate_page(page, locale, publish=True, **fields):
    """A translation made the way Wagtail's copy-for-translation does, optionally published."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    revision = copy.save_revision()
    if publish:
        revision.publish()
    copy.refresh_from_db()
    return copy
