"""Backup and restore as docs/deployment.md describes them: the database (pg_dump --format=custom
on PostgreSQL, SQLite's online backup otherwise) and the media folder, restored into an EMPTY
database (pg_restore into a new database of a private cluster) and an empty media folder. A
server on the restored copy gives the same partner API answers, files included."""

import json
import os
import shutil
import sqlite3
import subprocess

from tests.support import databases, processes
from tests.support.postgres import private_cluster

CONTENT = """
import json
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from home.demo.pages import ensure_home_page
from tests.factories import AwarenessPageFactory, MaterialFactory, VideoPageFactory
from tests.support.pages import translate_page
from wagtail.models import Locale
home, _ = ensure_home_page()
page = AwarenessPageFactory(parent=home, title="Know your rights", slug="rights")
translate_page(page, Locale.objects.get(language_code="ar"), title="اعرف حقوقك")
poster = get_image_model().objects.create(title="Poster", file=get_test_image_file("p.png"))
video = VideoPageFactory(parent=home, slug="no-one", poster=poster, poster_alt="A road")
material = MaterialFactory(files=[("en", "screen"), ("ar", "print")])
print(json.dumps({"page": page.pk, "video": video.pk}))
"""
BASE = "http://protect.example"  # PUBLIC_BASE_URL of both servers: absolute URLs compare equal


def endpoints(ids: dict) -> list[str]:
    return [
        "/api/partner/v1/locales/",
        "/api/partner/v1/pages/?locale=en",
        f"/api/partner/v1/pages/{ids['page']}/?locale=ar",
        "/api/partner/v1/videos/?locale=en",
        f"/api/partner/v1/videos/{ids['video']}/?locale=en",
        "/api/partner/v1/materials/?locale=en",
        "/api/partner/v1/changes/",
    ]


def answers(env: dict, ids: dict) -> dict:
    """Every endpoint's JSON, and the bytes of every file they link to on this site."""
    out = {}
    with processes.start_server(env) as web:
        for path in endpoints(ids):
            response = web.get(path)
            assert response.status == 200, (path, response.status, response.body[:300])
            out[path] = response.json()
        for url in sorted(set(_urls(out)) - {None}):
            if url.startswith(BASE):
                file = web.get(url.removeprefix(BASE))
                assert file.status == 200, url
                out[url] = len(file.body), hash(file.body)
    return out


def _urls(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("url", "download_url", "file_url") and isinstance(item, str):
                yield item
            else:
                yield from _urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _urls(item)


def test_backup_restored_into_an_empty_database_serves_the_same_api(tmp_path):
    media, private = tmp_path / "media", tmp_path / "private"
    folders = {"MEDIA_ROOT": str(media), "PRIVATE_ROOT": str(private), "PUBLIC_BASE_URL": BASE}
    database = databases.fresh_database(tmp_path)
    env = processes.django_env(database, **folders)
    try:
        ids = json.loads(processes.run_script(env, CONTENT).strip().splitlines()[-1])
        before = answers(env, ids)
        assert any(url.startswith(BASE + "/") for url in before if "://" in url)  # files too

        # Back up: the database, then the files (docs/deployment.md, "Backups").
        backup = tmp_path / "backup"
        shutil.copytree(media, backup / "media")
        restored_media = tmp_path / "restored-media"
        assert not restored_media.exists()
        if database.startswith("postgres"):
            dump = backup / "protect.dump"
            subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", database], check=True)
            with private_cluster() as cluster:  # a new server: nothing but an empty database
                cluster.psql('CREATE DATABASE "restored"')
                subprocess.run(
                    ["pg_restore", "--no-owner", "--exit-on-error", "-d", cluster.url("restored"),
                     str(dump)],
                    check=True, capture_output=True,
                )  # fmt: skip
                after = restore_and_ask(
                    cluster.url("restored"), backup, restored_media, folders, ids
                )
        else:
            source = database.removeprefix("sqlite:///")
            target = tmp_path / "restored.sqlite3"
            with sqlite3.connect(source) as live, sqlite3.connect(backup / "db.sqlite3") as copy:
                live.backup(copy)  # consistent while the site runs
            shutil.copyfile(backup / "db.sqlite3", target)
            after = restore_and_ask(f"sqlite:///{target}", backup, restored_media, folders, ids)
    finally:
        databases.drop_database(database)
    assert after.keys() == before.keys()
    for key in before:
        assert after[key] == before[key], key


def restore_and_ask(database: str, backup, media, folders: dict, ids: dict) -> dict:
    shutil.copytree(backup / "media", media)  # the media folder restored next to the database
    env = processes.django_env(database, **{**folders, "MEDIA_ROOT": str(media)})
    processes.manage(env, "migrate", "--noinput")  # a no-op for a dump of the same release
    assert os.listdir(media)
    return answers(env, ids)
