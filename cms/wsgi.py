"""WSGI entry point (gunicorn: deploy/gunicorn.conf.py). Production settings unless told
otherwise; `manage.py` (runserver, make run) and the tests choose their own settings."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
get_resolver().check()  # import every view module now (and check them), not on the first request

# Everything loaded so far lives as long as the process: moved out of the collector's reach, a
# full collection scans only what requests made (~5 ms, not ~110 ms pauses that stalled every
# request queued behind them: bench/api.py p95). Before gunicorn's fork (preload_app), it also
# keeps those pages shared between the workers.
gc.freeze()
