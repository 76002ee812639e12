"""Webhook subscriptions and the delivery log in the Wagtail admin (Settings menu)."""

from django.forms import modelform_factory
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import views
from .forms import SubscriptionForm
from .models import Delivery, Subscription


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "link-external"
    menu_label = "Subscriptions"
    list_display = ["name", "url", "events", "locales", "is_active", "legacy_signature"]

    def get_form_class(self, for_update=False):
        # Events and locales are JSON lists edited as checkboxes (see forms.py).
        return modelform_factory(Subscription, form=SubscriptionForm, fields=FORM_FIELDS)


FORM_FIELDS = ["name", "url", "secret", "events", "locales", "is_active", "legacy_signature"]


class RedeliverColumn(Column):
    def get_value(self, instance):
        url = reverse("webhooks_redeliver", args=[instance.pk])
        return format_html(
            '<a class="button button-small button-secondary" href="{}">Redeliver</a>', url
        )


class DeliveryLogPolicy(ModelPermissionPolicy):
    """The log is written by the worker only: people may read it and redeliver, not edit it."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(
            user, action
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Delivery, DeliveryLogPolicy(Delivery))


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    icon = "list-ul"
    menu_label = "Delivery log"
    inspect_view_enabled = True
    copy_view_enabled = False

    add_to_admin_menu = False
    list_display = [
        "event_id",
        "subscription",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "created_at",
        RedeliverColumn("redeliver", label="", accessor="pk"),
    ]
    list_filter = ["status", "subscription"]
    search_fields = ["event_id"]
    form_fields = []


class WebhooksGroup(ModelViewSetGroup):
    menu_label = "Webhooks"
    menu_icon = "link-external"
    add_to_settings_menu = True
    items = (SubscriptionViewSet("webhook_subscriptions"), DeliveryViewSet("webhook_deliveries"))


@hooks.register("register_admin_viewset")
def register_webhooks():
    return WebhooksGroup()


@hooks.register("register_admin_urls")
def redeliver_urls():
    return [
        path("webhooks/deliveries/<int:pk>/redeliver/", views.redeliver, name="webhooks_redeliver")
    ]
