from django.urls import path

from . import views

app_name = "materials"

urlpatterns = [
    path("materials/<int:file_id>/<str:filename>", views.download, name="download"),
]
