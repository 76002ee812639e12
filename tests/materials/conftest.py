"""Material library fixtures (materials themselves: ``tests.factories.MaterialFactory``)."""

import pytest
from wagtail.models import Collection

from tests.support.translation import localize


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """translate(obj, ["ar", "ti"]): translations through wagtail-localize, published."""

    def run(obj, codes):
        return localize(obj, codes, django_capture_on_commit_callbacks)

    return run
