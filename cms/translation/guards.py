"""Permission fences around wagtail-localize's own views.

Stock wagtail-localize lets anyone with "submit translation" submit and sync (and re-publish)
objects they cannot edit, lets any snippet editor edit every locale, and publishes straight from
its editor. These wrappers are mounted on the same URLs ahead of the stock ones (see
wagtail_hooks) and refuse what the queue's rules forbid before delegating.
"""

from functools import wraps

from django.apps import apps
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.components import get_translation_components
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from . import permissions, rules, selectors
from .background import submit_task
from .services import publishing
from .services.review import QueueError


def _translation_guard(view):
    """Views taking ``translation_id``: only translators of the target locale may use them."""

    @wraps(view)
    def wrapper(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        if not permissions.can_translate(request.user, translation.target_locale_id):
            raise PermissionDenied(f"You cannot work on {translation.target_locale} translations.")
        return view(request, translation_id, *args, **kwargs)

    return wrapper


def user_can_edit_source(user, instance) -> bool:
    if permissions.is_translator(user):
        return False  # translators never change source-language content
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.is_superuser or user.has_perm(get_permission_name("change", type(instance)))


def _source_guard(view, load):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        instance = load(**kwargs)
        if not user_can_edit_source(request.user, instance):
            raise PermissionDenied("Only editors of the source content may submit or sync it.")
        if request.method == "POST" and request.POST.get("publish_translations"):
            # Publishing goes through review in the queue, never straight from a sync.
            request.POST = request.POST.copy()
            request.POST.pop("publish_translations")
        return view(request, *args, **kwargs)

    return wrapper


def _page(page_id, **kwargs):
    return get_object_or_404(Page, pk=page_id).specific


def _snippet(app_label, model_name, pk, **kwargs):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    return get_object_or_404(model, pk=pk)


def _source(translation_source_id, **kwargs):
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    try:
        return source.get_source_instance()
    except Exception as error:
        raise Http404 from error


override_edit = _translation_guard(edit_translation.edit_override)
pofile_download = _translation_guard(edit_translation.download_pofile)
preview = _translation_guard(edit_translation.preview_translation)


class QueuedSubmitMixin:
    """Submitting to several locales runs on the worker; the request only enqueues it.

    One locale stays immediate (the editor is sent straight to the new translation), and so
    does anything using wagtail-localize translation components, which need the request.
    """

    def form_valid(self, form):
        locales = list(form.cleaned_data["locales"])
        if len(locales) < 2 or get_translation_components():
            return super().form_valid(form)
        instance, user = self.object, self.request.user
        args = (
            ContentType.objects.get_for_model(type(instance)).pk,
            str(instance.pk),
            [locale.pk for locale in locales],
            user.pk,
            bool(form.cleaned_data.get("include_subtree")),
        )
        transaction.on_commit(lambda: submit_task.enqueue(*args))
        messages.success(
            self.request,
            f"“{instance}” is being submitted into {len(locales)} locales in the background; "
            "its tasks appear in the translation queue as they are created.",
        )
        return redirect(self.get_success_url() or reverse("translation_queue:index"))


class SubmitPageView(QueuedSubmitMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetView(QueuedSubmitMixin, submit_translations.SubmitSnippetTranslationView):
    pass


submit_page = _source_guard(SubmitPageView.as_view(), _page)
submit_snippet = _source_guard(SubmitSnippetView.as_view(), _snippet)
update = _source_guard(update_translations.UpdateTranslationsView.as_view(), _source)


def check_instance(request, instance):
    """Called before Wagtail's page/snippet edit views: fence translators into their locales;
    wagtail-localize's editor "Publish" goes through the queue's review-gated publish."""
    locale_id = getattr(instance, "locale_id", None)
    if locale_id is not None and not permissions.can_touch_locale(request.user, locale_id):
        raise PermissionDenied("This content is in a locale outside your translation teams.")
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    task = selectors.task_for_instance(instance)
    if task is None or not task.translation.enabled:
        rules.check(request.user, instance, rules.PUBLISH)
        return None
    try:
        outcome = publishing.publish_translation(task, request.user)
    except QueueError as error:
        raise PermissionDenied(" ".join(error.messages)) from error
    messages.success(request, f"“{task}”: translation {outcome}.")
    return redirect("translation_queue:task", task.pk)


def _stop_guard(view):
    @wraps(view)
    def wrapper(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        try:
            target = translation.get_target_instance()
        except Exception as error:
            raise Http404 from error
        rules.check(request.user, target, rules.DISABLE_SYNC)
        return view(request, translation_id, *args, **kwargs)

    return wrapper


def _alias_guard(view):
    @wraps(view)
    def wrapper(request, page_id, *args, **kwargs):
        rules.check(request.user, _page(page_id), rules.CONVERT_ALIAS)
        return view(request, page_id, *args, **kwargs)

    return wrapper


stop = _stop_guard(_translation_guard(edit_translation.stop_translation))
convert_to_alias = _alias_guard(convert.convert_to_alias)


# Wagtail's admin API acts on pages without its views' hooks: the same rule, per action.
API_ACTIONS = {
    "publish": rules.PUBLISH,
    "unpublish": rules.UNPUBLISH,
    "delete": rules.DELETE,
    "move": rules.MOVE,
    "copy": rules.COPY,
    "copy_for_translation": rules.COPY,
    "create_alias": rules.COPY,
    "convert_alias": rules.CONVERT_ALIAS,
}


class GuardedPagesAPIViewSet(PagesAdminAPIViewSet):
    def action_view(self, request, pk, action_name):
        page = self.get_object().specific
        if action_name in API_ACTIONS:
            rules.check(request.user, page, API_ACTIONS[action_name])
        elif not permissions.can_touch_locale(request.user, page.locale_id):
            raise PermissionDenied("This content is in a locale outside your translation teams.")
        destination = request.data.get("destination_page_id") if action_name == "move" else None
        if destination:
            rules.check(request.user, _page(destination), rules.MOVE)
        return super().action_view(request, pk, action_name)
