from django.apps import AppConfig


class ProtectConfig(AppConfig):
    name = "protect"
    verbose_name = "PROTECT content"
