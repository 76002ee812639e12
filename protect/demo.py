"""Demo content drawn from the public PROTECT project page (shared/seed/protect-project-page.txt)."""

import uuid

from cms.countries import MAPPING_COUNTRIES
from home.demo.pages import publish_new_child
from protect.models import AwarenessPage, ProjectCountry, ProjectPage, ProjectPartner

SGBV_DEFINITION = (
    "<p>Sexual and gender-based violence (SGBV) may be physical or psychological and it can take "
    "the form of domestic violence, sexual harassment, social exclusion or even exploitation and "
    "trafficking in human beings.</p>"
)
WHO_IS_AFFECTED = (
    "<p>Women and men, boys and girls and lesbian, gay, bisexual, transgender and intersex people "
    "(LGBTI) can all become victims of sexual and gender-based violence. However, the EU "
    "Fundamental Rights Agency confirmed that the majority of the victims are women and "
    "girls.</p>"
)
KEY_MESSAGE = "Sexual and gender-based violence is a violation of human rights."

ACTIVITIES = [
    (
        "Strengthen national support services",
        "Strengthen and adapt existing national support services for victims of sexual and "
        "gender-based violence to coordinate better and include refugees, asylum seekers and "
        "migrants.",
    ),
    (
        "Build capacity for professionals",
        "Build capacity for professionals who work with and for refugees, asylum seekers and "
        "migrants to identify and address the needs of victims and potential victims of SGBV "
        "more effectively.",
    ),
    (
        "Empower and inform communities",
        "Empower and inform refugees, asylum seekers and migrant communities about SGBV and how "
        "to protect themselves from the risk of becoming a victim of sexual and gender-based "
        "violence.",
    ),
]

EMERGENCY = {
    "name": "European emergency number",
    "phone": "112",
    "availability": "24/7, free of charge",
    "description": "Call if you or someone else is in immediate danger.",
}
VICTIM_SUPPORT = {
    "name": "Helpline for victims of crime",
    "phone": "116 006",
    "availability": "Free of charge",
    "description": "Confidential support for victims of crime in many EU countries.",
}


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value}


def _items(values: list) -> list[dict]:
    """ListBlock items in Wagtail's block format: wagtail-localize only extracts segments from
    list items that carry ids, so the plain-list shorthand would leave them untranslatable."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def project_page() -> ProjectPage:
    return ProjectPage(
        title="The PROTECT project",
        slug="protect-project",
        intro=(
            "Preventing sexual and gender-based violence against migrants and strengthening "
            "support to victims."
        ),
        summary=(
            "<p>The project “PROTECT - Preventing sexual and gender-based violence against "
            "migrants and strengthening support to victims” aims to strengthen national support "
            "services for victims of sexual and gender-based violence.</p>"
            "<p>PROTECT also aims to make these services available to refugees, asylum seekers "
            "and migrants, be them children or adults and including LGBTI people. PROTECT "
            "included awareness-raising activities on preventing sexual and gender-based "
            "violence among these communities.</p>"
            "<p>In coordination with national authorities, first responders and service "
            "providers, IOM and the partners work together to tailor the activities to the "
            "national contexts and implement them.</p>"
        ),
        status=ProjectPage.Status.COMPLETE,
        activities=[
            _block("activity", {"title": title, "description": text}) for title, text in ACTIVITIES
        ],
        funder_acknowledgement=(
            "<p>Demo text: the funder acknowledgement is to be confirmed by the project team "
            "before publication.</p>"
        ),
        mapping_countries=[
            ProjectCountry(
                country=code,
                note=(
                    f"National mapping of legal frameworks and services for migrant victims of "
                    f"SGBV in {name}."
                ),
            )
            for code, name in MAPPING_COUNTRIES.items()
        ],
        partners=[
            ProjectPartner(
                name="International Organization for Migration (IOM)",
                url="https://www.iom.int/",
                role="Coordinating organisation",
            )
        ],
    )


def awareness_pages() -> list[AwarenessPage]:
    return [
        AwarenessPage(
            title="What is sexual and gender-based violence?",
            slug="what-is-sgbv",
            intro=KEY_MESSAGE,
            body=[
                _block("paragraph", SGBV_DEFINITION),
                _block("quote", {"quote": KEY_MESSAGE, "attribution": "PROTECT"}),
                _block(
                    "key_facts",
                    {
                        "title": "PROTECT in numbers",
                        "facts": _items(
                            [
                                {"figure": "12", "label": "countries mapped", "source": ""},
                                {"figure": "23", "label": "subtitle languages", "source": ""},
                            ]
                        ),
                    },
                ),
                _block("helpline", EMERGENCY),
            ],
        ),
        AwarenessPage(
            title="Who can be affected?",
            slug="who-can-be-affected",
            intro="Anyone can become a victim of sexual and gender-based violence.",
            body=[
                _block("paragraph", WHO_IS_AFFECTED),
                _block(
                    "faq",
                    {
                        "title": "Questions people ask",
                        "questions": _items(
                            [
                                {
                                    "question": "Can men and boys be victims?",
                                    "answer": "<p>Yes. Women and men, boys and girls and LGBTI "
                                    "people can all become victims.</p>",
                                },
                                {
                                    "question": "Who are most of the victims?",
                                    "answer": "<p>The EU Fundamental Rights Agency confirmed that "
                                    "the majority of the victims are women and girls.</p>",
                                },
                            ]
                        ),
                    },
                ),
                _block("helpline", VICTIM_SUPPORT),
            ],
        ),
        AwarenessPage(
            title="How services and professionals help",
            slug="how-services-help",
            intro=(
                "National support services and trained professionals help victims and people "
                "at risk."
            ),
            body=[
                _block("heading", {"text": "Support services", "level": "h2"}),
                _block(
                    "paragraph",
                    "<p>PROTECT aims to strengthen national support services for victims of "
                    "sexual and gender-based violence and to make them available to refugees, "
                    "asylum seekers and migrants.</p>",
                ),
                _block("heading", {"text": "Trained professionals", "level": "h2"}),
                _block(
                    "paragraph",
                    "<p>Training tools help professionals (e.g. social workers, police "
                    "officers, interpreters, teachers, health care professionals) who regularly "
                    "meet and work with migrants, refugees or asylum-seekers who might also be a "
                    "victim of SGBV.</p>",
                ),
                _block("helpline", VICTIM_SUPPORT),
            ],
        ),
    ]


def build(home, user=None) -> list:
    """Create the English project and awareness pages; return them in tree order."""
    project = publish_new_child(home, project_page(), user)
    return [project] + [publish_new_child(home, page, user) for page in awareness_pages()]
