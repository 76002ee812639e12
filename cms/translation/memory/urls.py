from django.urls import path

from . import exchange_views, views

app_name = "translation_memory"

urlpatterns = [
    path("", exchange_views.exchange, name="exchange"),
    path("memory.tmx", exchange_views.tmx_export, name="tmx_export"),
    path("import/", exchange_views.tmx_import, name="tmx_import"),
    path("glossary.csv", exchange_views.glossary_export, name="glossary_export"),
    path("glossary/import/", exchange_views.glossary_import, name="glossary_import"),
    path("tasks/<int:task_id>/apply/", views.apply_matches, name="apply"),
]
