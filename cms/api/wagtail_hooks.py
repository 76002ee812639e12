"""Partner keys in the Wagtail admin (Settings → Partner API keys)."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import PartnerKey


class PartnerKeyViewSet(ModelViewSet):
    model = PartnerKey
    icon = "key"
    menu_label = "Partner API keys"
    add_to_settings_menu = True
    form_fields = ["name", "contact_email", "tier", "is_active"]
    list_display = ["name", "tier", "is_active", "key", "created_at"]
    list_filter = ["tier", "is_active"]
    search_fields = ["name", "contact_email"]


@hooks.register("register_admin_viewset")
def register_partner_keys():
    return PartnerKeyViewSet("partner_keys")
