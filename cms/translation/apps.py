from django.apps import AppConfig


class TranslationQueueConfig(AppConfig):
    name = "cms.translation"
    label = "translation_queue"
    verbose_name = "Translation queue"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Django: receivers may only be connected once every app's models are loaded.
        from . import signal_handlers  # noqa: F401
