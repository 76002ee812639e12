from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from .models import Delivery
from .tasks import schedule


@require_http_methods(["GET", "POST"])
def redeliver(request, pk):
    """Send an event again (same event id, so deduplicating receivers are safe)."""
    if not request.user.has_perm("webhooks.view_delivery"):
        raise PermissionDenied
    original = get_object_or_404(Delivery.objects.select_related("subscription"), pk=pk)
    if request.method == "POST":
        delivery = Delivery.objects.create(
            subscription=original.subscription,
            event_id=original.event_id,
            payload=original.payload,
        )
        schedule(delivery)
        messages.success(request, f"Event {original.event_id} queued for redelivery.")
        return redirect("webhook_deliveries:index")
    return TemplateResponse(request, "webhooks/redeliver_confirm.html", {"delivery": original})
