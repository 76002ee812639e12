"""The NinjaAPI instance and the router registration list.

To add endpoints, create a module in ``cms/api/endpoints/`` exposing ``router`` and list it in
``ENDPOINT_MODULES`` (see the package docstring for the shared helpers).
"""

import json
from importlib import import_module

from django.core.serializers.json import DjangoJSONEncoder
from ninja import NinjaAPI, Swagger
from ninja.renderers import BaseRenderer

from . import errors, openapi

ENDPOINT_MODULES = [
    "cms.api.endpoints.locales",
    "cms.api.endpoints.pages",
    "cms.api.endpoints.videos",
    "cms.api.endpoints.changes",
    "cms.api.endpoints.materials",
    "cms.api.endpoints.countries",
    "cms.api.endpoints.support_services",
    "cms.api.endpoints.oembed",
]


class UnicodeJSONRenderer(BaseRenderer):
    """JSON with the 23 scripts written as themselves rather than \\u escapes (about half the size)."""

    media_type = "application/json"

    def render(self, request, data, *, response_status):
        return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


class PartnerAPI(NinjaAPI):
    """Builds the OpenAPI document once per mount path and serves it from memory."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        memo = self.__dict__.setdefault("_openapi_memo", {})
        if path_prefix not in memo:
            schema = super().get_openapi_schema(path_prefix=path_prefix)
            memo[path_prefix] = openapi.complete(schema, path_prefix)
        return memo[path_prefix]


api = PartnerAPI(
    title="PROTECT Partner API",
    version="1.0.0",
    description=openapi.DESCRIPTION,
    urls_namespace="partner_api",
    renderer=UnicodeJSONRenderer(),
    docs=Swagger(settings={"persistAuthorization": False, "tryItOutEnabled": True}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)

for module_path in ENDPOINT_MODULES:
    api.add_router("", import_module(module_path).router)
