from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.views import partner_demo
from cms.ops.views import healthz
from cms.public.sitemap import sitemap
from cms.translation import read_scope

urlpatterns = [
    path("healthz", healthz, name="healthz"),  # load balancers (cms/ops/health.py)
    # Ahead of the admin's own: a report translators may not read (cms/translation/read_scope.py).
    path("admin/reports/", include(read_scope.report_overrides)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("downloads/", include("materials.urls")),
    path("sitemap.xml", sitemap),  # every public page in every locale, hreflang (cms/public)
    path("", include("cms.public.urls")),  # the embeddable player /embed/videos/<id>/
    path("api/partner/v1/", include("cms.api.urls")),  # partner API and its files (cms/api)
    path("partner-demo/", partner_demo, name="partner_demo"),  # reference partner page
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages live under /<language-code>/…; "/" redirects to the visitor's language.
urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
