"""ASGI entry point (e.g. uvicorn cms.asgi:application). Production settings unless told
otherwise, like cms/wsgi.py."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_asgi_application()
