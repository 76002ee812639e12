from django.db import models


class Dataset(models.Model):
    """Marks a built benchmark dataset (``cms.bench.dataset.build``): built once, then reused."""

    scale = models.FloatField(unique=True)
    counts = models.JSONField(default=dict)
    built_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"benchmark dataset at scale {self.scale}"
