from django.contrib.auth import get_user_model

from cms.translation import demo
from cms.translation.models import LocalePolicy, LocaleTeam


def test_demo_builder_makes_teams_and_translators(home_page, locales):
    assert demo.build(home_page, None) == []
    assert demo.build(home_page, None) == []  # safe to run again
    assert LocaleTeam.objects.count() == 2 * len(demo.DEMO_LOCALES)
    assert LocalePolicy.objects.count() == len(demo.DEMO_LOCALES)
    translator = get_user_model().objects.get(username="translator-fr")
    assert not translator.has_usable_password()
    reviewers = LocaleTeam.objects.get(members=get_user_model().objects.get(username="reviewer-fr"))
    assert reviewers.can_review and reviewers.can_publish
    assert translator.groups.filter(name__startswith="Translators:").exists()
