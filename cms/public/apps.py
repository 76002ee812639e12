from django.apps import AppConfig


class PublicSiteConfig(AppConfig):
    name = "cms.public"
    label = "public_site"
    verbose_name = "Public site"
