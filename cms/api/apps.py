from django.apps import AppConfig


class PartnerApiConfig(AppConfig):
    name = "cms.api"
    label = "partner_api"
    verbose_name = "Partner API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Django: receivers may only be connected once every app's models are loaded.
        from . import signal_handlers  # noqa: F401
