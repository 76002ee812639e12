"""The benchmark's scale dataset: at scale 1, 1,000 awareness pages × 23 locales, 20 videos × 23
tracks × 300 cues, 300 materials with files in three languages, support services and profiles
for the 12 countries, 1,440 translation-queue tasks. ``scale=0.01`` builds 1 % of it (the
baseline of the "p95 grows at most 2×" targets). Bulk inserts throughout, then one bulk search
index pass: building it takes about a minute, not hours of page saves and queued tasks.
"""

import random
import uuid

from django.db import connection, transaction
from tqdm import tqdm
from wagtail.models import Locale

from cms.search_index import index_in_bulk
from home.demo.pages import ensure_home_page
from home.locales import sync_locales
from home.models import HomePage
from protect import track_files
from protect.models import AwarenessPage, TrackFile, VideoPage

from . import library
from .bulk_pages import add_live_children
from .models import Dataset

FULL = {"pages": 1_000, "videos": 20, "cues": 300, "materials": 300, "tasks": 1_440}
TOPICS = [
    "Know your rights",
    "Protect yourself and others",
    "Where to find help",
    "Violence is never your fault",
    "Support for survivors",
    "Safe places for children",
    "Talking to a counsellor",
    "Reporting violence to the police",
]
WORDS = (
    "help support protection migrant violence rights safety shelter health legal counselling "
    "children women men family services report police doctor trust confidential free"
).split()


def sizes(scale: float) -> dict:
    out = {name: max(1, round(count * scale)) for name, count in FULL.items()}
    out["cues"] = FULL["cues"]  # a track is a track, whatever the number of videos
    return out


def _homes() -> dict[str, HomePage]:
    """The home page in every locale (translations of the English one), keyed by language."""
    home, _ = ensure_home_page()
    homes = {page.locale.language_code: page for page in home.get_translations(inclusive=True)}
    for locale in Locale.objects.exclude(pk__in=[page.locale_id for page in homes.values()]):
        copy = home.copy_for_translation(locale)
        copy.save_revision().publish()
        homes[locale.language_code] = copy
    return {code: HomePage.objects.get(pk=page.pk) for code, page in homes.items()}


def _body(rng: random.Random, code: str) -> list[dict]:
    text = " ".join(rng.choices(WORDS, k=60))
    return [
        {"type": "heading", "value": {"text": rng.choice(TOPICS), "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{text} ({code})</p>"},
        {
            "type": "helpline",
            "value": {
                "name": "Emergency",
                "phone": "112",
                "availability": "24/7",
                "description": "",
            },
        },
    ]


def _translated_children(homes, model, sources: list[dict], bar) -> list[int]:
    """``sources`` (with translation keys) under every locale's home page, same keys."""
    pks = []
    for code, home in homes.items():
        items = [dict(item, **item.pop("per_locale")(code)) for item in map(dict, sources)]
        pks += add_live_children(home, model, items)
        bar.update(len(items))
    return pks


def _pages(homes, count: int, rng, bar) -> list[int]:
    sources = [
        {
            "slug": f"bench-page-{n}",
            "translation_key": uuid.uuid4(),
            "per_locale": lambda code, n=n: {
                "title": f"{TOPICS[n % len(TOPICS)]} {n} ({code})",
                "intro": "Anyone can become a victim of sexual and gender-based violence.",
                "body": _body(rng, code),
            },
        }
        for n in range(count)
    ]
    return _translated_children(homes, AwarenessPage, sources, bar)


def _cues(code: str, count: int) -> list[dict]:
    return [
        {
            "type": "cue",
            "value": {
                "start_ms": n * 3000 + 1,
                "end_ms": n * 3000 + 2800,
                "text": f"No one has the right to hurt you ({code} {n})",
            },
        }
        for n in range(count)
    ]


def _videos(homes, count: int, cues: int, bar) -> list[int]:
    sources = [
        {
            "slug": f"bench-video-{n}",
            "translation_key": uuid.uuid4(),
            "per_locale": lambda code, n=n: {
                "title": f"No One Has the Right to Hurt You {n} ({code})",
                "description": "IOM's awareness video.",
                "video_url": "https://media.example.org/no-one.mp4",
                "duration_seconds": cues * 3,
                "cues": _cues(code, cues),
            },
        }
        for n in range(count)
    ]
    return _translated_children(homes, VideoPage, sources, bar)


def _track_files(videos: list[int]) -> None:
    """What ``VideoPage.save`` would have written for each bulk-inserted video page."""
    pages = VideoPage.objects.filter(pk__in=videos).values_list(
        "pk", "cues", "locale__language_code"
    )
    TrackFile.objects.bulk_create(track_files.rows(TrackFile, pages), batch_size=200)


def existing(scale: float):
    return Dataset.objects.filter(scale=scale).first()


def build(scale: float = 1.0) -> Dataset:
    """Build the dataset at ``scale`` unless it is there (the ``Dataset`` row is the marker)."""
    found = existing(scale)
    if found is not None:
        return found
    want = sizes(scale)
    rng = random.Random(15)
    sync_locales()
    with transaction.atomic():
        homes = _homes()
        locales = len(homes)
        total = (want["pages"] + want["videos"]) * locales
        with tqdm(total=total, desc="pages (all locales)", unit="page") as bar:
            pages = _pages(homes, want["pages"], rng, bar)
            videos = _videos(homes, want["videos"], want["cues"], bar)
        _track_files(videos)
        library.build(homes["en"].locale, want, rng)
        with tqdm(total=len(pages) + len(videos), desc="search index", unit="page") as bar:
            index_in_bulk(AwarenessPage, pages, bar.update)
            index_in_bulk(VideoPage, videos, bar.update)
        library.queue_tasks(AwarenessPage, pages[: want["pages"]], want["tasks"])
        built = Dataset.objects.create(scale=scale, counts=dict(want, locales=locales))
    if connection.vendor == "postgresql":
        # Bulk loads leave the planner's statistics empty (autovacuum catches up later): with
        # them, visibility's anti-join is planned as a nested loop over every page per row.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return built
