"""Keep the API's caches and change log in step with the content."""

import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver

from .middleware import API_ROOT


@receiver(got_request_exception)
def note_database_outage(sender, request=None, **kwargs):
    """Exceptions outside the API views (e.g. in middleware) still answer 503 when the
    database is unreachable; the middleware reads this mark."""
    exc = sys.exc_info()[1]
    if request is not None and request.path.startswith(API_ROOT):
        if isinstance(exc, (OperationalError, InterfaceError)):
            request.partner_api_database_down = True


from . import changes  # noqa: E402,F401  (page signals → change log + invalidation)
