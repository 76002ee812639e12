"""factory_boy factories for every model the tests build; build only what a test needs."""

from .materials import CountryFactory, MaterialFactory, SupportServiceFactory
from .memory import GlossaryTermFactory, MemoryEntryFactory
from .pages import AwarenessPageFactory, ProjectPageFactory, VideoPageFactory
from .translation import LocaleTeamFactory, TranslationTaskFactory

__all__ = [
    "AwarenessPageFactory",
    "CountryFactory",
    "GlossaryTermFactory",
    "LocaleTeamFactory",
    "MaterialFactory",
    "MemoryEntryFactory",
    "ProjectPageFactory",
    "SupportServiceFactory",
    "TranslationTaskFactory",
    "VideoPageFactory",
]
