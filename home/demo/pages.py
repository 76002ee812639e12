"""Creating demo pages through Wagtail's own page services (add_child, revisions, publish)."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.addresses import host_and_port
from home.models import HomePage


def publish_new_child(parent: Page, page: Page, user=None) -> Page:
    """Add ``page`` under ``parent`` unless a sibling with its slug exists; publish it."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


@transaction.atomic
def ensure_home_page(user=None) -> tuple[HomePage, bool]:
    """The English HomePage at the site root, replacing Wagtail's "Welcome" placeholder."""
    default_locale = Locale.get_default()
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    # The placeholder that Wagtail's initial migration creates has the slug "home".
    for placeholder in root.get_children().filter(slug="home", content_type__model="page"):
        placeholder.delete()
    home = HomePage(
        title="PROTECT",
        slug="home",
        locale=default_locale,
        intro=(
            "Preventing sexual and gender-based violence against migrants and strengthening "
            "support to victims."
        ),
        body=(
            "<p>Sexual and gender-based violence is a violation of human rights.</p>"
            "<p>The video has been produced with subtitles in 23 languages.</p>"
        ),
    )
    root.add_child(instance=home)
    home.save_revision(user=user, log_action=True).publish(user=user)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = host_and_port()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.site_name = "PROTECT"
        site.save()
    return home, True
