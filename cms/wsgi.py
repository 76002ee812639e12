"""WSGI entry point (gunicorn: deploy/gunicorn.conf.py). Production settings unless told
otherwise; `manage.py` (runserver, make run) and the tests choose their own settings."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
