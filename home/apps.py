from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared building blocks"

    def ready(self):
        # Django: receivers may only be connected once every app's models are loaded.
        from . import signal_handlers  # noqa: F401
