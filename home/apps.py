from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared building blocks"

    def ready(self):
        from . import signal_handlers  # noqa: F401
