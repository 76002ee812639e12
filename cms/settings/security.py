"""Security headers and the admin login rate limit, for every environment (production adds
HTTPS-only settings in production.py).

CSP: scripts only from this site (plus a per-response nonce for templates that need an inline
script: ``{{ request.csp_nonce }}``); Wagtail's admin still writes some inline ``style``
attributes, so styles allow 'unsafe-inline'. Answers that set their own CSP (the embed player,
downloads) keep it: django-csp never overwrites a header.
"""

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "https:"],
        "media-src": [SELF, "blob:", "https:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
# Outside the admin cms.public's middleware sends no-referrer; the admin's POSTs need the
# same-origin Referer for CSRF, which this default keeps.
SECURE_REFERRER_POLICY = "same-origin"

# django-axes: 5 failed logins for one username from one address lock that pair for an hour.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client address behind our trusted proxies (cms/client_ip.py, TRUSTED_PROXY_COUNT), as
# the partner API's rate limit reads it.
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.axes_client_ip"
AXES_LOCKOUT_TEMPLATE = None
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party avatar requests from the admin
