from django.apps import AppConfig


class TranslationMemoryConfig(AppConfig):
    name = "cms.translation.memory"
    label = "translation_memory"
    verbose_name = "Translation memory and glossary"
    default_auto_field = "django.db.models.BigAutoField"
