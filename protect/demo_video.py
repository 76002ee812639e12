"""Demo content: the awareness video page with a bundled video and English cues.

The 22 other tracks are made by load_demo_content, which translates the returned page through
wagtail-localize like any other page: each track is a real translation of the page.
"""

from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from protect.models import VideoPage
from protect.services import import_subtitles

ASSETS = Path(__file__).with_name("demo_assets")
VIDEO = ASSETS / "no-one-has-the-right-to-hurt-you.webm"
POSTER = ASSETS / "poster.jpg"
ENGLISH_CUES = ASSETS / "no-one-has-the-right-to-hurt-you.en.vtt"
SLUG = "no-one-has-the-right-to-hurt-you"
POSTER_TITLE = "Demo video poster: No One Has the Right to Hurt You"


def _poster():
    Image = get_image_model()
    image = Image.objects.filter(title=POSTER_TITLE).first()
    if image is None:
        with POSTER.open("rb") as handle:
            image = Image(
                title=POSTER_TITLE, file=ImageFile(handle, name="protect-video-poster.jpg")
            )
            image.save()
    return image


def build(home, user=None) -> list:
    """Create (once) the English video page, import its cues and publish it."""
    existing = VideoPage.objects.child_of(home).filter(slug=SLUG).first()
    if existing is not None:
        return [existing]
    page = VideoPage(
        title="No One Has the Right to Hurt You",
        slug=SLUG,
        locale=home.locale,
        intro="Sexual and gender-based violence is a violation of human rights.",
        description=(
            "Demo video: a generated placeholder for IOM's awareness animation, with demo "
            "subtitles in 23 languages."
        ),
        duration_seconds=32,
        poster=_poster(),
        poster_alt="The word PROTECT in white on a dark blue background.",
    )
    with VIDEO.open("rb") as handle:
        page.video_file.save(VIDEO.name, File(handle), save=False)
    home.add_child(instance=page)
    import_subtitles(
        page, "en", ENGLISH_CUES.read_bytes(), filename=ENGLISH_CUES.name, user=user, publish=True
    )
    return [VideoPage.objects.get(pk=page.pk)]
