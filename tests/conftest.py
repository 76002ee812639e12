"""Fixtures every test module may use. App-specific fixtures live beside their tests."""

import json
import os

import pytest
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connections
from pytest_django.plugin import blocking_manager_key
from wagtail.models import Collection, Locale, Page, Site

from cms import addresses
from cms.api import local_cache, ratelimit, versions
from home.locales import sync_locales
from home.models import HomePage
from tests.support import databases


@pytest.fixture(autouse=True)
def _fresh_content_version(monkeypatch):
    """Each test rolls the database back: no test may see another's version memo or cache
    (the per-process response LRU included: a rolled-back token may come back; and the
    rate limiter's per-process allowances)."""
    versions.forget()
    local_cache.clear()
    ratelimit.forget()
    _clearing_the_cache_clears_the_local_one(monkeypatch)
    cache.clear()
    yield
    versions.forget()
    local_cache.clear()


def _clearing_the_cache_clears_the_local_one(monkeypatch):
    """Tests clear the shared cache to measure a cold answer: the LRU in front of it
    (cms/api/local_cache.py) would otherwise still answer, so clearing one clears both (and
    the rate limiter's allowances reserved in it)."""
    backend = type(caches[django_settings.PARTNER_API_CACHE])
    clear = backend.clear

    def clear_both(self):
        local_cache.clear()
        ratelimit.forget()
        return clear(self)

    monkeypatch.setattr(backend, "clear", clear_both)


@pytest.fixture(autouse=True)
def _public_base_url_is_the_live_server(request):
    """Absolute URLs (tracks, page links, the Site) come from PUBLIC_BASE_URL: in a test with a
    live server, the browser must be sent there, not to the test client's ``testserver``."""
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    settings = request.getfixturevalue("settings")
    settings.PUBLIC_BASE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    yield


@pytest.fixture
def migrated_basics(db):
    """What migrations create (locales, root page, root collection), recreated if a transactional
    test before this one flushed the database."""

    _recreate_migrated_basics()


def _recreate_migrated_basics():
    sync_locales()
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def locales(db):
    """All configured locales, keyed by language code."""
    sync_locales()
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_page(locales):
    """An English HomePage at the root of the default site (as load_demo_content makes it)."""
    # A transactional test elsewhere may have flushed the tree that migrations create.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["en"])
    )
    root.get_children().filter(slug="home").delete()
    home = HomePage(title="PROTECT", slug="home", locale=locales["en"], intro="Welcome")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": addresses.host_and_port()[0],
            "port": addresses.host_and_port()[1],
            "root_page": home,
            "site_name": "PROTECT",
        },
    )
    return home


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.org", password="password"
    )


# --- Headless Chromium (Debian's package, driven by Playwright; no browser downloads) ---------
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run (Debian's /usr/bin/chromium, installed by .ci/run)."""
    # Only browser tests need Playwright: the rest of the suite runs without importing it.
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it (.ci/run): a missing browser is a failure there
        pytest.skip(message)

    # Playwright's sync API keeps an event loop running in this thread; Django would otherwise
    # refuse ORM calls made by the test itself while a page is open.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    """Every transactional test gets serialized rollback, so the database is serialized once
    after migrations on each worker. Migrations create rows that a flush loses and post_migrate
    does not bring back (Wagtail's ``access_admin`` permission, the locales, the root page)."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if _is_transactional(item) and not (marker and marker.kwargs.get("serialized_rollback")):
            kwargs = dict(marker.kwargs) if marker else {}
            item.add_marker(
                pytest.mark.django_db(
                    **{**kwargs, "transaction": True, "serialized_rollback": True}
                ),
                append=False,  # the closest marker wins
            )


_SERIALIZED: dict[str, str] = {}  # alias → the migrated database as Django serialized it


def _serialized_contents(connection) -> str | None:
    """The serialized migrated database of ``connection``'s alias, kept here as well: a
    connection object made later (a new context) lacks Django's attribute, and then Django's
    own teardown flush re-runs post_migrate instead of restoring, which loses the rows that
    migrations made (wagtail-localize's ``submit_translation`` permission, seen in CI)."""
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents and connection.alias not in _SERIALIZED:
        _SERIALIZED[connection.alias] = _content_types_first(contents)
    if connection.alias in _SERIALIZED:
        contents = connection._test_serialized_contents = _SERIALIZED[connection.alias]
    return contents


def _content_types_first(contents: str) -> str:
    """Django serializes content types last; restoring in that order lets signal handlers of
    earlier rows (Wagtail's search index on a raw-saved task) create a content type under a new
    id, and the restored one then collides (CI: duplicate key on django_content_type)."""
    rows = json.loads(contents)
    return json.dumps(sorted(rows, key=lambda row: row["model"] != "contenttypes.contenttype"))


def pytest_runtest_setup(item):
    if _is_transactional(item):
        for connection in connections.all(initialized_only=True):
            _serialized_contents(connection)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the database back to what migrations made once a transactional test has flushed it.

    Django restores those rows only when the *next* serialized test starts, and a flush either
    skips post_migrate (no content types, locales or root page for the tests that follow on this
    worker) or re-creates them under new ids (which the next serialized restore collides with)."""
    result = yield
    if _is_transactional(item) and nextitem is not None:  # after the last test the database is gone
        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all(initialized_only=True):
                contents = _serialized_contents(connection)
                if contents:
                    call_command(
                        "flush",
                        database=connection.alias,
                        interactive=False,
                        verbosity=0,
                        inhibit_post_migrate=True,
                        # Keep the sequences: the restored rows carry their original ids.
                        reset_sequences=False,
                    )
                    connection.creation.deserialize_db_from_string(contents)
            ContentType.objects.clear_cache()
            _recreate_migrated_basics()
    return result


def pytest_sessionfinish(session):
    """Drop the migrated templates that multi-process tests copied their databases from."""
    databases.drop_templates()
