"""The WSGI module freezes what it loaded (cms/wsgi.py): long collector pauses under load."""

import gc
import importlib
import sys


def test_loading_the_wsgi_application_freezes_the_loaded_objects():
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    sys.modules.pop("cms.wsgi", None)
    try:
        module = importlib.import_module("cms.wsgi")
        assert callable(module.application)
        assert gc.get_freeze_count() > 10_000  # Django, Wagtail and the project's modules
    finally:
        gc.unfreeze()
