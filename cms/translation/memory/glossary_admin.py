"""The glossary in the admin: each locale's terms are managed by that locale's team reviewers
(``can_review``) and superusers; nobody else sees or changes them."""

from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .. import permissions
from .models import GlossaryTerm


def review_locale_ids(user) -> set[int] | None:
    """Locales whose glossary ``user`` manages (None: all of them)."""
    if user.is_superuser:
        return None
    return permissions.locale_ids(user, review=True)


class GlossaryPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return user.is_active and (user.is_superuser or bool(review_locale_ids(user)))

    def user_has_permission_for_instance(self, user, action, instance):
        allowed = review_locale_ids(user)
        return self.user_has_permission(user, action) and (
            allowed is None or instance.locale_id in allowed
        )

    def instances_user_has_permission_for(self, user, action):
        return fenced(GlossaryTerm.objects.all(), user)


def fenced(queryset, user):
    allowed = review_locale_ids(user)
    return queryset if allowed is None else queryset.filter(locale_id__in=allowed)


class Fenced:
    """Index, edit and delete see only the user's locales; forms offer only those locales."""

    def get_base_queryset(self):
        return fenced(super().get_base_queryset(), self.request.user)

    def get_queryset(self):
        return fenced(super().get_queryset(), self.request.user)

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        if "locale" in form.fields:
            allowed = review_locale_ids(self.request.user)
            locales = Locale.objects.all()
            form.fields["locale"].queryset = (
                locales if allowed is None else locales.filter(pk__in=allowed)
            )
        return form


class IndexView(Fenced, generic.IndexView):
    pass


class CreateView(Fenced, generic.CreateView):
    def get_queryset(self):
        return GlossaryTerm.objects.all()


class EditView(Fenced, generic.EditView):
    pass


class DeleteView(Fenced, generic.DeleteView):
    pass


class GlossaryViewSet(ModelViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = "Glossary"
    add_to_admin_menu = True
    menu_order = 251
    url_prefix = "glossary"
    name = "glossary"
    form_fields = ["locale", "term", "translation", "status", "part_of_speech", "notes"]
    list_display = ["term", "translation", "status", "locale", "part_of_speech", "is_demo"]
    list_filter = ["locale", "status"]
    search_fields = ["term", "translation", "notes"]
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    copy_view_enabled = False
    inspect_view_enabled = False


register_permission_policy(GlossaryTerm, GlossaryPermissionPolicy(GlossaryTerm))
glossary_viewset = GlossaryViewSet()
