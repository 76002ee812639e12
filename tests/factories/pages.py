"""Page factories: awareness, project and video pages (give ``parent=`` to place them)."""

import factory
import wagtail_factories

from protect.models import AwarenessPage, ProjectPage, VideoPage
from tests.support.subtitles import ENGLISH_CUES, cue_blocks


class AwarenessPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Awareness page {n}")
    slug = factory.Sequence(lambda n: f"awareness-{n}")
    intro = "Anyone can become a victim of sexual and gender-based violence."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Know your rights", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Help is available.</p>"},
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
    )

    class Meta:
        model = AwarenessPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = "The PROTECT project"
    slug = factory.Sequence(lambda n: f"project-{n}")
    summary = "<p>Strengthening national support services.</p>"
    status = ProjectPage.Status.COMPLETE

    class Meta:
        model = ProjectPage


class VideoPageFactory(wagtail_factories.PageFactory):
    """A published video page with the three English cues of ``ENGLISH_VTT`` (pass ``cues`` for
    others, ``publish=False`` for a page that was never published)."""

    title = "No One Has the Right to Hurt You"
    slug = factory.Sequence(lambda n: f"video-{n}")
    description = "IOM's awareness video."
    video_url = "https://media.example.org/no-one.mp4"
    duration_seconds = 32
    cues = factory.LazyFunction(lambda: cue_blocks(ENGLISH_CUES))

    class Meta:
        model = VideoPage
        skip_postgeneration_save = True  # publishing saves the page

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted is not False:
            page.save_revision().publish()
            page.refresh_from_db()
