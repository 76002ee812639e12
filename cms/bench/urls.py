"""The project's URLs plus the benchmark's baselines: stock Wagtail v2 pages API at
``/bench/v2/pages/`` and a bare Django JSON view at ``/bench/bare/``."""

from django.http import JsonResponse
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as project_urlpatterns

stock_api = WagtailAPIRouter("bench_stock_api")
stock_api.register_endpoint("pages", PagesAPIViewSet)

BARE_ITEMS = [{"id": n, "title": f"Item {n}", "locale": "en"} for n in range(20)]


def bare(request):
    """The floor: Django's middleware and a small JSON answer, no database."""
    return JsonResponse({"count": len(BARE_ITEMS), "items": BARE_ITEMS})


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/v2/", stock_api.urls),
    *project_urlpatterns,
]
