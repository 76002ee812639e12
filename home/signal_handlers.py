from django.db.models.signals import post_migrate
from django.dispatch import receiver

from cms.addresses import ensure_default_site

from .locales import sync_locales


@receiver(post_migrate)
def create_configured_locales(sender, app_config=None, using="default", **kwargs):
    # Run once, after wagtailcore's migrations created the Locale table and the default locale.
    if app_config is not None and app_config.label == "home":
        sync_locales()
        ensure_default_site()  # the Site follows PUBLIC_BASE_URL (Wagtail made it "localhost")
