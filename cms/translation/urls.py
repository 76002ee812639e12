from django.urls import path

from .views import actions, exchange, pages
from .views.queue import QueueView

app_name = "translation_queue"

urlpatterns = [
    path("", QueueView.as_view(), name="index"),
    path("results/", QueueView.as_view(results_only=True), name="index_results"),
    path("bulk/", actions.bulk, name="bulk"),
    path("coverage/", pages.coverage, name="coverage"),
    path("notifications/", pages.notifications, name="notifications"),
    path("import/", exchange.import_files, name="import"),
    path("jobs/<int:job_id>/", exchange.job_detail, name="job"),
    path("jobs/<int:job_id>/download/", exchange.job_download, name="job_download"),
    path("<int:task_id>/", pages.task_detail, name="task"),
    path("<int:task_id>/review/", actions.review, name="review"),
]
