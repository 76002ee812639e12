"""Fan change events out to subscriptions, in the transaction that records the event.

The Delivery rows are written with the ChangeEvent, so a crash or a receiver that is down never
loses an event: ``manage.py webhooks_resume`` re-enqueues whatever is still pending.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from cms.api.models import ChangeEvent

from .delivery import payload_for
from .models import Delivery, Subscription
from .tasks import schedule


@receiver(post_save, sender=ChangeEvent)
def fan_out(sender, instance, created, **kwargs):
    if not created:
        return
    payload = payload_for(instance)
    for subscription in Subscription.objects.filter(is_active=True):
        if subscription.wants(instance):
            delivery = Delivery.objects.create(
                subscription=subscription, event_id=instance.event_id, payload=payload
            )
            schedule(delivery)
