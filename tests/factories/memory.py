"""Translation memory entries and glossary terms."""

import factory
from wagtail.models import Locale

from cms.translation.memory import text
from cms.translation.memory.models import GlossaryTerm, MemoryEntry
from cms.translation.memory.record import add_bands


class MemoryEntryFactory(factory.django.DjangoModelFactory):
    """``MemoryEntryFactory(source_text=…, target_text=…, target_locale=fr)``, with its hashes
    and look-up keys as ``record_pairs`` makes them."""

    source_locale = factory.LazyFunction(Locale.get_default)
    target_locale = factory.LazyFunction(Locale.get_default)
    source_text = factory.Sequence(lambda n: f"Source sentence number {n}")
    target_text = factory.Sequence(lambda n: f"Phrase source numéro {n}")
    source_norm = factory.LazyAttribute(lambda o: text.normalise(o.source_text))
    source_hash = factory.LazyAttribute(lambda o: text.digest(o.source_norm))
    target_hash = factory.LazyAttribute(lambda o: text.digest(o.target_text))
    words = factory.LazyAttribute(lambda o: text.words(o.source_norm))
    trigrams = factory.LazyAttribute(lambda o: len(text.trigrams(o.source_norm)))
    origin_label = "Factory page"

    class Meta:
        model = MemoryEntry
        skip_postgeneration_save = True  # the look-up keys are rows of their own

    @factory.post_generation
    def bands(entry, create, extracted, **kwargs):
        if create:
            add_bands([entry])


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)
    term = factory.Sequence(lambda n: f"term{n}")

    class Meta:
        model = GlossaryTerm
