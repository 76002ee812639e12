"""Admin: the material library, country profiles and support services as snippets."""

import django_filters
from django.http import HttpResponseNotFound
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.countries import COUNTRY_CHOICES
from cms.translation.read_scope import TranslatorScopedSnippets
from materials import selectors
from materials.choices import LANGUAGE_CHOICES, Audience, ServiceAudience
from materials.fields import contains_code
from materials.models import Country, Material, MaterialFile, SupportService


def _codes(name: str):
    """A listing column showing a ChoiceListField as comma-separated codes."""
    return Column(
        name,
        label=name.replace("_", " ").capitalize(),
        accessor=lambda obj: ", ".join(getattr(obj, name)),
    )


class MaterialFilterSet(WagtailFilterSet):
    audience = django_filters.ChoiceFilter(
        label="Audience", choices=Audience.choices, method="filter_audience"
    )
    country = django_filters.ChoiceFilter(
        label="Country", choices=COUNTRY_CHOICES, method="filter_country"
    )
    language = django_filters.ChoiceFilter(
        label="File language", choices=LANGUAGE_CHOICES, method="filter_language"
    )

    class Meta:
        model = Material
        fields = ["kind", "status", "live"]

    def filter_audience(self, queryset, name, value):
        return queryset.filter(contains_code("audiences", value))

    def filter_country(self, queryset, name, value):
        return queryset.filter(contains_code("countries", value))

    def filter_language(self, queryset, name, value):
        keys = MaterialFile.objects.filter(language=value).values("material__translation_key")
        return queryset.filter(translation_key__in=keys)


def _languages_column():
    def value(material):
        return ", ".join(material.available_languages) or "none yet"

    return Column("available_languages", label="File languages", accessor=value)


class MaterialViewSet(TranslatorScopedSnippets, SnippetViewSet):
    model = Material
    icon = "doc-full"
    menu_label = "Materials"
    list_display = [
        "title",
        "kind",
        _codes("audiences"),
        _codes("countries"),
        _languages_column(),
        "status",
        "locale",
    ]
    filterset_class = MaterialFilterSet
    # The model's own search fields (title, summary): naming fields here breaks search on
    # SQLite (wagtail/django-modelsearch#47, "no such column").
    ordering = ["kind", "title"]


class CountryViewSet(TranslatorScopedSnippets, SnippetViewSet):
    model = Country
    icon = "site"
    menu_label = "Country profiles"
    list_display = ["name", "code", "locale"]
    list_filter = ["code"]
    ordering = ["code"]


class ServiceFilterSet(WagtailFilterSet):
    audience = django_filters.ChoiceFilter(
        label="Audience", choices=ServiceAudience.choices, method="filter_audience"
    )
    verified = django_filters.BooleanFilter(
        label="Verified", field_name="verified_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = SupportService
        fields = ["country", "is_emergency", "live"]

    def filter_audience(self, queryset, name, value):
        return queryset.filter(contains_code("audiences", value))


def _verified_column():
    def value(service):
        return service.verified_at.isoformat() if service.verified_at else "Unverified"

    return Column("verified_at", label="Verified", accessor=value)


class SupportServiceViewSet(TranslatorScopedSnippets, SnippetViewSet):
    model = SupportService
    icon = "help"
    menu_label = "Support services"
    list_display = ["name", "country", "phone", "is_emergency", _verified_column(), "locale"]
    filterset_class = ServiceFilterSet
    # The model's own search fields (name, description), for the same reason as above.
    ordering = ["country", "name"]


class MaterialLibraryGroup(SnippetViewSetGroup):
    menu_label = "Material library"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (MaterialViewSet, CountryViewSet, SupportServiceViewSet)


register_snippet(MaterialLibraryGroup)


@hooks.register("before_serve_document")
def withhold_files_of_hidden_materials(document, request):
    """/documents/<id>/<name> is Wagtail's own URL for every document: the files of withdrawn
    or never-published materials answer 404 there too, except to people using the admin."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if selectors.document_is_withheld(document):
        return HttpResponseNotFound("No such document.", content_type="text/plain; charset=utf-8")
    return None
