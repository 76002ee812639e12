"""The material library: materials with real PDF files (built through the service the admin
and the demo use), country profiles and support services."""

import factory
from django.core.files.base import ContentFile
from wagtail.models import Collection, Locale

from materials.choices import Audience, FileFormat, Kind
from materials.models import Country, Material, SupportService
from materials.services import new_material_file
from tests.support.uploads import pdf_bytes


class MaterialFactory(factory.django.DjangoModelFactory):
    """``MaterialFactory(files=[("en", "screen"), …], publish=True, collection=None, **fields)``:
    a checked, saved material whose files are uploaded PDFs (a file entry may carry its bytes as a
    third item); published unless ``publish=False``."""

    kind = Kind.INFORMATION
    audiences = factory.LazyFunction(lambda: [Audience.CHILDREN])
    countries = factory.LazyFunction(lambda: ["GR"])
    title = "Information for children: Greece"
    summary = "Where to find help in Greece."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Material

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        files=((("en", FileFormat.SCREEN),)),
        publish=True,
        collection=None,
        **fields,
    ):
        material = model_class(live=False, **fields)
        material.full_clean()
        material.save()
        # A transactional test elsewhere may have flushed the migrated root collection.
        collection = (
            collection or Collection.get_first_root_node() or Collection.add_root(name="Root")
        )
        for language, file_format, *data in files:
            data = data[0] if data else pdf_bytes(text=f"{material.title} {language}")
            material.files.add(
                new_material_file(
                    ContentFile(data, name="file.pdf"),
                    material=material,
                    language=language,
                    file_format=file_format,
                    collection=collection,
                )
            )
        material.save()
        revision = material.save_revision()
        if publish:
            revision.publish()
        material.refresh_from_db()
        return material


class _SnippetFactory(factory.django.DjangoModelFactory):
    """Checked and saved; published (a live revision) unless ``publish=False``."""

    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, publish=True, **fields):
        obj = model_class(**fields)
        obj.full_clean()
        obj.save()
        if publish:
            obj.save_revision().publish()
        return obj


class CountryFactory(_SnippetFactory):
    code = "GR"
    name = "Greece"

    class Meta:
        model = Country


class SupportServiceFactory(_SnippetFactory):
    name = factory.Sequence(lambda n: f"Helpline {n}")
    country = "GR"
    phone = "112"

    class Meta:
        model = SupportService
