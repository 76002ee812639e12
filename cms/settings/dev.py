"""Local development: debug on, a fixed throwaway key, e-mail to the console."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "django-insecure-protect-dev-only"
ALLOWED_HOSTS = ["*"]
