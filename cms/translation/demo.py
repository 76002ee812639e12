"""Demo locale teams: a translator and a reviewer for a few locales, so the queue can be tried
with real restrictions. Users get no usable password; an admin sets one to log in as them."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from .models import LocalePolicy, LocaleTeam

DEMO_LOCALES = ["fr", "ar", "fa"]


def build(home, user) -> list:
    User = get_user_model()
    for code in DEMO_LOCALES:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        LocalePolicy.objects.get_or_create(
            locale=locale, defaults={"machine_translator": "offline"}
        )
        for role, review in (("translator", False), ("reviewer", True)):
            person, created = User.objects.get_or_create(
                username=f"{role}-{code}",
                defaults={"email": f"{role}-{code}@example.org", "first_name": role.title()},
            )
            if created:
                person.set_unusable_password()
                person.save()
            team, _ = LocaleTeam.objects.get_or_create(
                name=f"{locale.get_display_name()} {role}s",
                defaults={"locale": locale, "can_review": review, "can_publish": review},
            )
            team.members.add(person)
    # Nothing to translate: teams are not content.
    return []
