from django.urls import path

from . import views

app_name = "translation_memory"

urlpatterns = [
    path("tasks/<int:task_id>/apply/", views.apply_matches, name="apply"),
]
