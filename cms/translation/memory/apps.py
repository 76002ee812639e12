from django.apps import AppConfig


class TranslationMemoryConfig(AppConfig):
    name = "cms.translation.memory"
    label = "translation_memory"
    verbose_name = "Translation memory and glossary"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Django: receivers may only be connected once every app's models are loaded.
        from . import signal_handlers  # noqa: F401
