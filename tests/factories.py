"""factory_boy factories for the page types; build only what a test needs."""

import factory
import wagtail_factories

from protect.models import AwarenessPage, ProjectPage


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
